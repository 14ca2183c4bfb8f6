import { useEffect, useRef, useState } from "react";
import { ImportDialog } from "./ImportDialog";
import { importTexts } from "./texts";

interface ImportEntryProps {
  territoryId: string;
  territoryName: string;
  onImported: () => void;
  onSessionExpired: () => void;
}

/** The header's "Importer" button (coordinators and administrators) and the dialog it opens. */
export function ImportEntry({ territoryId, territoryName, onImported, onSessionExpired }: ImportEntryProps) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Back to the button once the dialog is gone (the dialog's own focus return finds it removed).
  useEffect(() => {
    if (wasOpen.current && !isOpen) buttonRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  const close = () => setIsOpen(false);
  return (
    <>
      <button ref={buttonRef} type="button" className="button button--quiet" data-testid="import-open"
        title={importTexts.openHint} aria-haspopup="dialog" onClick={() => setIsOpen(true)}>
        {importTexts.open}
      </button>
      {isOpen && (
        // Keyed by territory: choosing another one starts a new import.
        <ImportDialog key={territoryId} territoryId={territoryId} territoryName={territoryName}
          onImported={onImported} onSessionExpired={onSessionExpired} onClose={close} />
      )}
    </>
  );
}
