/**
 * Serving files from one folder without ever leaving it, for the simulator's console and the
 * demo CRM. Request paths are decoded exactly once; dot segments (in any encoding), backslashes,
 * NUL and hidden or oddly named files are refused before the disk is touched, and only known
 * file types are served.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Path segments of a request path, or null when the path is malformed or tries to escape. */
export function safeSegments(rawPath: string): string[] | null {
  if (hasDotSegment(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments;
}

/** Does the raw (still encoded) path contain a dot segment in any encoding? */
function hasDotSegment(rawPath: string): boolean {
  return rawPath.split(/\/|%2f|%5c|\\/i).some((s) => /^(?:\.|%2e){1,2}$/i.test(s));
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Reads <root>/<segments…> if it is a plain file with a known type, else null. */
export async function readStaticFile(root: string, segments: string[]): Promise<StaticFile | null> {
  if (segments.length === 0 || !segments.every((s) => SAFE_NAME.test(s))) return null;
  const type = CONTENT_TYPES[path.extname(segments[segments.length - 1] ?? '').toLowerCase()];
  if (!type) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return { body: await readFile(file), type };
  } catch {
    return null;
  }
}
