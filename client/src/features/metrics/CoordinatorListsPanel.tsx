import { useState } from "react";
import type { NetworkNode } from "../../api/network";
import { fr } from "../../i18n/fr";
import type { CoordinatorLists } from "./lists";

interface CoordinatorListsPanelProps {
  lists: CoordinatorLists;
  showsOrganisations: boolean;
  onSelect: (id: string) => void;
}

const SHOWN = 6;

function NodeList({ title, help, nodes, testId, onSelect }: { title: string; help: string; nodes: readonly NetworkNode[]; testId: string; onSelect: (id: string) => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const shown = isOpen ? nodes : nodes.slice(0, SHOWN);
  return (
    <div className="coordinator-list" data-testid={testId}>
      <h3 className="coordinator-list-title">
        {title} <span className="details-subtitle-count">{nodes.length}</span>
      </h3>
      <p className="filter-help">{help}</p>
      {nodes.length === 0 ? (
        <p className="details-empty">{fr.lists.none}</p>
      ) : (
        <ol className="coordinator-items">
          {shown.map((node) => (
            <li key={node.id}>
              <button type="button" className="link-button" onClick={() => onSelect(node.id)}>
                {node.name}
              </button>
            </li>
          ))}
        </ol>
      )}
      {!isOpen && nodes.length > SHOWN && (
        <button type="button" className="link-button link-button--more" onClick={() => setIsOpen(true)}>
          {fr.lists.more(nodes.length - SHOWN)}
        </button>
      )}
    </div>
  );
}

/** Ready-made lists for the steering committee: brokers, isolated structures, single-person ties. */
export function CoordinatorListsPanel({ lists, showsOrganisations, onSelect }: CoordinatorListsPanelProps) {
  return (
    <section className="coordinator-lists" aria-labelledby="lists-title">
      <h2 id="lists-title" className="panel-title">
        {fr.lists.title}
      </h2>
      <NodeList title={fr.lists.brokers} help={fr.lists.brokersHelp} nodes={lists.brokers} testId="list-brokers" onSelect={onSelect} />
      {showsOrganisations && (
        <>
          <NodeList title={fr.lists.isolated} help={fr.lists.isolatedHelp} nodes={lists.isolated} testId="list-isolated" onSelect={onSelect} />
          <NodeList title={fr.lists.singlePerson} help={fr.lists.singlePersonHelp} nodes={lists.singlePerson} testId="list-single-person" onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
