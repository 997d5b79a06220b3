/**
 * Typed GWS failures. Each one serializes to the one plain error shape (`toJSON`) because
 * errors cross extension messaging, where class instances do not survive structured cloning.
 */
import type { ErrorCode } from '../errors/error-codes.ts';
import type { SerializedError } from '../errors/serialized-error.ts';

interface ErrorDetails {
  statusCode?: number;
  statusMessage?: string;
  httpStatus?: number;
  operationName?: string;
  cause?: unknown;
}

/** Base of all GWS errors; never thrown itself. */
export abstract class GwsError extends Error {
  abstract readonly code: ErrorCode;
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly httpStatus?: number;
  readonly operationName?: string;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.statusCode !== undefined) this.statusCode = details.statusCode;
    if (details.statusMessage !== undefined) this.statusMessage = details.statusMessage;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.operationName !== undefined) this.operationName = details.operationName;
  }

  toJSON(): SerializedError {
    const out: SerializedError = { name: this.name, message: this.message, code: this.code };
    if (this.statusCode !== undefined) out.statusCode = this.statusCode;
    if (this.statusMessage !== undefined) out.statusMessage = this.statusMessage;
    if (this.httpStatus !== undefined) out.httpStatus = this.httpStatus;
    if (this.operationName !== undefined) out.operationName = this.operationName;
    return out;
  }
}

/** GWS refused the request: statusCode ≠ 0 with its statusMessage (gws-api.md §2.4, §10). */
export class GwsApiError extends GwsError {
  override readonly name = 'GwsApiError';
  readonly code = 'rejected';
}

/**
 * - `unauthenticated`: statusCode 20 or HTTP 401 on a request that relied on the session;
 * - `csrf`: HTTP 403 `Missing or invalid Csrf token` (also what a lost JSESSIONID looks like, §2.3);
 * - `bad-credentials`: the Basic login itself was refused.
 */
export type GwsAuthKind = 'unauthenticated' | 'csrf' | 'bad-credentials';

export class GwsAuthError extends GwsError {
  override readonly name = 'GwsAuthError';
  readonly code: GwsAuthKind;
  readonly kind: GwsAuthKind;

  constructor(kind: GwsAuthKind, message: string, details: ErrorDetails = {}) {
    super(message, details);
    this.kind = kind;
    this.code = kind;
  }
}

/** A back end is down: HTTP 503 / statusCode 4 (gws-api.md §2.6). Nothing was changed. */
export class GwsUnavailableError extends GwsError {
  override readonly name = 'GwsUnavailableError';
  readonly code = 'unavailable';
}

/** No usable HTTP answer: connection refused or reset, or the client's timeout elapsed. */
export class GwsNetworkError extends GwsError {
  override readonly name = 'GwsNetworkError';
  readonly code: 'timeout' | 'network';
  readonly timedOut: boolean;

  constructor(message: string, details: ErrorDetails & { timedOut?: boolean } = {}) {
    super(message, details);
    this.timedOut = details.timedOut ?? false;
    this.code = this.timedOut ? 'timeout' : 'network';
  }

  override toJSON(): SerializedError {
    return { ...super.toJSON(), timedOut: this.timedOut };
  }
}

/** An answer that is not what GWS sends: a non-JSON body or an unexpected shape. */
export class GwsProtocolError extends GwsError {
  override readonly name = 'GwsProtocolError';
  readonly code = 'protocol';
}

/** Refused locally before anything was sent (empty destination, non-DTMF digits…). */
export class GwsInputError extends GwsError {
  override readonly name = 'GwsInputError';
  readonly code = 'invalid-input';
  readonly field: string;

  constructor(field: string, message: string, details: ErrorDetails = {}) {
    super(message, details);
    this.field = field;
  }

  override toJSON(): SerializedError {
    return { ...super.toJSON(), field: this.field };
  }
}

export function isGwsAuthError(error: unknown): error is GwsAuthError {
  return error instanceof GwsAuthError;
}

// ---------------------------------------------------------------------------------------
// Response → outcome
// ---------------------------------------------------------------------------------------

export type ResponseOutcome =
  { ok: true; body: Record<string, unknown> } | { ok: false; error: GwsError };

export interface ResponseContext {
  httpStatus: number;
  bodyText: string;
  operationName?: string;
  /** The request carried Basic credentials: an auth failure means wrong user or password. */
  isLogin?: boolean;
  /** A collection read (`?fields=*`): the array member a body without envelope must carry. */
  collection?: string;
}

const BODY_EXCERPT_CHARS = 200;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_EXCERPT_CHARS ? `${flat.slice(0, BODY_EXCERPT_CHARS)}…` : flat;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Classifies one GWS HTTP answer. The envelope's `statusCode` decides when there is one
 * (gws-api.md §2.4); the HTTP status only decides for bodies without it (403 CSRF is plain
 * text, §2.3; the HTTP status of statusCode 20 is unknown, open question 9, so both 401 and
 * a 200 carrying statusCode 20 count as unauthenticated).
 */
export function classifyResponse(context: ResponseContext): ResponseOutcome {
  const { httpStatus, bodyText, operationName } = context;
  const authKind: GwsAuthKind = context.isLogin ? 'bad-credentials' : 'unauthenticated';
  const base = { httpStatus, ...(operationName === undefined ? {} : { operationName }) };
  const body = parseJsonObject(bodyText);
  const statusCode = typeof body?.statusCode === 'number' ? body.statusCode : undefined;
  const statusMessage = typeof body?.statusMessage === 'string' ? body.statusMessage : undefined;

  if (body === undefined || statusCode === undefined) {
    // gws-api.md §3 documents `GET /me/channels?fields=*` answering `channels[]` with no
    // `statusCode` [INF]: a successful collection read carrying its array is taken as it is.
    if (
      body !== undefined &&
      context.collection !== undefined &&
      httpStatus >= 200 &&
      httpStatus < 300 &&
      Array.isArray(body[context.collection])
    ) {
      return { ok: true, body };
    }
    if (httpStatus === 401) {
      return fail(new GwsAuthError(authKind, authMessage(authKind, bodyText), base));
    }
    if (httpStatus === 403) {
      // Plain-text 403 = CSRF token or session cookie missing (§2.3); on a Basic login
      // there is no token to miss, so the credentials were refused.
      const kind = context.isLogin ? 'bad-credentials' : 'csrf';
      return fail(new GwsAuthError(kind, excerpt(bodyText) || 'Forbidden', base));
    }
    if (httpStatus === 503) {
      return fail(new GwsUnavailableError(excerpt(bodyText) || 'Service unavailable', base));
    }
    const what = body === undefined ? 'a non-JSON body' : 'a body without statusCode';
    const shown = excerpt(bodyText);
    return fail(
      new GwsProtocolError(`HTTP ${httpStatus} with ${what}${shown ? `: ${shown}` : ''}`, base),
    );
  }

  const details = {
    ...base,
    statusCode,
    ...(statusMessage === undefined ? {} : { statusMessage }),
  };
  if (statusCode === 0) {
    if (httpStatus >= 200 && httpStatus < 300) return { ok: true, body };
    return fail(new GwsProtocolError(`HTTP ${httpStatus} with statusCode 0`, details));
  }
  if (statusCode === 20 || httpStatus === 401) {
    return fail(new GwsAuthError(authKind, statusMessage ?? authMessage(authKind, ''), details));
  }
  if (statusCode === 4 || httpStatus === 503) {
    return fail(new GwsUnavailableError(statusMessage ?? 'Service unavailable', details));
  }
  return fail(new GwsApiError(statusMessage ?? `GWS statusCode ${statusCode}`, details));
}

function fail(error: GwsError): ResponseOutcome {
  return { ok: false, error };
}

function authMessage(kind: GwsAuthKind, bodyText: string): string {
  const shown = excerpt(bodyText);
  if (shown) return shown;
  return kind === 'bad-credentials' ? 'Wrong user name or password' : 'Not authenticated';
}
