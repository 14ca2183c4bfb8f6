import { useState } from "react";
import type { EditResult } from "../../api/editing";
import { isUnauthenticated } from "../../api/graphql";
import { describeSaveError, type SaveProblem } from "./errors";

/**
 * The submit state of an edit form: busy while saving, the server's refusal attached to its field.
 * `T` is what the save answers: an edit's result, or another write's (a GDPR erasure).
 */
export function useSave<T = EditResult>(fields: readonly string[], onSaved: (result: T) => void, onSessionExpired: () => void) {
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  const run = async (save: () => Promise<T>): Promise<void> => {
    if (isBusy) return;
    setIsBusy(true);
    setProblem(null);
    try {
      onSaved(await save());
    } catch (error) {
      if (isUnauthenticated(error)) onSessionExpired();
      else {
        const described = describeSaveError(error);
        setProblem(described);
        // The refused field takes the focus, so keyboard and screen reader users land on the message.
        requestAnimationFrame(() => {
          const target = described.field && fields.includes(described.field) ? document.querySelector<HTMLElement>(`.edit-dialog [data-field="${described.field}"] :is(input, select)`) : null;
          (target ?? document.querySelector<HTMLElement>(".edit-dialog .edit-failure"))?.focus();
        });
      }
    } finally {
      setIsBusy(false);
    }
  };

  const errorOf = (field: string): string | undefined => (problem?.field === field ? problem.message : undefined);
  // A refusal about a field this form does not show is said for the whole form.
  const formError = problem !== null && (problem.field === null || !fields.includes(problem.field)) ? problem.message : null;
  return { isBusy, run, errorOf, formError, problem, dismiss: () => setProblem(null) };
}
