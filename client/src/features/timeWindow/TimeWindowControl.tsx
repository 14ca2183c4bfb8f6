import { useEffect, useState, type FormEvent } from "react";
import type { TimeWindow } from "../../api/network";
import { fr } from "../../i18n/fr";
import { isValidWindow, presetOf, type WindowPreset } from "./timeWindow";

interface TimeWindowControlProps {
  presets: readonly WindowPreset[];
  window: TimeWindow;
  onChange: (window: TimeWindow) => void;
}

const CUSTOM = "custom";

/** Period of the network: one preset per contract, the whole period, or dates typed by the user. */
export function TimeWindowControl({ presets, window, onChange }: TimeWindowControlProps) {
  const [from, setFrom] = useState(window.from ?? "");
  const [to, setTo] = useState(window.to ?? "");
  const preset = presetOf(presets, window);

  useEffect(() => {
    setFrom(window.from ?? "");
    setTo(window.to ?? "");
  }, [window.from, window.to]);

  const typed: TimeWindow = { from: from || null, to: to || null };
  const isValid = isValidWindow(typed);
  const isChanged = typed.from !== window.from || typed.to !== window.to;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isValid && isChanged) onChange(typed);
  };

  return (
    <section className="time-window" aria-labelledby="time-window-title">
      <label id="time-window-title" htmlFor="time-window-preset" className="panel-title">
        {fr.timeWindow.label}
      </label>
      <select id="time-window-preset" className="select" data-testid="time-window-preset"
        value={preset?.id ?? CUSTOM}
        onChange={(event) => {
          const chosen = presets.find((p) => p.id === event.target.value);
          if (chosen) onChange(chosen.window);
        }}>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
        {!preset && <option value={CUSTOM}>{fr.timeWindow.custom}</option>}
      </select>
      <form className="time-window-dates" onSubmit={onSubmit}>
        <label className="date-field">
          <span>{fr.timeWindow.from}</span>
          <input type="date" className="input" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="date-field">
          <span>{fr.timeWindow.to}</span>
          <input type="date" className="input" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit" className="button button--small" disabled={!isValid || !isChanged}>
          {fr.timeWindow.apply}
        </button>
        {!isValid && (
          <p className="field-error" role="alert">
            {fr.timeWindow.invalid}
          </p>
        )}
      </form>
    </section>
  );
}
