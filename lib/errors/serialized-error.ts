import { isErrorCode, type ErrorCode } from './error-codes.ts';

/**
 * The one plain form of a failure: what `GwsError.toJSON` writes, what crosses extension
 * messaging (class instances do not survive structured cloning) and what diagnostics record.
 */
export interface SerializedError {
  name: string;
  message: string;
  /** Machine-readable reason a view translates (error-codes.ts). */
  code?: ErrorCode;
  /** GWS envelope statusCode (gws-api.md §2.4), when the server sent one. */
  statusCode?: number;
  statusMessage?: string;
  httpStatus?: number;
  operationName?: string;
  /** The request was given up after the client's timeout. */
  timedOut?: boolean;
  /** The argument that was refused locally. */
  field?: string;
}

const OPTIONAL_STRINGS = ['statusMessage', 'operationName', 'field'] as const;

/**
 * Turns anything thrown into a SerializedError, keeping the fields above when present. Never
 * throws, even for a thrown value whose getters do (the parser reads hostile input).
 */
export function serializeError(error: unknown): SerializedError {
  try {
    if (error === undefined || error === null) return { name: 'Error', message: '' };
    if (typeof error !== 'object') return { name: 'Error', message: String(error) };
    const e = error as Record<string, unknown>;
    const out: SerializedError = {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : String(error),
    };
    if (isErrorCode(e.code)) out.code = e.code;
    if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
    if (typeof e.httpStatus === 'number') out.httpStatus = e.httpStatus;
    if (typeof e.timedOut === 'boolean') out.timedOut = e.timedOut;
    for (const key of OPTIONAL_STRINGS) {
      const value = e[key];
      if (typeof value === 'string') out[key] = value;
    }
    return out;
  } catch {
    return { name: 'Error', message: 'unprintable error' };
  }
}
