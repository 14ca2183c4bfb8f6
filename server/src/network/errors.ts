export type NetworkInputErrorCode =
  | "INVALID_DEPTH"
  | "UNKNOWN_NODE"
  | "DUPLICATE_NODE"
  | "DUPLICATE_TIE"
  | "INVALID_TIE"
  | "INVALID_ARGUMENT";

/**
 * Bad input to a network analysis (a caller's mistake, not a bug here). The API edge maps it to a
 * client error; `details` carries the offending values for logs.
 */
export class NetworkInputError extends Error {
  constructor(
    readonly code: NetworkInputErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "NetworkInputError";
  }
}
