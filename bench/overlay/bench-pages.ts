/** The benchmark's generated pages: served on an ephemeral port, with the count to expect. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { rowTexts, type BenchRow } from './generate-page.ts';

/** Numbers the detector finds in Node over the same texts: what the overlay must decorate. */
export function expectedHits(rows: BenchRow[]): number {
  let n = 0;
  for (const row of rows)
    for (const text of rowTexts(row)) n += findPhoneNumbers(text, 'US').length;
  return n;
}

/** Serves `pages` by path, and `/frame?i=N` from `frame` (the many-frames page's frames). */
export async function serve(
  pages: Map<string, string>,
  frame: (i: number) => string | undefined = () => undefined,
) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html =
      url.pathname === '/frame'
        ? frame(Number(url.searchParams.get('i')))
        : pages.get(url.pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise((r) => server.close(r)),
  };
}
