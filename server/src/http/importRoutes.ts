import express, { type Request, type Router } from "express";
import type { AppAuth } from "../auth/index.js";
import { assertCanWriteTerritory } from "../auth/index.js";
import type { Viewer } from "../auth/viewer.js";
import { AppError } from "../errors.js";
import { fileTooLarge, ImportService, MAX_IMPORT_BYTES, parseImportKind, parseMapping } from "../import/service.js";
import type { Logger } from "../logger.js";
import { jsonErrorHandler } from "./jsonErrors.js";

/**
 * Spreadsheet import over HTTP: the file is the request body (raw bytes, so a page can show upload
 * progress and 20 MB need no base64), the options are query parameters. Coordinators of the
 * territory and administrators only. Answers are JSON; errors `{ error: { code, message, ... } }`
 * with the same stable codes as the GraphQL API.
 *
 *   POST /api/import/preview?territoryId=…&kind=ACTORS&fileName=annuaire.csv
 *   POST /api/import/run?territoryId=…&kind=ACTORS&fileName=…&mode=dry-run|apply&mapping={"lastName":0,…}
 */
function queryText(request: Request, name: string): string {
  const value = request.query[name];
  if (typeof value !== "string" || value === "") throw new AppError("BAD_USER_INPUT", `Query parameter ${name} is required`, { argument: name });
  return value;
}

export function importRouter({ service, auth, log }: { service: ImportService; auth: AppAuth; log: Logger }): Router {
  const router = express.Router();
  const body = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES });

  const authorise = async (request: Request): Promise<{ territoryId: string; viewer: Viewer }> => {
    const context = await auth.createContext(request);
    const territoryId = queryText(request, "territoryId");
    assertCanWriteTerritory(context.viewer, territoryId);
    return { territoryId, viewer: context.viewer as Viewer };
  };
  const file = (request: Request) => ({
    name: typeof request.query.fileName === "string" ? request.query.fileName : "",
    bytes: Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array(),
  });

  // The token is checked before the body is read: no upload of 20 MB without the right to import.
  router.post("/preview", async (request, _response, next) => {
    try {
      await authorise(request);
      next();
    } catch (error) {
      next(error);
    }
  }, body, async (request, response, next) => {
    try {
      response.json(await service.preview(parseImportKind(request.query.kind), file(request)));
    } catch (error) {
      next(error);
    }
  });

  router.post("/run", async (request, response, next) => {
    try {
      response.locals.who = await authorise(request);
      next();
    } catch (error) {
      next(error);
    }
  }, body, async (request, response, next) => {
    try {
      const kind = parseImportKind(request.query.kind);
      const mode = queryText(request, "mode");
      if (mode !== "dry-run" && mode !== "apply") throw new AppError("BAD_USER_INPUT", "mode must be dry-run or apply", { argument: "mode" });
      let mapping;
      if (typeof request.query.mapping === "string") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(request.query.mapping);
        } catch {
          throw new AppError("BAD_USER_INPUT", "mapping is not JSON", { argument: "mapping" });
        }
        mapping = parseMapping(kind, parsed);
      }
      const { territoryId, viewer } = response.locals.who as { territoryId: string; viewer: Viewer };
      response.json(await service.run({ territoryId, kind, file: file(request), mapping, apply: mode === "apply", viewer }));
    } catch (error) {
      next(error);
    }
  });

  router.use(jsonErrorHandler({
    log,
    what: "import",
    tooLarge: { code: "FILE_TOO_LARGE", message: fileTooLarge(null).message, maxBytes: MAX_IMPORT_BYTES },
  }));
  return router;
}
