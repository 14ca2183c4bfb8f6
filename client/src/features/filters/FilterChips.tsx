import { fr } from "../../i18n/fr";
import type { FilterChip, FilterKey } from "./filters";

interface FilterChipsProps {
  chips: readonly FilterChip[];
  /** What is drawn, said at the end of the strip. */
  countsText: string;
  onRemove: (key: FilterKey) => void;
  onClearAll: () => void;
  /** Untied nodes hidden or shown: a chip that toggles them (absent when there are none). */
  isolated?: { count: number; noun: readonly [string, string, boolean]; shown: boolean; onToggle: () => void } | null;
}

/** The active filters, always in view above the network, each removable with one click. */
export function FilterChips({ chips, countsText, onRemove, onClearAll, isolated = null }: FilterChipsProps) {
  return (
    <div className="chips" data-testid="filter-chips">
      <span className="chips-title">{fr.filters.active} :</span>
      {chips.length === 0 ? (
        <span className="chips-none">{fr.filters.none}</span>
      ) : (
        <>
          <ul className="chips-list">
            {chips.map((chip) => (
              <li key={chip.key} className="chip" data-filter={chip.key}>
                <span className="chip-label">{chip.label}</span>
                <button type="button" className="chip-remove" aria-label={fr.filters.remove(chip.label)}
                  title={fr.filters.remove(chip.label)} onClick={() => onRemove(chip.key)}>
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            ))}
          </ul>
          {chips.length > 1 && (
            <button type="button" className="link-button" onClick={onClearAll}>
              {fr.filters.clearAll}
            </button>
          )}
        </>
      )}
      {isolated && isolated.count > 0 && (
        <button type="button" className={`chip chip--isolated${isolated.shown ? " chip--shown" : ""}`} data-testid="isolated-chip"
          aria-pressed={isolated.shown} title={isolated.shown ? fr.isolated.hideHint : fr.isolated.showHint} onClick={isolated.onToggle}>
          {fr.isolated.chip(isolated.count, isolated.noun, isolated.shown)}
        </button>
      )}
      <p className="counts" data-testid="network-counts">
        {countsText}
      </p>
    </div>
  );
}
