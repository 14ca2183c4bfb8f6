/**
 * Security headers of every answer, set by helmet: a strict Content-Security-Policy (no inline or
 * evaluated script, no framing), `nosniff`, no referrer; and `Cache-Control: no-store` on every
 * answer that can hold people's data, so that no browser or proxy keeps a copy.
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The page's policy. Scripts, workers and connections stay on this origin; styles may be inline
 * (React and Cytoscape set style attributes, GraphiQL's editor too); images, fonts, workers and reads (fetch, XHR) may
 * come from `data:` and `blob:` URLs, which the PNG, PDF and PPTX exports and GraphiQL's editor build
 * in the browser. Nothing may frame the page.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'", "data:", "blob:"],
    workerSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
} as const;

/** helmet with the policy above; HSTS is left to the TLS terminator (the reverse proxy), the only one that knows the site is HTTPS-only. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: false,
  });
}

/** For routes whose answers can hold personal data (GraphQL, exports, backups, GDPR, imports, tokens). */
export const noStore: RequestHandler = (_request, response, next) => {
  response.setHeader("Cache-Control", "no-store");
  next();
};
