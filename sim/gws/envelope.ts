/**
 * Response writing: the statusCode/statusMessage envelope (gws-api.md §2.4) and the HTTP status
 * that goes with it. GWS's HTTP status for errors is not documented beyond 503 and the 403 CSRF
 * text; by default errors use the nearest HTTP meaning (`errorHttpStatus: 'mapped'`), and
 * `'always200'` answers every envelope error with 200 so clients can be tested against both.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorHttpStatus } from '../config.ts';
import { GwsError } from '../gws-error.ts';

export interface Reply {
  httpStatus: number;
  /** A JSON object (the envelope), a JSON array (CometD replies) or plain text. */
  body: Record<string, unknown> | unknown[] | string;
  headers?: Record<string, string>;
}

const MAPPED: Record<number, number> = {
  0: 200,
  1: 400,
  2: 400,
  3: 403,
  4: 500,
  5: 403,
  6: 404,
  7: 200,
  10: 400,
  11: 400,
  18: 409,
  19: 409,
  20: 401,
};

export function httpStatusFor(statusCode: number, mode: ErrorHttpStatus): number {
  if (statusCode === 0 || mode === 'always200') return 200;
  return MAPPED[statusCode] ?? 400;
}

export function okReply(body: Record<string, unknown> = {}): Reply {
  return { httpStatus: 200, body: { statusCode: 0, ...body } };
}

export function errorReply(
  statusCode: number,
  statusMessage: string,
  mode: ErrorHttpStatus,
  httpStatus?: number,
): Reply {
  return {
    httpStatus: httpStatus ?? httpStatusFor(statusCode, mode),
    body: { statusCode, statusMessage },
  };
}

export function replyForError(e: unknown, mode: ErrorHttpStatus): Reply {
  if (e instanceof GwsError) return errorReply(e.statusCode, e.message, mode, e.httpStatus);
  return errorReply(4, 'Internal server error', mode, 500);
}

export function send(res: ServerResponse, reply: Reply, done?: () => void): void {
  if (res.writableEnded || res.destroyed) {
    done?.();
    return;
  }
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  // A request whose body was not read to the end leaves the connection in an unknown state.
  if (!res.req.complete) res.setHeader('Connection', 'close');
  const isText = typeof reply.body === 'string';
  const text = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.statusCode = reply.httpStatus;
  res.setHeader(
    'Content-Type',
    isText ? 'text/plain; charset=utf-8' : 'application/json;charset=UTF-8',
  );
  res.setHeader('Cache-Control', 'no-cache, no-store');
  res.end(text, () => done?.());
}
