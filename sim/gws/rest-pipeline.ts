/**
 * One REST request from socket to notifications: CSRF (checked before authentication, like the
 * Spring filter chain GWS runs on), Basic/cookie authentication, JSON body, route, envelope,
 * faults (voice-down is in the ops, delay here), request log, and — only after the answer went
 * out — the notifications the operation produced (gws-api.md §11).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRoutes, publicGet } from './get-routes.ts';
import { postRoutes } from './post-routes.ts';
import type { RestHandler, RestRequest } from './rest-request.ts';
import type { SimCore } from '../core.ts';
import { FORBIDDEN, GwsError, NOT_AUTHENTICATED, NOT_FOUND } from '../gws-error.ts';
import type { Agent } from '../model/agents.ts';
import type { OutgoingEvent } from '../notify.ts';
import { errorReply, replyForError, send, type Reply } from './envelope.ts';
import {
  parseBasic,
  parseCookies,
  parseJson,
  parseJsonObject,
  readBody,
  SESSION_COOKIE,
  sessionCookieHeader,
} from '../http/request-parts.ts';
import { Router } from '../../http-kit/router.ts';
import type { HttpSession } from './sessions.ts';

const router: Router<RestHandler> = postRoutes(getRoutes());
const UNSAFE = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const CSRF_TEXT = 'Missing or invalid Csrf token';

interface Auth {
  session?: HttpSession;
  agent?: Agent;
  setCookie?: string;
  failure?: Reply;
}

function authenticate(core: SimCore, req: IncomingMessage, session: HttpSession | undefined): Auth {
  const basic = parseBasic(req.headers.authorization);
  const mode = core.config.errorHttpStatus;
  if (basic) {
    const agent = core.agents.byUserName(basic.user);
    if (!agent || agent.config.password !== basic.password) {
      return { failure: errorReply(NOT_AUTHENTICATED, 'Access denied: bad credentials', mode) };
    }
    if (session?.userName === agent.userName) return { session, agent };
    const created = core.sessions.create(agent.userName);
    return { session: created, agent, setCookie: sessionCookieHeader(created.id) };
  }
  const agent = session ? core.agents.byUserName(session.userName) : undefined;
  if (!session || !agent) {
    // Open question 9: GWS's HTTP status for statusCode 20 is not documented; 401 chosen.
    return {
      failure: errorReply(NOT_AUTHENTICATED, 'Access denied: user is not authenticated', mode),
    };
  }
  return { session, agent };
}

export async function handleRest(
  core: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  let rawBody = '';
  let unreadable: unknown;
  try {
    if (UNSAFE.has(method)) rawBody = await readBody(req, core.options.bodyTimeoutMs);
  } catch (e) {
    unreadable = e;
  }
  let session = core.sessions.get(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
  let agentName = session?.userName;
  let operationName: string | undefined;
  let loggedBody: unknown;
  const events: OutgoingEvent[] = [];
  const afterFns: Array<() => void> = [];
  const headers: Record<string, string> = {};

  const reply = ((): Reply => {
    const mode = core.config.errorHttpStatus;
    try {
      if (unreadable) throw unreadable;
      if (UNSAFE.has(method) && rawBody !== '') {
        try {
          loggedBody = parseJson(rawBody);
        } catch {
          loggedBody = rawBody.slice(0, 10_000);
        }
      }
      if (UNSAFE.has(method) && core.config.csrf) {
        const token = req.headers['x-csrf-token'];
        if (!session || token !== session.csrfToken) return { httpStatus: 403, body: CSRF_TEXT };
      }
      const pub = method === 'GET' ? publicGet(path) : undefined;
      if (pub) return pub();
      const auth = authenticate(core, req, session);
      if (auth.failure || !auth.agent || !auth.session)
        return auth.failure ?? errorReply(4, 'Internal error', mode, 500);
      session = auth.session;
      agentName = auth.agent.userName;
      if (auth.setCookie) headers['Set-Cookie'] = auth.setCookie;
      if (method === 'GET' && core.config.csrf) {
        headers['X-CSRF-HEADER'] = 'X-CSRF-TOKEN';
        headers['X-CSRF-TOKEN'] = session.csrfToken;
      }
      const match = router.match(method, path);
      if (!match)
        throw new GwsError(NOT_FOUND, `Resource not found: ${path.replace(/^\/api\/v2/, '')}`);
      if ('allowed' in match) {
        return errorReply(
          FORBIDDEN,
          `Method ${method} is not supported here (use ${match.allowed.join(', ')})`,
          mode,
          405,
        );
      }
      const r: RestRequest = {
        core,
        method,
        path,
        query: url.searchParams,
        params: match.params,
        agent: auth.agent,
        body: UNSAFE.has(method) ? parseJsonObject(rawBody) : {},
        after: (fn) => afterFns.push(fn),
      };
      try {
        const fault = core.faults.internalError;
        const captured = core.notify.capture(() => {
          if (fault.on && path.startsWith(fault.pathPrefix))
            throw new Error(`Simulated internal error in ${method} ${path}`);
          return match.handler(r);
        });
        events.push(...captured.events);
        const out = captured.result;
        if ('httpStatus' in out && 'body' in out) return out as Reply;
        const body = { statusCode: 0, ...(out as Record<string, unknown>) };
        return { httpStatus: 200, body };
      } finally {
        operationName = r.operationName;
      }
    } catch (e) {
      if (!(e instanceof GwsError))
        core.log(`error in ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
      return replyForError(e, mode);
    }
  })();

  const delay = core.faults.delay;
  if (delay.ms > 0 && path.startsWith(delay.pathPrefix))
    await new Promise((r) => setTimeout(r, delay.ms));
  reply.headers = { ...headers, ...reply.headers };
  core.requestLog.add({
    at: new Date().toISOString(),
    agent: agentName,
    method,
    path: url.pathname + url.search,
    operationName:
      operationName ??
      (typeof (loggedBody as { operationName?: unknown })?.operationName === 'string'
        ? (loggedBody as { operationName: string }).operationName
        : undefined),
    body: loggedBody,
    httpStatus: reply.httpStatus,
    statusCode:
      typeof reply.body === 'object' && !Array.isArray(reply.body)
        ? (reply.body.statusCode as number)
        : undefined,
  });
  send(res, reply, () =>
    setImmediate(() => {
      core.notify.dispatch(events);
      for (const fn of afterFns) fn();
    }),
  );
}
