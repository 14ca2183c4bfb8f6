import express, { type Request, type Router } from "express";
import type { AppAuth } from "../auth/index.js";
import type { Viewer } from "../auth/viewer.js";
import { exportTerritory } from "../backup/exportTerritory.js";
import { parseBackup } from "../backup/format.js";
import { restoreTerritory } from "../backup/restoreTerritory.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import { jsonErrorHandler } from "./jsonErrors.js";
import type { QueryRunner } from "../neo4j/queries.js";

/**
 * Territory backups over HTTP, for administrators only (a backup holds every person's contact
 * details). Errors are `{ error: { code, message, ... } }` with the API's stable codes.
 *
 *   GET  /api/backups/<territoryId>   downloads the backup file (NDJSON, see server/src/backup/format.ts)
 *   POST /api/backups                 restores the file sent as the body, in one transaction
 */
/** Larger than the biggest territory's backup (Pays Cévennes: about 30 MB). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

function assertAdmin(viewer: Viewer | null): void {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "A valid bearer token is required.");
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only administrators may back up or restore a territory.");
}

const fileName = (territoryId: string, exportedAt: string): string =>
  `maillage-${territoryId.replace(/[^A-Za-z0-9_-]/g, "_")}-${exportedAt.slice(0, 10)}.ndjson`;

export function backupRouter({ queries, auth, log, onWrite }: { queries: QueryRunner; auth: AppAuth; log: Logger; onWrite?: () => void }): Router {
  const router = express.Router();
  const authorise = async (request: Request): Promise<void> => assertAdmin((await auth.createContext(request)).viewer);

  router.get("/:territoryId", async (request, response, next) => {
    try {
      await authorise(request);
      const { header, text } = await exportTerritory(queries, request.params.territoryId);
      // attachment() sets a type from the extension: the NDJSON type goes after it.
      response
        .status(200)
        .attachment(fileName(header.territory.id, header.exportedAt))
        .type("application/x-ndjson; charset=utf-8")
        .send(text);
    } catch (error) {
      next(error);
    }
  });

  // The token is checked before the body is read.
  router.post("/", async (request, _response, next) => {
    try {
      await authorise(request);
      next();
    } catch (error) {
      next(error);
    }
  }, express.text({ type: () => true, limit: MAX_BACKUP_BYTES }), async (request, response, next) => {
    try {
      const text = typeof request.body === "string" ? request.body : "";
      const report = await restoreTerritory(queries, parseBackup(text));
      onWrite?.();
      response.json(report);
    } catch (error) {
      next(error);
    }
  });

  router.use(jsonErrorHandler({
    log,
    what: "backup",
    tooLarge: { code: "BAD_USER_INPUT", message: `Backups up to ${MAX_BACKUP_BYTES} bytes`, maxBytes: MAX_BACKUP_BYTES },
  }));
  return router;
}
