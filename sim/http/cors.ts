/**
 * CORS: the request Origin is echoed (extension origins included) with credentials, so the
 * browser sends the JSESSIONID cookie and may read the X-CSRF-* headers (gws-api.md §2.3, §11a).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'X-CSRF-HEADER, X-CSRF-TOKEN');
  res.setHeader('Vary', 'Origin');
}

/** Answers a preflight; true when the request was one. */
export function handlePreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-CSRF-TOKEN');
  res.setHeader('Access-Control-Max-Age', '600');
  res.statusCode = 204;
  res.end();
  return true;
}
