import type { TimeWindow } from "../../api/network";
import { fr } from "../../i18n/fr";
import { describeWindow, presetOf, sameWindow, type WindowPreset } from "../timeWindow/timeWindow";
import type { Comparison, TieKinds } from "./compare";

const TIE_KINDS = ["gained", "lost", "kept"] as const;

interface CompareControlProps {
  presets: readonly WindowPreset[];
  window: TimeWindow;
  compareWindow: TimeWindow | null;
  comparison: Comparison | null;
  /** How the ties were chosen (threshold or significant ties), in words: the same for both periods. */
  tieRule: string;
  tieKinds: TieKinds;
  onChange: (window: TimeWindow | null) => void;
  onTieKinds: (kinds: TieKinds) => void;
}

/** The period just before the shown one among the presets: the natural reference (CLS 2 for CLS 3). */
function previousPreset(presets: readonly WindowPreset[], window: TimeWindow): WindowPreset | null {
  const index = presets.findIndex((p) => sameWindow(p.window, window));
  const candidates = presets.filter((p) => p.window.from !== null || p.window.to !== null);
  if (index > 0) return presets[index - 1] ?? null;
  return candidates.find((p) => !sameWindow(p.window, window)) ?? null;
}

/** A period's short name: its contract ("CLS 2"), or its dates. */
function periodName(presets: readonly WindowPreset[], window: TimeWindow): string {
  return describeWindow(presets, window).split(" · ")[0] ?? "";
}

/** Comparison mode: the shown period against a reference period, with ties gained and lost. */
export function CompareControl({ presets, window, compareWindow, comparison, tieRule, tieKinds, onChange, onTieKinds }: CompareControlProps) {
  const choices = presets.filter((p) => !sameWindow(p.window, window));
  const current = compareWindow ? presetOf(presets, compareWindow) : null;
  return (
    <section className="compare" aria-labelledby="compare-title">
      <label className="filter-check" id="compare-title">
        <input type="checkbox" data-testid="compare-toggle" checked={compareWindow !== null}
          onChange={(event) => onChange(event.target.checked ? (previousPreset(presets, window)?.window ?? null) : null)} />
        {fr.compare.toggle}
      </label>
      {compareWindow && (
        <>
          <label className="filter-field">
            <span className="filter-label">{fr.compare.reference}</span>
            <select className="select" data-testid="compare-window" value={current?.id ?? ""}
              onChange={(event) => {
                const chosen = choices.find((p) => p.id === event.target.value);
                if (chosen) onChange(chosen.window);
              }}>
              {!current && <option value="">{fr.timeWindow.custom}</option>}
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {comparison && (
            <p className="compare-summary" data-testid="compare-summary" aria-live="polite">
              {fr.compare.summary(comparison.counts.gained, comparison.counts.lost, comparison.counts.joined, comparison.counts.left)}
              <br />
              <span data-testid="compare-rule">
                {fr.compare.rule(tieRule, periodName(presets, compareWindow), periodName(presets, window))}
              </span>
            </p>
          )}
          {comparison && (
            <fieldset className="compare-ties" data-testid="compare-ties">
              <legend className="filter-label">{fr.compare.tieKinds}</legend>
              {TIE_KINDS.map((kind) => (
                <label key={kind} className={`filter-check compare-tie compare-tie--${kind}`}>
                  <input type="checkbox" data-testid={`compare-ties-${kind}`} checked={tieKinds[kind]}
                    onChange={(event) => onTieKinds({ ...tieKinds, [kind]: event.target.checked })} />
                  <span className="compare-tie-swatch" aria-hidden="true" />
                  {fr.compare.tieKind[kind]} ({comparison.counts[kind]})
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </section>
  );
}
