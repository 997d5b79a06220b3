/**
 * What keeps web pages away from the control API (no authentication by design): a request that
 * changes something must come from no browser at all (Node tests and scripts send no `Origin`)
 * or from the simulator's own console, and must say it carries JSON. A page of another origin
 * can still send a "simple" request without CORS (a form, or `fetch` with `mode: 'no-cors'` and
 * `text/plain`), and a browser always names its origin on such a POST; JSON would need a
 * preflight, which the simulator never grants. Own origins are the public base URL and the Host
 * the request names when it is an IP literal or `localhost` — a DNS-rebinding page names its own
 * domain, so it is refused too.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { GwsError, MISSING, NO_PERMISSION } from '../gws-error.ts';

const READ_ONLY = new Set(['GET', 'HEAD']);

function hostIsLiteral(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || isIP(name) !== 0;
}

function ownOrigins(req: IncomingMessage, baseUrl: string): string[] {
  const own = [new URL(baseUrl).origin];
  const host = req.headers.host;
  if (host && hostIsLiteral(host)) own.push(`http://${host}`);
  return own;
}

/** Throws the GWS-shaped refusal for a control request a web page could have forged. */
export function checkControlRequest(req: IncomingMessage, baseUrl: string, body: string): void {
  if (READ_ONLY.has(req.method ?? 'GET')) return;
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(req, baseUrl).includes(origin)) {
    throw new GwsError(NO_PERMISSION, `Control requests from ${origin} are refused`, 403);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (body.trim() !== '' && type !== 'application/json') {
    throw new GwsError(MISSING, 'The control API takes Content-Type: application/json', 415);
  }
}
