import { useMemo } from "react";
import type { NetworkNode } from "../../api/network";
import { fr } from "../../i18n/fr";

interface NodePickerProps {
  nodes: readonly NetworkNode[];
  selectedId: string | null;
  onPick: (id: string) => void;
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/** Keyboard way into the network: every organisation, alphabetically. */
export function NodePicker({ nodes, selectedId, onPick }: NodePickerProps) {
  const sorted = useMemo(() => [...nodes].sort((a, b) => collator.compare(a.name, b.name)), [nodes]);
  return (
    <div className="picker">
      <label htmlFor="node-picker" className="panel-title">
        {fr.picker.label}
      </label>
      <select
        id="node-picker"
        className="select"
        value={selectedId ?? ""}
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
      >
        <option value="">{fr.picker.placeholder}</option>
        {sorted.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name}
          </option>
        ))}
      </select>
    </div>
  );
}
