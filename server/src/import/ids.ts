import { randomBytes } from "node:crypto";

/**
 * The id of a record an import creates: `<territory>-imp-<prefix>-` and 16 random hex digits. Random
 * on purpose (issue 19): an id derived from an e-mail or a name could be recomputed by anyone who
 * knows them and link the record to the person. A file imported again finds its records by e-mail,
 * name, title and date (plan.ts), never by recomputing an id.
 */
export const newImportId = (territoryId: string, prefix: string): string => `${territoryId}-imp-${prefix}-${randomBytes(8).toString("hex")}`;
