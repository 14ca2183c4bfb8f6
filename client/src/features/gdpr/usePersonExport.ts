import { useCallback, useEffect, useRef, useState } from "react";
import { fetchPersonDocument } from "../../api/gdpr";
import { saveBlob } from "../export/download";
import { describeGdprError } from "./errors";
import { personExportFileName, type GdprPerson } from "./person";
import { gdprTexts as t } from "./texts";

export type ExportStatus = { kind: "idle" } | { kind: "busy" } | { kind: "done"; text: string } | { kind: "error"; text: string };

/** "Exporter ses données": the personData document, downloaded as a JSON file. */
export function usePersonExport(person: GdprPerson | null, onSessionExpired: () => void) {
  const [status, setStatus] = useState<ExportStatus>({ kind: "idle" });
  const expired = useRef(onSessionExpired);
  expired.current = onSessionExpired;
  const personId = person?.id ?? null;
  // Another person: the previous export's message is not about them.
  useEffect(() => setStatus({ kind: "idle" }), [personId]);

  const run = useCallback(async () => {
    if (personId === null) return;
    setStatus({ kind: "busy" });
    try {
      const exported = await fetchPersonDocument(personId);
      const fileName = personExportFileName(personId, new Date());
      saveBlob(new Blob([exported.document], { type: "application/json;charset=utf-8" }), fileName);
      setStatus({ kind: "done", text: t.subject.exported(fileName) });
    } catch (error) {
      const message = describeGdprError(error, "person");
      if (message.needsSignIn) expired.current();
      setStatus({ kind: "error", text: `${t.errors.exportFailed} ${message.text}`.trim() });
    }
  }, [personId]);

  return { status, run };
}
