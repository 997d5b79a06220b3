/** Reading what a request carries: body text, JSON object body, cookies, Basic credentials. */
import type { IncomingMessage } from 'node:http';
import { GwsError, MISSING } from '../gws-error.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GwsError(MISSING, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An empty body is `{}`; anything but a JSON object is statusCode 1. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new GwsError(MISSING, `Invalid JSON in request body: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GwsError(MISSING, 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export function parseBasic(
  header: string | undefined,
): { user: string; password: string } | undefined {
  const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { user: decoded, password: '' };
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export const SESSION_COOKIE = 'JSESSIONID';

/**
 * `SameSite=Strict`, stricter than GWS's default cookie: the extension's requests count as
 * same-site in Chromium and Firefox (its host permission makes them first-party), so every test
 * that signs in through the simulator shows the client needs no cross-site cookie. It does not
 * stop a page on another port or a sibling subdomain (same site); the absence of CORS does.
 */
export function sessionCookieHeader(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/api; HttpOnly; SameSite=Strict`;
}
