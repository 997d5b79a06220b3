/**
 * CORS: granted only to the origins listed in `allowedOrigins` (default none), the way GWS's
 * `crossOriginSettings.allowedOrigins` works. The extension needs none: Chromium and Firefox let
 * an extension with a host permission read GWS's answers (and its `X-CSRF-TOKEN`) without CORS,
 * and its requests carry `Origin: chrome-extension://…` / `moz-extension://…` only on POSTs, with
 * no preflight. Granting CORS to any other origin would let a page of that origin read the CSRF
 * token with the agent's session cookie and drive the phone; a page on another port of the GWS
 * host is same-site, so SameSite cookies do not stop it — only the absence of CORS does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Vary', 'Origin');
  if (!allowedOrigins.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'X-CSRF-HEADER, X-CSRF-TOKEN');
}

/**
 * Answers a preflight; true when the request was one. Without an allowed origin the answer
 * carries no allowance, so the browser refuses the request it was asked about.
 */
export function handlePreflight(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  if (req.method !== 'OPTIONS') return false;
  if (allowedOrigins.includes(req.headers.origin ?? '')) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-CSRF-TOKEN');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = 204;
  res.end();
  return true;
}
