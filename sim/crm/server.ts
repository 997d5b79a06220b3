// The demo CRM: a separate origin on 127.0.0.1 that the extension's phone overlay and
// screen-pop target. Node built-ins only; pages are static files plus a little JSON.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contactById } from './data/contacts.ts';
import { contactsDataScript, groundTruthJson, handleApi } from './api.ts';
import { hasDotSegment, readPage, readPublicFile, safeSegments } from './static-files.ts';
import { json, redirect, send, type Reply } from './http-util.ts';

export interface CrmOptions {
  port?: number;
  host?: string;
}

export interface RunningCrm {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

const STATIC_DIRS = new Set(['assets', 'widgets']);
const ACTIVITY_TABS = new Set(['calls', 'tickets']);

async function page(name: string, status = 200): Promise<Reply> {
  const file = await readPage(name);
  return { status, type: file.type, body: file.body };
}

const notFound = (): Promise<Reply> => page('not-found', 404);

async function route(segments: string[], params: URLSearchParams): Promise<Reply> {
  // A single trailing slash is tolerated (/crm/contacts/ is /crm/contacts).
  if (segments.length > 1 && segments[segments.length - 1] === '') segments = segments.slice(0, -1);
  const [top, section, a, b] = segments;
  if ((top === '' && segments.length === 1) || (top === 'crm' && section === undefined)) {
    return redirect('/crm/dashboard');
  }
  if (top !== 'crm' || section === undefined) return notFound();
  const depth = segments.length;
  if (section === 'dashboard' && depth === 2) return page('dashboard');
  if (section === 'contacts' && depth === 2)
    return page(params.has('phone') ? 'contact' : 'contacts');
  if (section === 'contacts' && depth === 3 && a !== undefined) {
    return contactById(a) ? page('contact') : notFound();
  }
  if (section === 'activity' && (depth === 2 || (depth === 3 && ACTIVITY_TABS.has(a ?? '')))) {
    return page('activity');
  }
  if (section === 'reports' && a === 'phone-list' && depth === 3) return page('phone-list');
  if (section === 'data' && a === 'contacts.js' && depth === 3) return contactsDataScript();
  if (section === 'ground-truth.json' && depth === 2) return groundTruthJson();
  if (section === 'api') return handleApi(segments.slice(2), params);
  if (STATIC_DIRS.has(section) && a !== undefined && b === undefined) {
    const file = await readPublicFile([section, a]);
    if (file) return { status: 200, type: file.type, body: file.body };
  }
  return notFound();
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const headOnly = method === 'HEAD';
  if (method !== 'GET' && !headOnly) {
    send(
      res,
      { ...json(405, { error: 'Method not allowed' }), headers: { Allow: 'GET, HEAD' } },
      false,
    );
    return;
  }
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const segments = safeSegments(rawPath);
  if (segments === null || hasDotSegment(rawPath)) {
    send(
      res,
      { status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request path\n' },
      headOnly,
    );
    return;
  }
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  send(res, await route(segments, params), headOnly);
}

/** Starts the demo CRM on `host:port` (port 0 picks a free one). */
export function startCrm({ port = 0, host = '127.0.0.1' }: CrmOptions = {}): Promise<RunningCrm> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        send(
          res,
          { status: 500, type: 'text/plain; charset=utf-8', body: 'Internal error\n' },
          false,
        );
      } else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        baseUrl: `http://${shownHost}:${bound}`,
        port: bound,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
