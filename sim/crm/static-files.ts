// Serving files from public/crm without ever leaving it. Request paths are decoded exactly once;
// anything with dot segments, backslashes, NUL or hidden names is refused before touching disk.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PUBLIC_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public', 'crm');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Path segments of a request path, or null when the path is malformed or tries to escape. */
export function safeSegments(rawPath: string): string[] | null {
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
export function hasDotSegment(rawPath: string): boolean {
  return rawPath.split(/\/|%2f|%5c|\\/i).some((s) => /^(?:\.|%2e){1,2}$/i.test(s));
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Reads public/crm/<segments…> if it is a plain file with a known type, else null. */
export async function readPublicFile(segments: string[]): Promise<StaticFile | null> {
  if (segments.length === 0 || !segments.every((s) => SAFE_NAME.test(s))) return null;
  const type = CONTENT_TYPES[path.extname(segments[segments.length - 1] ?? '')];
  if (!type) return null;
  const file = path.resolve(PUBLIC_ROOT, ...segments);
  if (!file.startsWith(PUBLIC_ROOT + path.sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return { body: await readFile(file), type };
  } catch {
    return null;
  }
}

/** The header and navigation every page shares, kept once in sim/crm/shell/. */
const SHELL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shell');
const SHELL_MARKER = /^( *)<!-- crm-(header|nav) -->\n/gm;

async function withShell(html: string): Promise<string> {
  const parts = {
    header: await readFile(path.join(SHELL_DIR, 'header.html'), 'utf8'),
    nav: await readFile(path.join(SHELL_DIR, 'nav.html'), 'utf8'),
  };
  return html.replace(SHELL_MARKER, (_match, indent: string, name: 'header' | 'nav') =>
    parts[name].replace(/^(?=.)/gm, indent),
  );
}

export async function readPage(name: string): Promise<StaticFile> {
  const page = await readPublicFile(['pages', `${name}.html`]);
  if (!page) throw new Error(`missing CRM page ${name}`);
  return { ...page, body: Buffer.from(await withShell(page.body.toString('utf8'))) };
}
