import { useCallback, useState } from "react";
import { ApiError } from "../../api/graphql";
import { fr } from "../../i18n/fr";
import { useMenuButton } from "../menus/useMenuButton";
import { CHOICE_GROUPS, choiceLabel, type ExportChoice } from "./choices";
import { saveBlob } from "./download";
import { ExportError } from "./errors";
import type { ExportSource } from "./runExport";
import "../menus/menu.css";
import "./exportMenu.css";

interface ExportMenuProps {
  /** Read at the click: the live canvas and what the page shows. Null while nothing is drawn. */
  getSource: () => ExportSource | null;
  disabled: boolean;
}

type Status =
  | { state: "idle" }
  | { state: "working"; what: string; isSlow: boolean }
  | { state: "done"; fileName: string }
  | { state: "error"; what: string; help: string };

/** A progress message only for exports that take longer than this. */
const SLOW_MS = 500;

/** The exporters and their libraries (PDF, PowerPoint) load once, when the menu is first reached. */
let runner: Promise<typeof import("./runExport")> | null = null;

class ModuleLoadError extends Error {}

function loadRunner(): Promise<typeof import("./runExport")> {
  runner ??= import("./runExport").catch((error: unknown) => {
    // A new version of the page replaced the file: a later try (after a reload) may succeed.
    runner = null;
    throw new ModuleLoadError(error instanceof Error ? error.message : String(error));
  });
  return runner;
}

const prefetch = () => {
  loadRunner().catch(() => undefined);
};

function errorHelp(error: unknown): string {
  if (error instanceof ModuleLoadError) return fr.exports.moduleFailed;
  if (error instanceof ExportError) {
    if (error.kind === "not-ready") return fr.exports.notReady;
    if (error.kind === "too-large") return fr.exports.tooLarge;
  }
  if (error instanceof ApiError) {
    const byCode = error.code ? fr.errors.byCode[error.code] : undefined;
    return byCode ?? fr.errors.byKind[error.kind];
  }
  return fr.exports.retryHelp;
}

/** The "Exporter" button and its menu: pictures, documents and data of the network on screen. */
export function ExportMenu({ getSource, disabled }: ExportMenuProps) {
  const { isOpen, close, menuId, buttonProps, panelProps } = useMenuButton<HTMLDivElement>({ items: "button, input" });
  const [isTransparent, setIsTransparent] = useState(false);
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const isWorking = status.state === "working";

  const run = useCallback(
    async (choice: ExportChoice) => {
      const what = choiceLabel(choice);
      close(true);
      const source = getSource();
      if (!source) {
        setStatus({ state: "error", what, help: fr.exports.notReady });
        return;
      }
      setStatus({ state: "working", what, isSlow: false });
      const timer = setTimeout(() => setStatus((s) => (s.state === "working" ? { ...s, isSlow: true } : s)), SLOW_MS);
      try {
        const { runExport } = await loadRunner();
        const file = await runExport(choice, source, { transparent: isTransparent, date: new Date() });
        saveBlob(file.blob, file.fileName);
        setStatus({ state: "done", fileName: file.fileName });
      } catch (error) {
        console.error("export failed", error);
        setStatus({ state: "error", what, help: errorHelp(error) });
      } finally {
        clearTimeout(timer);
      }
    },
    [getSource, isTransparent, close],
  );

  return (
    <div className="export-menu">
      <button {...buttonProps} type="button" className="button menu-button export-menu-button" data-testid="export-menu-button"
        title={fr.exports.menuHint} disabled={disabled || isWorking} onPointerEnter={prefetch} onFocus={prefetch}>
        {fr.exports.menu}
        <span className="menu-caret" aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <div {...panelProps} className="menu-panel export-menu-panel" data-testid="export-menu">
          {CHOICE_GROUPS.map((group, g) => (
            <div key={group.title} className="export-menu-group" role="group" aria-labelledby={`${menuId}-g${g}`}>
              <p id={`${menuId}-g${g}`} className="export-menu-title">{group.title}</p>
              <ul className="export-menu-list">
                {group.choices.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="menu-item export-menu-item" data-export={item.id} onClick={() => void run(item.choice)}>
                      <span>{item.label}</span>
                      {item.help && <span className="export-menu-help">{item.help}</span>}
                    </button>
                  </li>
                ))}
              </ul>
              {g === 0 && (
                <label className="export-menu-option">
                  <input type="checkbox" checked={isTransparent} data-testid="export-transparent"
                    onChange={(event) => setIsTransparent(event.target.checked)} />
                  {fr.exports.transparent}
                </label>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="export-status-region" aria-live="polite" role="status">
        {status.state === "working" && status.isSlow && (
          <p className="export-status" data-testid="export-status" data-state="working">
            <span className="spinner spinner--small" aria-hidden="true" />
            {fr.exports.working(status.what)}
          </p>
        )}
        {status.state === "done" && (
          <p className="export-status export-status--done" data-testid="export-status" data-state="done">
            {fr.exports.done(status.fileName)}
            <button type="button" className="icon-button export-status-close" aria-label={fr.exports.dismiss} onClick={() => setStatus({ state: "idle" })}>×</button>
          </p>
        )}
      </div>
      {status.state === "error" && (
        <div className="export-status export-status--error" role="alert" data-testid="export-status" data-state="error">
          <p>
            <strong>{fr.exports.failed(status.what)}</strong> {status.help}
          </p>
          <button type="button" className="icon-button export-status-close" aria-label={fr.exports.dismiss} onClick={() => setStatus({ state: "idle" })}>×</button>
        </div>
      )}
    </div>
  );
}
