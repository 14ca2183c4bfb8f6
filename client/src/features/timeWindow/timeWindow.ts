import type { Contract, TimeWindow } from "../../api/network";
import { fr } from "../../i18n/fr";

export interface WindowPreset {
  id: string;
  label: string;
  window: TimeWindow;
}

export const ALL_PERIOD: TimeWindow = { from: null, to: null };
export const ALL_PERIOD_ID = "all";

const yearOf = (isoDate: string): string => isoDate.slice(0, 4);

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

/** "2019-06-27" → "27/06/2019"; anything unparsable is shown as given. */
export function formatDate(isoDate: string): string {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(time) ? dateFormat.format(new Date(time)) : isoDate;
}

/** One preset per contract (oldest first), then the whole period. */
export function windowPresets(contracts: readonly Contract[]): WindowPreset[] {
  const byContract = [...contracts]
    .sort((a, b) => a.generation - b.generation || a.signedOn.localeCompare(b.signedOn))
    .map((c) => ({
      id: c.id,
      label: fr.timeWindow.contract(c.name, yearOf(c.signedOn), c.endsOn ? yearOf(c.endsOn) : null),
      window: { from: c.signedOn, to: c.endsOn },
    }));
  return [...byContract, { id: ALL_PERIOD_ID, label: fr.timeWindow.allPeriod, window: ALL_PERIOD }];
}

/** The current contract, i.e. the latest generation; the whole period when the territory has none. */
export function defaultWindow(contracts: readonly Contract[]): TimeWindow {
  const latest = [...contracts].sort((a, b) => b.generation - a.generation || b.signedOn.localeCompare(a.signedOn))[0];
  return latest ? { from: latest.signedOn, to: latest.endsOn } : ALL_PERIOD;
}

export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.from === b.from && a.to === b.to;
}

export function presetOf(presets: readonly WindowPreset[], window: TimeWindow): WindowPreset | null {
  return presets.find((p) => sameWindow(p.window, window)) ?? null;
}

function describeDates(window: TimeWindow): string {
  if (window.from && window.to) return fr.timeWindow.between(formatDate(window.from), formatDate(window.to));
  if (window.from) return fr.timeWindow.since(formatDate(window.from));
  if (window.to) return fr.timeWindow.until(formatDate(window.to));
  return fr.timeWindow.allPeriod;
}

/** What the header says about the active window: "CLS 3 · du 27/06/2019 au 31/12/2025". */
export function describeWindow(presets: readonly WindowPreset[], window: TimeWindow): string {
  if (window.from === null && window.to === null) return fr.timeWindow.allPeriod;
  const preset = presetOf(presets, window);
  const name = preset ? preset.label.replace(/\s*\(.*\)$/, "") : fr.timeWindow.custom;
  return `${name} · ${describeDates(window)}`;
}

/** A window typed by the user is usable when both bounds are valid dates in order (or open). */
export function isValidWindow(window: TimeWindow): boolean {
  const valid = (d: string | null) => d === null || /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (!valid(window.from) || !valid(window.to)) return false;
  return window.from === null || window.to === null || window.from <= window.to;
}
