/** Writing one answer: status, type, body and headers, with the headers every answer carries. */
import type { ServerResponse } from 'node:http';

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export interface Reply {
  status: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export function writeReply(res: ServerResponse, reply: Reply, headOnly = false): void {
  const body = reply.body ?? '';
  res.writeHead(reply.status, {
    ...BASE_HEADERS,
    ...(reply.type ? { 'Content-Type': reply.type } : {}),
    'Content-Length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(headOnly ? undefined : body);
}

export function jsonReply(status: number, value: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

export function textReply(status: number, text: string): Reply {
  return { status, type: 'text/plain; charset=utf-8', body: text };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location } };
}
