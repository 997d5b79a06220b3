/**
 * The web console: `GET /sim/` is `index.html` of the console folder, `/sim/console/<file>` the
 * other files. A missing folder or file is a 404; paths never leave the folder.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Answers the request if `pathname` is a console path; false otherwise. */
export async function serveConsole(
  consoleDir: string,
  pathname: string,
  res: ServerResponse,
): Promise<boolean> {
  let rel: string;
  if (pathname === '/sim' || pathname === '/sim/') rel = 'index.html';
  else if (pathname.startsWith('/sim/console/'))
    rel = pathname.slice('/sim/console/'.length) || 'index.html';
  else return false;
  const root = resolve(consoleDir);
  let file: string;
  try {
    file = resolve(root, decodeURIComponent(rel));
  } catch {
    file = '';
  }
  const inside = file.startsWith(root + sep);
  const st = inside ? await stat(file).catch(() => undefined) : undefined;
  if (!st?.isFile()) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
    return true;
  }
  const body = await readFile(file);
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(body);
  return true;
}
