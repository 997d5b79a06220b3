// Response helpers shared by the CRM's routes.
import type { ServerResponse } from 'node:http';

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

export interface Reply {
  status: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  const body = reply.body ?? '';
  res.writeHead(reply.status, {
    ...BASE_HEADERS,
    ...(reply.type ? { 'Content-Type': reply.type } : {}),
    'Content-Length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(headOnly ? undefined : body);
}

export function json(status: number, value: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location } };
}
