import type { ViewError } from "../../graph/store";
import { fr } from "../../i18n/fr";

export function LoadingMessage({ text }: { text: string }) {
  return (
    <div className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p className="status-text">{text}</p>
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: ViewError; onRetry: () => void }) {
  return (
    <div className="status status--error" role="alert">
      <h2 className="status-title">{fr.errors.title}</h2>
      <p className="status-text">{(error.code ? fr.errors.byCode[error.code] : undefined) ?? fr.errors.byKind[error.kind]}</p>
      {error.code && (
        <p className="status-detail">
          {fr.errors.detail} : <code>{error.code}</code>
        </p>
      )}
      <button type="button" className="button" onClick={onRetry}>
        {fr.app.retry}
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
