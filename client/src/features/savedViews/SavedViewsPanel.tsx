import { useState } from "react";
import type { SavedViewSummary } from "../../api/savedViews";
import { SAVED_VIEW_LIMITS } from "../../api/savedViews";
import { fr } from "../../i18n/fr";
import { savedViewLink, type SavedViewsMessage } from "./useSavedViews";

interface SavedViewsPanelProps {
  views: readonly SavedViewSummary[] | null;
  /** Coordinators and administrators save, rename and delete; analysts only open. */
  canWrite: boolean;
  isBusy: boolean;
  message: SavedViewsMessage | null;
  onSave: (name: string) => Promise<void>;
  onOpen: (id: string) => Promise<void>;
  onRename: (id: string, name: string) => Promise<void>;
  onRemove: (view: SavedViewSummary) => Promise<void>;
  /** False when the clipboard refused: the link is then shown to copy by hand. */
  onCopyLink: (id: string) => Promise<boolean>;
  onDismiss: () => void;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short" });

type Mode = { kind: "idle" } | { kind: "rename"; name: string } | { kind: "confirmRemove" } | { kind: "link" };

function SavedViewItem({ view, canWrite, isBusy, onOpen, onRename, onRemove, onCopyLink }: { view: SavedViewSummary } & Pick<
  SavedViewsPanelProps,
  "canWrite" | "isBusy" | "onOpen" | "onRename" | "onRemove" | "onCopyLink"
>) {
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const renameId = `saved-view-rename-${view.id}`;
  return (
    <li className="saved-view" data-testid="saved-view" data-view-id={view.id} data-view-name={view.name}>
      {view.picture ? (
        <img className="saved-view-picture" src={view.picture} alt={fr.savedViews.thumbnailAlt(view.name)} />
      ) : view.isPictureWithheld ? (
        <p className="saved-view-withheld">{fr.savedViews.pictureWithheld}</p>
      ) : null}
      <p className="saved-view-name">{view.name}</p>
      <p className="saved-view-meta">
        {fr.savedViews.viewNames[view.view]} · {fr.savedViews.updatedOn(dateFormat.format(new Date(view.updatedAt)))}
      </p>
      {view.subtitle && <p className="saved-view-meta">{view.subtitle}</p>}
      <div className="saved-view-actions">
        <button type="button" className="button button--small" disabled={isBusy} onClick={() => void onOpen(view.id)}>
          {fr.savedViews.open}
        </button>
        <button type="button" className="button button--quiet" data-action="copy-link"
          onClick={() => void onCopyLink(view.id).then((copied) => setMode(copied ? { kind: "idle" } : { kind: "link" }))}>
          {fr.savedViews.copyLink}
        </button>
        {canWrite && (
          <>
            <button type="button" className="button button--quiet" disabled={isBusy} onClick={() => setMode({ kind: "rename", name: view.name })}>
              {fr.savedViews.rename}
            </button>
            <button type="button" className="button button--quiet" disabled={isBusy} onClick={() => setMode({ kind: "confirmRemove" })}>
              {fr.savedViews.remove}
            </button>
          </>
        )}
      </div>
      {mode.kind === "link" && (
        <label className="saved-view-link">
          {fr.savedViews.linkShown}
          <input className="input" readOnly value={savedViewLink(view.id)} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {mode.kind === "rename" && (
        <form className="saved-view-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onRename(view.id, mode.name).then(() => setMode({ kind: "idle" }));
          }}>
          <label htmlFor={renameId}>{fr.savedViews.renameLabel(view.name)}</label>
          <input id={renameId} className="input" value={mode.name} maxLength={SAVED_VIEW_LIMITS.nameLength + 20} autoFocus
            onChange={(event) => setMode({ kind: "rename", name: event.target.value })} />
          <div className="saved-view-actions">
            <button type="submit" className="button button--small" disabled={isBusy}>{fr.savedViews.renameConfirm}</button>
            <button type="button" className="button button--quiet" onClick={() => setMode({ kind: "idle" })}>{fr.savedViews.cancel}</button>
          </div>
        </form>
      )}
      {mode.kind === "confirmRemove" && (
        <div className="saved-view-confirm" role="alertdialog" aria-label={fr.savedViews.remove}>
          <p>{fr.savedViews.removeConfirm(view.name)}</p>
          <div className="saved-view-actions">
            <button type="button" className="button button--small button--danger" disabled={isBusy} onClick={() => void onRemove(view)}>
              {fr.savedViews.removeYes}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setMode({ kind: "idle" })}>{fr.savedViews.cancel}</button>
          </div>
        </div>
      )}
    </li>
  );
}

/** "Vues enregistrées": save the current view (coordinators, administrators), open, share, rename, delete. */
export function SavedViewsPanel(props: SavedViewsPanelProps) {
  const { views, canWrite, isBusy, message, onSave, onDismiss } = props;
  const [name, setName] = useState("");
  return (
    <section className="saved-views" aria-labelledby="saved-views-title" data-testid="saved-views">
      <h2 id="saved-views-title" className="panel-title">{fr.savedViews.title}</h2>
      {canWrite ? (
        <form className="saved-view-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onSave(name).then(() => setName(""));
          }}>
          <label htmlFor="saved-view-name">{fr.savedViews.nameLabel}</label>
          <input id="saved-view-name" className="input" value={name} placeholder={fr.savedViews.namePlaceholder}
            maxLength={SAVED_VIEW_LIMITS.nameLength + 20} onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="button button--small" disabled={isBusy}>
            {isBusy ? fr.savedViews.saving : fr.savedViews.save}
          </button>
        </form>
      ) : (
        <p className="filter-help">{fr.savedViews.readOnly}</p>
      )}
      {message && (
        <div className={`saved-views-message saved-views-message--${message.kind}`} role={message.kind === "error" ? "alert" : "status"}
          data-testid="saved-views-message">
          <p>
            {message.text}
            {message.code && <> (<code>{message.code}</code>)</>}
          </p>
          <button type="button" className="icon-button" aria-label={fr.savedViews.dismiss} onClick={onDismiss}>×</button>
        </div>
      )}
      {views === null ? (
        <p className="filter-help">{fr.savedViews.loading}</p>
      ) : views.length === 0 ? (
        <p className="filter-help">{fr.savedViews.empty}</p>
      ) : (
        <ul className="saved-view-list">
          {views.map((view) => (
            <SavedViewItem key={view.id} view={view} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}
