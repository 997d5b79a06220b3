/**
 * The HTTP server: GWS REST under /api/v2, CometD at /api/v2/notifications, the control API and
 * console under /sim. Binds to loopback by default. `restart()` closes the listening socket and
 * every connection and reopens on the same port, as a GWS restart looks to clients.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrlOf, closeServer, listen } from '../http-kit/listen.ts';
import { Bayeux } from './bayeux.ts';
import type { SimOptions } from './config.ts';
import { handleControl } from './control/handle.ts';
import { controlRouter, type ControlDeps } from './control/routes.ts';
import { SimCore } from './core.ts';
import { GwsError } from './gws-error.ts';
import { answerClientErrors } from './http/client-errors.ts';
import { applyCors, handlePreflight } from './http/cors.ts';
import { replyForError, send } from './gws/envelope.ts';
import { DEFAULT_BODY_TIMEOUT_MS } from './http/request-parts.ts';
import { handleRest } from './gws/rest-pipeline.ts';
import { serveConsole } from './http/static-files.ts';
import { ScenarioRunner } from './scenarios/runner.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESTART_DOWN_MS = 300;

export interface RunningSimulator {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function startSimulator(options: SimOptions = {}): Promise<RunningSimulator> {
  const core = new SimCore(options);
  const host = options.host ?? '127.0.0.1';
  const allowedOrigins = options.allowedOrigins ?? [];
  const consoleDir = options.consoleDir ?? join(HERE, 'console');
  let bayeux = new Bayeux(core);
  core.deliver = (e) => bayeux.deliver(e);
  core.sessions.onInvalidate = (s) => {
    bayeux.dropHttpSession(s.id);
    const agent = core.agents.byUserName(s.userName);
    // GWS keeps the contact-center session only as long as an HTTP session of the user lives.
    if (agent && !core.sessions.hasUser(agent.userName)) agent.contactCenterSession = false;
  };
  const scenarios = new ScenarioRunner(core, options.scenariosDir ?? join(HERE, 'scenarios'));
  let closed = false;

  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  // Node checks these every `connectionsCheckingInterval`; a slow-header client is answered 408
  // within a second of the limit. A long poll is not affected: its request arrives at once.
  const server = createServer(
    {
      headersTimeout: bodyTimeoutMs,
      requestTimeout: bodyTimeoutMs * 2,
      connectionsCheckingInterval: Math.min(1_000, bodyTimeoutMs),
    },
    (req, res) => void handle(req, res),
  );
  server.keepAliveTimeout = 5_000;
  answerClientErrors(server);

  const deps: ControlDeps = {
    core,
    bayeux: () => bayeux,
    scenarios,
    restart,
    reset: () => {
      scenarios.stopAll();
      core.resetState();
      bayeux.releaseStalled();
      bayeux.dropAll();
      bayeux.applyConfig();
    },
  };
  const control = controlRouter(deps);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      applyCors(req, res, allowedOrigins);
      if (handlePreflight(req, res, allowedOrigins)) return;
      const url = new URL(req.url ?? '/', 'http://sim.invalid');
      const p = url.pathname;
      if (p === '/api/v2/notifications' || p.startsWith('/api/v2/notifications/'))
        return await bayeux.handle(req, res);
      if (p.startsWith('/api/v2/') || p === '/api/v2') return await handleRest(core, req, res, url);
      if (p === '/sim' || p.startsWith('/sim/')) {
        if (req.method === 'GET' && (await serveConsole(consoleDir, p, res))) return;
        return await handleControl(deps, control, req, res, url);
      }
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found');
    } catch (e) {
      if (!(e instanceof GwsError)) {
        core.log(
          `unhandled error for ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`,
        );
      }
      if (!res.headersSent) send(res, replyForError(e, core.config.errorHttpStatus));
      else res.destroy();
    }
  }

  const port = await listen(server, options.port ?? 0, host);
  core.baseUrl = (options.publicBaseUrl ?? baseUrlOf(host, port)).replace(/\/+$/, '');
  core.log(`listening on ${core.baseUrl}`);

  /** GWS restart: sessions and CometD clients gone, switch state (calls, agent states) kept. */
  async function restart(): Promise<void> {
    if (closed) return;
    core.log('restart: going down');
    bayeux.close();
    core.sessions.invalidateWhere();
    for (const a of core.agents.list) a.contactCenterSession = false;
    await closeServer(server);
    bayeux = new Bayeux(core);
    await new Promise((r) => setTimeout(r, RESTART_DOWN_MS));
    if (closed) return;
    await listen(server, port, host);
    core.log('restart: up again');
  }

  return {
    baseUrl: core.baseUrl,
    port,
    async close() {
      if (closed) return;
      closed = true;
      scenarios.stopAll();
      core.switch.clear();
      bayeux.close();
      await closeServer(server);
    },
  };
}
