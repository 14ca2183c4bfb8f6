import { fr } from "../../i18n/fr";
import { describeViewError, type ErrorAction, type ViewError } from "./viewError";

export function LoadingMessage({ text }: { text: string }) {
  return (
    <div className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p className="status-text">{text}</p>
    </div>
  );
}

interface ErrorMessageProps {
  error: ViewError;
  /** The threshold "Relever le seuil" would set (null: the view has no threshold). */
  raisedThreshold: number | null;
  onAction: (action: ErrorAction) => void;
}

/** A refusal in one sentence (cause, then what to do) and the button that does it; no error code on screen. */
export function ErrorMessage({ error, raisedThreshold, onAction }: ErrorMessageProps) {
  const advice = describeViewError(error);
  const action = advice.action === "raiseThreshold" && raisedThreshold === null ? "reload" : advice.action;
  const label = action === "raiseThreshold" ? fr.errors.actions.raiseThreshold(raisedThreshold ?? 0) : fr.errors.actions[action];
  return (
    <div className="status status--error" role="alert" data-testid="view-error" data-code={error.code ?? error.kind}>
      <h2 className="status-title">{fr.errors.title}</h2>
      <p className="status-text" data-testid="view-error-sentence">{advice.sentence}</p>
      <button type="button" className="button" data-testid="view-error-action" onClick={() => onAction(action)}>
        {label}
      </button>
    </div>
  );
}

export function EmptyMessage({ title, help }: { title: string; help?: string }) {
  return (
    <div className="status">
      <p className="status-title">{title}</p>
      {help && <p className="status-text">{help}</p>}
    </div>
  );
}
