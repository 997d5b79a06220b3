import type { Message } from 'cometd';

/**
 * Reading cometd meta replies: plain, JSON-safe summaries for diagnostics (cometd puts the
 * request objects into `failure`, which is circular, toolchain.md §8 item 9) and the
 * classification of failures into reconnect reasons.
 */

/** Why the client is reconnecting. */
export type ReconnectReason =
  /** The request never got an HTTP answer (connection refused, reset, server restarting). */
  | 'network'
  /** A long poll got no answer within the hold time + margin and was aborted (stall). */
  | 'timeout'
  /** An HTTP status other than 200. */
  | 'http'
  /** A 200 answer that was not valid Bayeux JSON. */
  | 'protocol'
  /** The server forgot this client (`402::Unknown client`, §5.6): re-handshake. */
  | 'unknown-client'
  /** The server answered `successful: false` for another reason. */
  | 'server'
  /** A subscription was refused; it is retried. */
  | 'subscribe';

/** One meta exchange as the diagnostics ring buffer stores it. */
export interface NotificationMetaEvent {
  at: number;
  /** `/meta/handshake`, `/meta/connect`, `/meta/subscribe`, `/meta/disconnect`, or `client`. */
  channel: string;
  successful: boolean;
  clientId?: string;
  subscription?: string;
  /** Bayeux `error` from the server, e.g. `402::Unknown client`. */
  error?: string;
  /** Transport-level failure: what went wrong locally. */
  failure?: { reason?: string; httpStatus?: number; exception?: string };
  advice?: {
    reconnect?: string;
    interval?: number;
    timeout?: number;
    maxInterval?: number;
    /** Another long poll of this browser is held (see multiple-clients-advice.ts). */
    multipleClients?: boolean;
  };
  /** What the client does about it. */
  note?: string;
}

/** The parts of a cometd failure message we read; `failure` only exists on local failures. */
interface FailureMessage extends Message {
  failure?: { reason?: unknown; httpCode?: unknown; exception?: unknown };
}

export function summarizeMeta(message: Message, at: number, note?: string): NotificationMetaEvent {
  const m = message as FailureMessage;
  const event: NotificationMetaEvent = {
    at,
    channel: typeof m.channel === 'string' ? m.channel : 'unknown',
    successful: m.successful === true,
  };
  if (typeof m.clientId === 'string') event.clientId = m.clientId;
  const subscription: unknown = m.subscription;
  if (typeof subscription === 'string') event.subscription = subscription;
  if (typeof m.error === 'string') event.error = m.error;
  const failure = describeFailure(m);
  if (failure) event.failure = failure;
  if (m.advice && typeof m.advice === 'object') {
    const { reconnect, interval, timeout, maxInterval } = m.advice;
    const multipleClients = (m.advice as Record<string, unknown>)['multiple-clients'] === true;
    event.advice = {
      ...(multipleClients ? { multipleClients } : {}),
      ...(typeof reconnect === 'string' ? { reconnect } : {}),
      ...(typeof interval === 'number' ? { interval } : {}),
      ...(typeof timeout === 'number' ? { timeout } : {}),
      ...(typeof maxInterval === 'number' ? { maxInterval } : {}),
    };
  }
  if (note !== undefined) event.note = note;
  return event;
}

function describeFailure(m: FailureMessage): NotificationMetaEvent['failure'] | undefined {
  const f = m.failure;
  if (!f || typeof f !== 'object') return undefined;
  const out: NonNullable<NotificationMetaEvent['failure']> = {};
  if (typeof f.reason === 'string') out.reason = f.reason.slice(0, 300);
  if (typeof f.httpCode === 'number' && f.httpCode > 0) out.httpStatus = f.httpCode;
  if (f.exception instanceof Error) {
    // Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED…) is the cause.
    const cause = f.exception.cause instanceof Error ? ` (${f.exception.cause.message})` : '';
    out.exception = `${f.exception.name}: ${f.exception.message}${cause}`.slice(0, 300);
  } else if (f.exception !== undefined) out.exception = String(f.exception).slice(0, 300);
  return out;
}

/** HTTP status of a local transport failure, if any. */
export function failureHttpStatus(message: Message): number | undefined {
  const code = (message as FailureMessage).failure?.httpCode;
  return typeof code === 'number' && code > 0 ? code : undefined;
}

export function reconnectReason(message: Message): ReconnectReason {
  if (typeof message.error === 'string' && message.error.startsWith('402')) return 'unknown-client';
  const failure = (message as FailureMessage).failure;
  if (failure) {
    if (typeof failure.reason === 'string' && /expired waiting/.test(failure.reason)) {
      return 'timeout';
    }
    const status = failureHttpStatus(message);
    if (status !== undefined && status !== 200) return 'http';
    if (status === 200) return 'protocol';
    return 'network';
  }
  return 'server';
}

/**
 * A handshake refused because the HTTP session is gone (§5.6): HTTP 401/403 on the
 * handshake request, or a Bayeux error naming authentication. GWS's exact refusal was not
 * documented, so every shape that can only mean "log in again" counts.
 */
export function isSessionRefusal(message: Message): boolean {
  const status = failureHttpStatus(message);
  if (status === 401 || status === 403) return true;
  const error = typeof message.error === 'string' ? message.error : '';
  return (
    /^40[13]::/.test(error) || /session|authenticat|unauthori[sz]ed|forbidden|csrf/i.test(error)
  );
}
