import { currentAuthToken } from "./graphql";
import type { Json } from "./parse";

/**
 * Requests that carry files (imports, backups) through XMLHttpRequest, because fetch reports no
 * upload progress, and the JSON refusals of the server's file routes: `{ error: { code, message, … } }`.
 */

/** Where a request is: bytes moving (upload or download), or the server at work. */
export type TransferProgress =
  | { phase: "sending"; loaded: number; total: number }
  | { phase: "receiving"; loaded: number; total: number | null }
  | { phase: "waiting" };

export interface TransferOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
  /** The bearer token; the signed-in session's when left out, none when null. */
  token?: string | null;
  baseUrl?: string;
}

export interface TransferRequest {
  method: "GET" | "POST";
  /** The path and query string, after the options' base URL. */
  path: string;
  body: Blob | null;
  responseType: "blob" | "text";
  headers?: Readonly<Record<string, string>>;
  /** The message of the AbortError a cancelled request rejects with. */
  abortMessage: string;
  /** What a request the server never answered rejects with. */
  unreachable: () => Error;
}

export const isSuccess = (xhr: XMLHttpRequest): boolean => xhr.status >= 200 && xhr.status < 300;

/** One request with progress; resolves with the XHR once an answer, whatever its status, is complete. */
export function transfer(request: TransferRequest, options: TransferOptions = {}): Promise<XMLHttpRequest> {
  const { body } = request;
  return new Promise((resolve, reject) => {
    const aborted = () => new DOMException(request.abortMessage, "AbortError");
    if (options.signal?.aborted) {
      reject(aborted());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => options.signal?.removeEventListener("abort", onAbort);
    xhr.open(request.method, `${options.baseUrl ?? ""}${request.path}`);
    xhr.responseType = request.responseType;
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    const token = options.token === undefined ? currentAuthToken() : options.token;
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    if (body) {
      xhr.upload.onprogress = (event) => {
        options.onProgress?.({ phase: "sending", loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
      };
      xhr.upload.onload = () => options.onProgress?.({ phase: "waiting" });
    }
    xhr.onprogress = (event) => {
      // An error answer is small and comes at once: only a file being received is progress.
      if (isSuccess(xhr)) options.onProgress?.({ phase: "receiving", loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.onabort = () => {
      done();
      reject(aborted());
    };
    xhr.onerror = () => {
      done();
      reject(request.unreachable());
    };
    xhr.onload = () => {
      done();
      resolve(xhr);
    };
    options.onProgress?.(body ? { phase: "sending", loaded: 0, total: body.size } : { phase: "waiting" });
    xhr.send(body);
  });
}

/** An answer's body (`xhr.response`, text or blob) read as JSON; null when it is not JSON. */
export async function readJson(response: unknown): Promise<unknown> {
  try {
    const text = response instanceof Blob ? await response.text() : typeof response === "string" ? response : "";
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** What a refused request's answer says: its code and message, and the error's other fields. */
export interface Refusal {
  code: string;
  message: string;
  fields: Json;
}

/**
 * Reads `{ error: { code, message, … } }`. Another answer (a proxy's own page, a server without the
 * route) gives the HTTP status as its code, FILE_TOO_LARGE for a 413, and no fields.
 */
export function refusalOf(status: number, body: unknown): Refusal {
  const error = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Json).error : undefined;
  if (typeof error !== "object" || error === null || Array.isArray(error)) {
    return { code: status === 413 ? "FILE_TOO_LARGE" : String(status), message: `HTTP ${status}`, fields: {} };
  }
  const fields = error as Json;
  return {
    code: typeof fields.code === "string" ? fields.code : String(status),
    message: typeof fields.message === "string" ? fields.message : `HTTP ${status}`,
    fields,
  };
}
