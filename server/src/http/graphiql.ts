import { existsSync } from "node:fs";
import path from "node:path";
import { Router } from "express";

/**
 * GET /graphiql: the GraphiQL page built by Vite beside the app (client/graphiql.html), bundled with
 * its editor and workers so that it works without a CDN. Mount it before the page's SPA fallback.
 */
export function graphiqlRouter(clientDist: string): Router {
  const page = path.join(clientDist, "graphiql.html");
  const router = Router();
  router.get("/graphiql", (_request, response) => {
    if (!existsSync(page)) {
      response.status(404).type("text/plain").send("GraphiQL is not built: run `npm run build:client`.\n");
      return;
    }
    // The page names hashed assets: always fetch the latest one.
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(page);
  });
  return router;
}
