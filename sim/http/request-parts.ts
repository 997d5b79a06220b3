/** Reading what a request carries: body text, JSON object body, cookies, Basic credentials. */
import type { IncomingMessage } from 'node:http';
import { GwsError, MISSING } from '../gws-error.ts';

/** Jetty's default form limit is smaller; GWS bodies are small JSON, 1 MB is generous. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Jackson's default `maxNestingDepth`: deeper JSON is refused before it is parsed. */
export const MAX_JSON_DEPTH = 1000;
/** A body that has not fully arrived after this is answered 408 (see SimOptions.bodyTimeoutMs). */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/**
 * The whole body as text. Too large: the rest is read and thrown away (so the client, still
 * sending, gets the answer instead of a reset), then HTTP 413. Not complete in time: HTTP 408
 * (the connection is closed after the answer, see envelope.ts). Both statusCode 1, like any
 * request GWS cannot read.
 */
export function readBody(
  req: IncomingMessage,
  timeoutMs = DEFAULT_BODY_TIMEOUT_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.off('data', onData);
      req.pause();
      reject(new GwsError(MISSING, `The request body did not arrive within ${timeoutMs} ms`, 408));
    }, timeoutMs);
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      clearTimeout(timer);
      if (size > MAX_BODY_BYTES) {
        reject(
          new GwsError(
            MISSING,
            `The request body is too large (${size} bytes; at most ${MAX_BODY_BYTES})`,
            413,
          ),
        );
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * True when `text` nests arrays/objects deeper than `limit`: a linear scan, so the check itself
 * cannot overflow the stack the way rendering such a value later would.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** JSON text to a value; malformed or too deeply nested is statusCode 1. */
export function parseJson(text: string): unknown {
  if (nestsDeeperThan(text)) {
    throw new GwsError(MISSING, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new GwsError(MISSING, `Invalid JSON in request body: ${(e as Error).message}`);
  }
}

/** An empty body is `{}`; anything but a JSON object is statusCode 1. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = parseJson(text);
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
