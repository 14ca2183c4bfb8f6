import { useRef, useState } from "react";
import { fr } from "../../i18n/fr";
import { NewTerritoryDialog } from "./NewTerritoryDialog";

interface NewTerritoryEntryProps {
  onCreated: (territoryId: string) => void;
  onSessionExpired: () => void;
}

/** The header's "Nouveau territoire" button (administrators) and the dialog it opens. */
export function NewTerritoryEntry({ onCreated, onSessionExpired }: NewTerritoryEntryProps) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setIsOpen(false);
    // Once the modal dialog is gone: while it is open the rest of the page is inert and cannot take focus.
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  return (
    <>
      <button ref={buttonRef} type="button" className="button button--quiet" data-testid="new-territory-open"
        title={fr.newTerritory.openHint} aria-haspopup="dialog" onClick={() => setIsOpen(true)}>
        {fr.newTerritory.open}
      </button>
      {isOpen && <NewTerritoryDialog onCreated={onCreated} onSessionExpired={onSessionExpired} onClose={close} />}
    </>
  );
}
