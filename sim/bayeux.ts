/**
 * CometD at /api/v2/notifications on cometd-nodejs-server (long-polling only, like GWS 8.5).
 *
 * - Each CometD client is tied to the HTTP session whose JSESSIONID cookie its handshake
 *   carries; without a live session the handshake is refused (`403::handshake_denied`,
 *   advice reconnect none — the library's wording). The library's own browser cookie is
 *   configured to be JSESSIONID, so it never invents a second cookie.
 * - Notifications are delivered per client (ServerSession.deliver) to the clients of the one
 *   agent they concern, never published on a shared channel.
 * - Faults: forgotten clients get `402::Unknown client` + advice handshake; stall holds
 *   /meta/connect answers; a raw frame replaces one /meta/connect answer body; duplicate and
 *   reorder act on delivery.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import pkg from 'cometd-nodejs-server';
import type {
  BayeuxMessage,
  CometDServer,
  CreateCometDServer,
  ServerSession,
} from './bayeux-types.ts';
import type { SimCore } from './core.ts';
import { checkBatch } from './bayeux-validate.ts';
import { GwsError } from './gws-error.ts';
import { replyForError, send } from './gws/envelope.ts';
import {
  parseBasic,
  parseCookies,
  parseJson,
  readBody,
  SESSION_COOKIE,
  sessionCookieHeader,
} from './http/request-parts.ts';
import type { OutgoingEvent } from './notify.ts';

const { createCometDServer } = pkg as { createCometDServer: CreateCometDServer };

/** A lone message held for reordering is let go after this. */
const REORDER_FLUSH_MS = 2000;

interface Binding {
  httpSessionId: string;
  userName: string;
}

/** Bayeux channel matching, including `*` (one segment) and `**` (any depth) wildcards. */
export function channelMatches(subscription: string, channel: string): boolean {
  if (subscription === channel) return true;
  const s = subscription.split('/');
  const c = channel.split('/');
  const last = s[s.length - 1];
  if (last === '**') return c.length >= s.length && s.slice(0, -1).every((x, i) => x === c[i]);
  if (last === '*') return c.length === s.length && s.slice(0, -1).every((x, i) => x === c[i]);
  return false;
}

export class Bayeux {
  private readonly core: SimCore;
  private readonly server: CometDServer;
  private readonly bindings = new Map<string, Binding>();
  private readonly rawFrames = new Map<string, string>();
  private held: Array<() => void> = [];
  private readonly reorderPending = new Map<
    string,
    { channel: string; data: unknown; timer: NodeJS.Timeout }
  >();

  constructor(core: SimCore) {
    this.core = core;
    this.server = createCometDServer({
      timeout: core.config.longPollTimeoutMs,
      maxInterval: core.config.maxIntervalMs,
      interval: 0,
      browserCookieName: SESSION_COOKIE,
      browserCookiePath: '/api',
      logLevel: 'info',
    });
    this.server.policy = {
      canHandshake: (session, _message, cb) => {
        const req = this.server.context.request;
        const httpSession = this.core.sessions.get(
          parseCookies(req?.headers.cookie)[SESSION_COOKIE],
        );
        if (!httpSession) return cb(null, false);
        this.bindings.set(session.id, {
          httpSessionId: httpSession.id,
          userName: httpSession.userName,
        });
        cb(null, true);
      },
      // Clients only listen; GWS topics are fed by the server.
      canPublish: (_session, _message, _channel, cb) => cb(null, false),
    };
    this.server.addExtension({
      outgoing: (_s, _sender, session, message, cb) => {
        this.rewriteUnknownClient(session, message);
        cb(null, true);
      },
    });
    this.server.addListener('sessionRemoved', (session) => {
      this.bindings.delete(session.id);
      const pending = this.reorderPending.get(session.id);
      if (pending) clearTimeout(pending.timer);
      this.reorderPending.delete(session.id);
    });
  }

  /** Java CometD's wording, and the answer a held /meta/connect of a forgotten client gets. */
  private rewriteUnknownClient(session: ServerSession | null, message: BayeuxMessage): void {
    if (message.successful === false && message.error === '402::session_unknown')
      message.error = '402::Unknown client';
    if (
      message.channel === '/meta/connect' &&
      message.successful === true &&
      session &&
      !this.server.getServerSession(session.id)
    ) {
      message.successful = false;
      message.error = '402::Unknown client';
      message.advice = { reconnect: 'handshake', interval: 0 };
    }
  }

  applyConfig(): void {
    this.server.options.timeout = this.core.config.longPollTimeoutMs;
    this.server.options.maxInterval = this.core.config.maxIntervalMs;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.statusCode = 400;
      res.end();
      return;
    }
    let messages: unknown;
    try {
      messages = parseJson(await readBody(req, this.core.options.bodyTimeoutMs));
    } catch (e) {
      // Too large or too slow: the GWS envelope with 413/408; unreadable JSON: the bare 400
      // the CometD servlet answers.
      if (e instanceof GwsError && e.httpStatus) return send(res, replyForError(e, 'mapped'));
      res.statusCode = 400;
      res.end();
      return;
    }
    const batch = checkBatch(messages);
    if (batch.refused) return send(res, { httpStatus: 200, body: batch.refused });
    const list = batch.ok;
    const cookies = parseCookies(req.headers.cookie);
    let httpSession = this.core.sessions.get(cookies[SESSION_COOKIE]);
    if (!httpSession) httpSession = this.basicLogin(req, res);
    if (list.some((m) => m.channel === '/meta/connect'))
      this.hookConnectAnswer(res, httpSession?.userName);
    (req as IncomingMessage & { body?: unknown }).body = list;
    this.server.handle(req, res);
  }

  /** Basic credentials on a transport request (the .NET client does this) open a session. */
  private basicLogin(req: IncomingMessage, res: ServerResponse) {
    const basic = parseBasic(req.headers.authorization);
    const agent = basic ? this.core.agents.byUserName(basic.user) : undefined;
    if (!basic || !agent || agent.config.password !== basic.password) return undefined;
    const s = this.core.sessions.create(agent.userName);
    const others = (req.headers.cookie ?? '')
      .split(';')
      .filter((c) => !c.trim().startsWith(`${SESSION_COOKIE}=`));
    req.headers.cookie = [...others.filter((c) => c.trim()), `${SESSION_COOKIE}=${s.id}`].join(
      '; ',
    );
    res.setHeader('Set-Cookie', sessionCookieHeader(s.id));
    return s;
  }

  private hookConnectAnswer(res: ServerResponse, userName: string | undefined): void {
    const end = res.end.bind(res) as (
      chunk?: unknown,
      encoding?: unknown,
      cb?: unknown,
    ) => ServerResponse;
    const replaced = (chunk?: unknown, encoding?: unknown, cb?: unknown): ServerResponse => {
      let body = chunk;
      const raw = userName ? this.rawFrames.get(userName) : undefined;
      if (raw !== undefined && userName) {
        this.rawFrames.delete(userName);
        body = raw;
      }
      if (this.core.faults.stall) {
        this.held.push(() => end(body, encoding, cb));
        return res;
      }
      return end(body, encoding, cb);
    };
    res.end = replaced as ServerResponse['end'];
  }

  private sessionsOf(userName: string): ServerSession[] {
    const out: ServerSession[] = [];
    for (const [id, b] of this.bindings) {
      const s = b.userName === userName ? this.server.getServerSession(id) : undefined;
      if (s) out.push(s);
    }
    return out;
  }

  deliver(event: OutgoingEvent, requireSubscription = true): void {
    for (const s of this.sessionsOf(event.userName)) {
      if (
        requireSubscription &&
        !s.subscriptions.some((c) => channelMatches(c.name, event.channel))
      )
        continue;
      this.send(s, event.channel, event.data);
    }
  }

  private send(s: ServerSession, channel: string, data: unknown): void {
    const out = (c: string, d: unknown) => {
      try {
        s.deliver(null, c, d);
        if (this.core.faults.duplicate) s.deliver(null, c, d);
      } catch (e) {
        this.core.log(`delivery to ${s.id} failed: ${(e as Error).message}`);
      }
    };
    if (!this.core.faults.reorder) return out(channel, data);
    const pending = this.reorderPending.get(s.id);
    if (pending) {
      clearTimeout(pending.timer);
      this.reorderPending.delete(s.id);
      out(channel, data);
      out(pending.channel, pending.data);
      return;
    }
    const timer = setTimeout(() => {
      this.reorderPending.delete(s.id);
      out(channel, data);
    }, REORDER_FLUSH_MS);
    this.reorderPending.set(s.id, { channel, data, timer });
  }

  setRawFrame(userName: string, text: string): void {
    this.rawFrames.set(userName, text);
    for (const s of this.sessionsOf(userName)) s._flush();
  }

  /** Stall off: every held /meta/connect answer goes out now. */
  releaseStalled(): void {
    const held = this.held;
    this.held = [];
    for (const fn of held) {
      try {
        fn();
      } catch {
        // The client gave up on that request; nothing to answer.
      }
    }
  }

  private forget(sessionIds: string[]): void {
    for (const id of sessionIds) {
      const s = this.server.getServerSession(id);
      if (!s) continue;
      this.server._removeServerSession(s, false);
      s._flush();
    }
  }

  dropAll(): number {
    const ids = [...this.bindings.keys()];
    this.forget(ids);
    return ids.length;
  }

  dropHttpSession(httpSessionId: string): void {
    this.forget(
      [...this.bindings].filter(([, b]) => b.httpSessionId === httpSessionId).map(([id]) => id),
    );
  }

  get clientCount(): number {
    return [...this.bindings.keys()].filter((id) => this.server.getServerSession(id)).length;
  }

  close(): void {
    this.held = [];
    for (const p of this.reorderPending.values()) clearTimeout(p.timer);
    this.reorderPending.clear();
    // The library's close() stops its sweeper but not the timers of held long polls, which
    // would keep the process alive for a whole hold time: answer them now.
    for (const id of this.bindings.keys()) {
      (this.server.getServerSession(id) as { _flush?: () => void } | null)?._flush?.();
    }
    this.server.close();
  }
}
