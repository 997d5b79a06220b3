/** A plain, structured-clone-safe error, as it crosses extension messaging. */
export interface SerializedError {
  name: string;
  message: string;
  /** GWS statusCode when the error came from GWS (gws-api.md §2.4). */
  statusCode?: number;
  /** A machine-readable reason the UI can translate (e.g. 'unauthenticated', 'forbidden-sender'). */
  code?: string;
}

/** Turns anything thrown into a SerializedError, keeping GWS details when present. */
export function serializeError(error: unknown): SerializedError {
  if (error && typeof error === 'object') {
    const e = error as {
      name?: unknown;
      message?: unknown;
      statusCode?: unknown;
      code?: unknown;
      kind?: unknown;
    };
    const out: SerializedError = {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : String(error),
    };
    if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
    if (typeof e.code === 'string') out.code = e.code;
    else if (typeof e.kind === 'string') out.code = e.kind;
    return out;
  }
  return { name: 'Error', message: String(error) };
}

/** The error a view sees when the background refused or failed a command. */
export class CommandError extends Error {
  readonly statusCode?: number;
  readonly code?: string;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    if (serialized.statusCode !== undefined) this.statusCode = serialized.statusCode;
    if (serialized.code !== undefined) this.code = serialized.code;
  }
}
