import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A CRM page turned hostile, for the overlay's click-safety tests: an ordinary number, one
 * to dial legitimately, a `tel:` link whose text hides a premium-rate number, and a
 * see-through cookie banner with `pointer-events: none` the page script can put in the top
 * layer (a popover) or after the overlay's host in the document, over everything.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile CRM</title>
<style>
  body { font: 16px/1.6 sans-serif; margin: 40px; }
  .banner { position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0;
    padding: 0; background: transparent; pointer-events: none; z-index: 2147483647; }
</style></head>
<body>
  <h1>Accounts</h1>
  <p>Main line: <span id="target">(415) 555-0132</span></p>
  <p>Callback: <span id="other">(212) 555-0176</span></p>
  <p><a id="report" href="tel:+19005550142">Download report</a></p>
  <div id="banner" class="banner" popover="manual">We value your privacy</div>
</body></html>`;

/** A CRM page with its own widgets in a srcdoc frame and in an about:blank frame it fills. */
const FRAMES = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM widgets</title></head>
<body>
  <h1>Widgets</h1>
  <iframe id="srcdoc" srcdoc="<p>Direct line (415) 555-0132</p>"></iframe>
  <iframe id="blank"></iframe>
  <script>
    const p = document.createElement('p');
    p.textContent = 'Desk (212) 555-0176';
    document.getElementById('blank').contentDocument.body.append(p);
  </script>
</body></html>`;

export interface HostilePage {
  url: string;
  close(): Promise<void>;
}

export async function serveHostilePage(): Promise<HostilePage> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/frames' ? FRAMES : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser keeps its connections open; they would hold the server up.
        server.closeAllConnections();
      }),
  };
}
