/**
 * The web console: `GET /sim/` is `index.html` of the console folder, `/sim/console/<file>` the
 * other files (read by http-kit, which never leaves the folder). Anything else is a 404.
 */
import type { ServerResponse } from 'node:http';
import { textReply, writeReply } from '../../http-kit/reply.ts';
import { readStaticFile, safeSegments } from '../../http-kit/static-files.ts';

/** Answers the request if `pathname` is a console path; false otherwise. */
export async function serveConsole(
  consoleDir: string,
  pathname: string,
  res: ServerResponse,
): Promise<boolean> {
  let segments: string[] | null;
  if (pathname === '/sim' || pathname === '/sim/') segments = ['index.html'];
  else if (pathname.startsWith('/sim/console/'))
    segments = safeSegments(pathname.slice('/sim/console'.length));
  else return false;
  if (segments?.length === 1 && segments[0] === '') segments = ['index.html'];
  const file = segments && (await readStaticFile(consoleDir, segments));
  writeReply(
    res,
    file
      ? { status: 200, type: file.type, body: file.body, headers: { 'Cache-Control': 'no-cache' } }
      : textReply(404, 'Not found'),
  );
  return true;
}
