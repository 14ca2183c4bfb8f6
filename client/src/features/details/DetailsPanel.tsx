import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Details } from "../../api/details";
import type { NetworkNode } from "../../api/network";
import type { Partner } from "../../graph/model";
import { CATEGORY_COLOURS, CATEGORY_SHAPES, categoryOf } from "../../graph/palette";
import { CATEGORY_LABELS, formatCount, fr, organisationTypeName } from "../../i18n/fr";
import type { Focus } from "../focus/focus";
import { searchNodes } from "../search/match";
import { LineButtons, type LineActions } from "./LineActions";

export type DetailsRequest = { status: "loading" } | { status: "error" } | { status: "ready"; details: Details } | null;

interface DetailsPanelProps {
  /** The selected node, or null when the panel shows a work group or a commune. */
  node: NetworkNode | null;
  partners: readonly Partner[];
  details: DetailsRequest;
  focus: Focus | null;
  /** Nodes drawn: the other end of a path is chosen among them. */
  candidates: readonly NetworkNode[];
  /** Move focus to the title (after picking a partner, whose button disappears). */
  shouldFocusTitle: boolean;
  onSelectPartner: (id: string) => void;
  onOpenWorkGroup: (id: string) => void;
  onFocusEgo: (id: string, depth: number) => void;
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
  onPath: (fromId: string, toId: string) => void;
  onClose: () => void;
  /** Editing buttons (coordinators and administrators; see features/editing). */
  toolbar?: ReactNode;
  /** Editing buttons on the lines of the lists (coordinators and administrators; see features/editing). */
  lineActions?: LineActions | undefined;
}

function communeText(node: NetworkNode): string {
  if (!node.communeName) return fr.details.unknownCommune;
  return node.communeCode ? `${node.communeName} (${node.communeCode})` : node.communeName;
}

const percent = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, style: "percent" });

function PathPicker({ node, candidates, onPath }: { node: NetworkNode; candidates: readonly NetworkNode[]; onPath: (fromId: string, toId: string) => void }) {
  const [query, setQuery] = useState("");
  const results = searchNodes(candidates.filter((c) => c.id !== node.id), query, 5);
  return (
    <div className="path-picker">
      <label className="filter-label" htmlFor="path-target">
        {fr.focus.pathTo}
      </label>
      <input id="path-target" className="input" type="search" autoComplete="off" value={query} placeholder={fr.focus.pathPlaceholder}
        data-testid="path-target" onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && results[0]) {
            event.preventDefault();
            onPath(node.id, results[0].node.id);
            setQuery("");
          }
        }} />
      {query.trim() !== "" && (
        <ul className="path-results" data-testid="path-results">
          {results.map((result) => (
            <li key={result.node.id}>
              <button type="button" className="link-button" onClick={() => { onPath(node.id, result.node.id); setQuery(""); }}>
                {result.node.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FetchedDetailsProps {
  details: DetailsRequest;
  onSelectPartner: (id: string) => void;
  onOpenWorkGroup: (id: string) => void;
  candidates: readonly NetworkNode[];
  lineActions: LineActions | undefined;
}

function FetchedDetails({ details, onSelectPartner, onOpenWorkGroup, candidates, lineActions }: FetchedDetailsProps) {
  if (details === null) return null;
  if (details.status === "loading") return <p className="details-empty" role="status">{fr.panel.loading}</p>;
  if (details.status === "error") return <p className="field-error" role="alert">{fr.panel.failed}</p>;
  const d = details.details;
  const drawn = new Set(candidates.map((c) => c.id));
  // Built for the record the panel is asked about: none while an older answer is still shown.
  const actions = lineActions?.kind === d.kind ? lineActions : { people: [], workGroups: [], events: [] };
  return (
    <div className="details-fetched" data-testid="details-fetched">
      {d.facts.length > 0 && (
        <dl className="details-facts">
          {d.facts.map((fact) => (
            <div key={fact.label} className="details-fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {d.axes.length > 0 && (
        <>
          <h3 className="details-subtitle">{fr.panel.axes}</h3>
          <ul className="tag-list">
            {d.axes.map((axis) => (
              <li key={axis.id} className="tag">{axis.name}</li>
            ))}
          </ul>
        </>
      )}
      {d.coverage.length > 0 && (
        <>
          <h3 className="details-subtitle">{fr.panel.coverage}</h3>
          <table className="coverage-table" data-testid="commune-coverage">
            <tbody>
              {d.coverage.map((row) => (
                <tr key={row.axis.id} className={row.isCovered ? "" : "coverage-row--white"}>
                  <th scope="row">{row.axis.name}</th>
                  <td>
                    {[
                      row.isCovered ? fr.panel.coverageCell(row.workingStructures, row.workingActors, row.events) : fr.panel.notCovered,
                      ...(row.attendingStructures > 0 ? [fr.panel.coverageAttending(row.attendingStructures)] : []),
                    ].join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.people.length > 0 && (
        <>
          <h3 className="details-subtitle">
            {fr.panel.members} <span className="details-subtitle-count">{formatCount(d.people.length)}</span>
          </h3>
          <ul className="people" data-testid="details-people">
            {d.people.map((person) => (
              <li key={person.id} className="person">
                <span className="person-name">{person.label}</span>
                <span className="person-detail">{[person.role, person.detail].filter(Boolean).join(" · ")}</span>
                {(person.email || person.phone) && (
                  <span className="person-contact">{[person.email, person.phone].filter(Boolean).join(" · ")}</span>
                )}
                <LineButtons actions={actions.people} line={{ id: person.id, name: person.label }} />
              </li>
            ))}
          </ul>
        </>
      )}
      {d.workGroups.length > 0 && (
        <>
          <h3 className="details-subtitle">
            {fr.panel.workGroups} <span className="details-subtitle-count">{formatCount(d.workGroups.length)}</span>
          </h3>
          <ul className="plain-list" data-testid="details-work-groups">
            {d.workGroups.map((group) => (
              <li key={group.id}>
                <button type="button" className="link-button" onClick={() => onOpenWorkGroup(group.id)}>{group.name}</button>
                {group.detail && <span className="person-detail"> · {group.detail}</span>}
                <LineButtons actions={actions.workGroups} line={group} />
              </li>
            ))}
          </ul>
        </>
      )}
      {d.organisations.length > 0 && (
        <>
          <h3 className="details-subtitle">
            {fr.panel.structures} <span className="details-subtitle-count">{formatCount(d.organisations.length)}</span>
          </h3>
          <ul className="plain-list" data-testid="details-organisations">
            {d.organisations.map((organisation) => (
              <li key={organisation.id}>
                {drawn.has(organisation.id) ? (
                  <button type="button" className="link-button" onClick={() => onSelectPartner(organisation.id)}>{organisation.name}</button>
                ) : (
                  <span>{organisation.name}</span>
                )}
                {organisation.detail && <span className="person-detail"> · {organisation.detail}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.events.length > 0 && (
        <>
          <h3 className="details-subtitle">
            {fr.panel.events} <span className="details-subtitle-count">{formatCount(d.events.length)}</span>
          </h3>
          <ul className="plain-list" data-testid="details-events">
            {d.events.slice(0, 30).map((event) => (
              <li key={event.id}>
                <span>{event.name}</span>
                {event.detail && <span className="person-detail"> · {event.detail}</span>}
                <LineButtons actions={actions.events} line={event} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function DetailsPanel({
  node,
  partners,
  details,
  focus,
  candidates,
  shouldFocusTitle,
  onSelectPartner,
  onOpenWorkGroup,
  onFocusEgo,
  onExpand,
  onCollapse,
  onPath,
  onClose,
  toolbar,
  lineActions,
}: DetailsPanelProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [depth, setDepth] = useState(1);
  const title = node?.name ?? (details?.status === "ready" ? details.details.title : "");

  useEffect(() => {
    if (shouldFocusTitle) titleRef.current?.focus();
  }, [node?.id, title, shouldFocusTitle]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  const category = node ? categoryOf(node) : null;
  const maxWeight = partners[0]?.weight ?? 1;
  const inEgo = focus?.kind === "ego" && node !== null;
  const kindLabel = node
    ? fr.search.kinds[node.kind]
    : details?.status === "ready"
      ? details.details.kind === "COMMUNE" ? fr.panel.commune : fr.panel.workGroup
      : "";

  return (
    <aside className="details" aria-labelledby="details-title" data-testid="details-panel">
      <div className="details-header">
        <p className="details-kind">
          {category && (
            <span className={`legend-swatch legend-swatch--${CATEGORY_SHAPES[category]}`}
              style={{ backgroundColor: CATEGORY_COLOURS[category] }} aria-hidden="true" />
          )}
          {kindLabel}
        </p>
        <h2 id="details-title" className="details-title" ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button details-close" onClick={onClose}
          aria-label={fr.details.closeHint} title={fr.details.closeHint}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {toolbar}

      {node && (
        <>
          <dl className="details-facts">
            {node.type && (
              <>
                <dt>{fr.details.type}</dt>
                <dd>{organisationTypeName(node.type)}</dd>
              </>
            )}
            {node.sector && (
              <>
                <dt>{fr.details.sector}</dt>
                <dd>{CATEGORY_LABELS[node.sector]}</dd>
              </>
            )}
            {node.kind !== "WORK_GROUP" && (
              <>
                <dt>{fr.details.commune}</dt>
                <dd>{communeText(node)}</dd>
              </>
            )}
            {(node.kind === "STRUCTURE" || node.kind === "INSTITUTION") && (
              <>
                <dt>{fr.details.members}</dt>
                <dd>{fr.details.memberCount(node.memberCount)}</dd>
              </>
            )}
            {node.metrics && (
              <>
                <dt>{fr.metrics.degree}</dt>
                <dd data-testid="metric-degree">{formatCount(node.metrics.degree)}</dd>
                <dt>{fr.metrics.weightedDegree}</dt>
                <dd>{formatCount(node.metrics.weightedDegree)}</dd>
                <dt>{fr.metrics.betweenness}</dt>
                <dd data-testid="metric-betweenness">{percent.format(node.metrics.betweenness)}</dd>
                <dt>{fr.metrics.community}</dt>
                <dd>{fr.legend.community(node.metrics.community)}</dd>
              </>
            )}
          </dl>

          <div className="focus-controls" data-testid="focus-controls">
            <div className="focus-row">
              <button type="button" className="button button--small" data-testid="focus-ego" onClick={() => onFocusEgo(node.id, depth)}>
                {fr.focus.ego}
              </button>
              <label className="focus-depth">
                <span className="visually-hidden">{fr.focus.depth}</span>
                <select className="select select--small" data-testid="focus-depth" value={depth} aria-label={fr.focus.depth}
                  onChange={(event) => setDepth(Number(event.target.value))}>
                  {[1, 2, 3].map((d) => (
                    <option key={d} value={d}>
                      {fr.focus.depthValue(d)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {inEgo && (
              <div className="focus-row">
                <button type="button" className="button button--small button--ghost" data-testid="focus-expand" onClick={() => onExpand(node.id)}>
                  {fr.focus.expand}
                </button>
                <button type="button" className="button button--small button--ghost" data-testid="focus-collapse" onClick={() => onCollapse(node.id)}>
                  {fr.focus.collapse}
                </button>
              </div>
            )}
            <PathPicker node={node} candidates={candidates} onPath={onPath} />
          </div>

          <h3 className="details-subtitle">
            {fr.details.partners} <span className="details-subtitle-count">{formatCount(partners.length)}</span>
          </h3>
          {partners.length === 0 ? (
            <p className="details-empty">{fr.details.noPartner}</p>
          ) : (
            <ol className="partners">
              {partners.slice(0, 50).map(({ node: partner, weight }) => (
                <li key={partner.id}>
                  <button type="button" className="partner" onClick={() => onSelectPartner(partner.id)}>
                    <span className="partner-swatch" style={{ backgroundColor: CATEGORY_COLOURS[categoryOf(partner)] }}
                      aria-hidden="true" />
                    <span className="partner-text">
                      <span className="partner-name">{partner.name}</span>
                      <span className="partner-weight">{fr.details.sharedGroups(weight)}</span>
                    </span>
                    <span className="partner-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((weight / maxWeight) * 100)}%` }} />
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <FetchedDetails details={details} onSelectPartner={onSelectPartner} onOpenWorkGroup={onOpenWorkGroup} candidates={candidates} lineActions={lineActions} />
    </aside>
  );
}
