import { ApiError } from "../../api/graphql";
import { EDIT_LIMITS } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { conflictOf, type EditConflict } from "./conflict";

const t = fr.editing.errors;

/** What the form shows after a refused save: a message next to a field, or for the whole form. */
export interface SaveProblem {
  /** The form's field name (`name`, `communeCode`, `organisationId`...), or null for the form as a whole. */
  field: string | null;
  message: string;
  /** Someone else changed the record meanwhile: what is stored now (the form offers the choice). */
  conflict?: EditConflict;
}

/** `input.membership.organisationId` → `organisationId`; `input.axisIds[2]` → `axisIds`. */
export function fieldOfArgument(argument: unknown): string | null {
  if (typeof argument !== "string" || argument === "") return null;
  const last = argument.split(".").at(-1) ?? "";
  const field = last.replace(/\[\d+\]$/, "");
  return field === "input" || field === "territoryId" || field === "id" ? null : field;
}

const MAX_LENGTHS: Readonly<Record<string, number>> = {
  name: EDIT_LIMITS.nameLength,
  title: EDIT_LIMITS.nameLength,
  firstName: EDIT_LIMITS.personNameLength,
  lastName: EDIT_LIMITS.personNameLength,
  kind: EDIT_LIMITS.kindLength,
  profession: EDIT_LIMITS.professionLength,
  role: EDIT_LIMITS.roleLength,
  email: EDIT_LIMITS.emailLength,
};

const DATE_FIELDS = new Set(["since", "until", "startedOn", "endedOn", "date"]);

/** The French message for a field the server refused, from its `reason`. */
export function fieldMessage(field: string, reason: unknown): string {
  switch (reason) {
    case "REQUIRED":
      return t.REQUIRED;
    case "TOO_LONG":
      return t.TOO_LONG(MAX_LENGTHS[field] ?? EDIT_LIMITS.nameLength);
    case "INVALID_FORMAT":
      if (field === "email") return t.INVALID_EMAIL;
      if (field === "phone") return t.INVALID_PHONE;
      return DATE_FIELDS.has(field) ? t.INVALID_DATE : t.INVALID_FORMAT;
    case "UNKNOWN_VALUE":
      return t.UNKNOWN_VALUE;
    case "DATE_ORDER":
      return t.DATE_ORDER;
    case "OUT_OF_RANGE":
      return field === "durationHours" ? t.DURATION : t.OUT_OF_RANGE;
    case "NOT_IN_TERRITORY":
      return t.NOT_IN_TERRITORY;
    default:
      return t.INVALID_FORMAT;
  }
}

/** Turns what a save threw into a French problem, attached to a field when the server named one. */
export function describeSaveError(error: unknown): SaveProblem {
  if (!(error instanceof ApiError)) return { field: null, message: t.other };
  if (error.code === "BAD_USER_INPUT") {
    const field = fieldOfArgument(error.extensions.argument);
    if (field !== null) return { field, message: fieldMessage(field, error.extensions.reason) };
    return { field: null, message: t.summary };
  }
  if (error.code === "FORBIDDEN") return { field: null, message: t.FORBIDDEN };
  if (error.code === "NOT_FOUND") return { field: null, message: t.NOT_FOUND };
  if (error.code === "CONFLICT") {
    const conflict = conflictOf(error.extensions);
    return conflict === null ? { field: null, message: t.CONFLICT } : { field: null, message: t.STALE_VERSION, conflict };
  }
  return { field: null, message: t.other };
}
