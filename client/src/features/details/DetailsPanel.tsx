import { useEffect, useRef } from "react";
import type { NetworkNode } from "../../api/network";
import type { Partner } from "../../graph/model";
import { CATEGORY_COLOURS, categoryOf } from "../../graph/palette";
import { CATEGORY_LABELS, formatCount, fr } from "../../i18n/fr";

interface DetailsPanelProps {
  node: NetworkNode;
  partners: readonly Partner[];
  /** Move focus to the title (after picking a partner, whose button disappears). */
  shouldFocusTitle: boolean;
  onSelectPartner: (id: string) => void;
  onClose: () => void;
}

function communeText(node: NetworkNode): string {
  if (!node.communeName) return fr.details.unknownCommune;
  return node.communeCode ? `${node.communeName} (${node.communeCode})` : node.communeName;
}

export function DetailsPanel({ node, partners, shouldFocusTitle, onSelectPartner, onClose }: DetailsPanelProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (shouldFocusTitle) titleRef.current?.focus();
  }, [node.id, shouldFocusTitle]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  const category = categoryOf(node);
  const maxWeight = partners[0]?.weight ?? 1;

  return (
    <aside className="details" aria-labelledby="details-title" data-testid="details-panel">
      <div className="details-header">
        <p className="details-kind">
          <span className={`legend-swatch legend-swatch--${node.kind === "INSTITUTION" ? "diamond" : "ellipse"}`}
            style={{ backgroundColor: CATEGORY_COLOURS[category] }} aria-hidden="true" />
          {fr.details.kind[node.kind]}
        </p>
        <h2 id="details-title" className="details-title" ref={titleRef} tabIndex={-1}>
          {node.name}
        </h2>
        <button type="button" className="icon-button details-close" onClick={onClose}
          aria-label={fr.details.closeHint} title={fr.details.closeHint}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      <dl className="details-facts">
        <dt>{fr.details.type}</dt>
        <dd>{node.type}</dd>
        {node.kind === "STRUCTURE" && (
          <>
            <dt>{fr.details.sector}</dt>
            <dd>{CATEGORY_LABELS[node.sector]}</dd>
          </>
        )}
        <dt>{fr.details.commune}</dt>
        <dd>{communeText(node)}</dd>
        <dt>{fr.details.members}</dt>
        <dd>{fr.details.memberCount(node.memberCount)}</dd>
      </dl>

      <h3 className="details-subtitle">
        {fr.details.partners} <span className="details-subtitle-count">{formatCount(partners.length)}</span>
      </h3>
      {partners.length === 0 ? (
        <p className="details-empty">{fr.details.noPartner}</p>
      ) : (
        <ol className="partners">
          {partners.map(({ node: partner, weight }) => (
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
    </aside>
  );
}
