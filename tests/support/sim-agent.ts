/**
 * A test-side GWS client for one simulated user, speaking the wire protocol directly: REST with
 * fetch and a manual cookie header (Node's fetch keeps no cookies), CometD with the official
 * `cometd` client over real long-polling HTTP (cometd-nodejs-client).
 *
 * Cookie handling: cometd-nodejs-client keeps one process-wide cookie jar per host name, which
 * would mix up the JSESSIONIDs of several agents on 127.0.0.1. Its XMLHttpRequest reads
 * `context.cookieStore` instead when the transport has a context, so each agent gives its
 * long-polling transport its own store holding its JSESSIONID.
 */
import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { waitFor } from './wait-for.ts';

// Wire data is checked field by field by the tests; its static type adds nothing there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any;

let adapted = false;
function ensureAdapted(): void {
  if (!adapted) {
    adapt();
    adapted = true;
  }
}

export interface Received {
  channel: string;
  data: Wire;
  at: number;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: Wire;
}

export interface PostOptions {
  csrf?: boolean;
  cookie?: boolean;
  rawBody?: string;
  headers?: Record<string, string>;
}

export class SimAgent {
  readonly baseUrl: string;
  readonly userName: string;
  password: string;
  cookie?: string;
  csrfToken?: string;
  user?: Wire;
  readonly received: Received[] = [];
  readonly meta: Message[] = [];
  cometd?: CometD;
  private readonly consumed = new Set<number>();
  private readonly cookieStore: Record<string, Record<string, string>> = {};
  private subscriptions: string[] = [];
  private subscribedAcks = 0;
  handshakes = 0;

  constructor(baseUrl: string, userName: string, password = 'password') {
    this.baseUrl = baseUrl;
    this.userName = userName;
    this.password = password;
  }

  get deviceId(): string {
    return this.user?.devices?.[0]?.id as string;
  }

  get dn(): string {
    return this.user?.devices?.[0]?.phoneNumber as string;
  }

  private setCookie(cookie: string | undefined): void {
    this.cookie = cookie;
    const host = new URL(this.baseUrl).hostname;
    this.cookieStore[host] = cookie ? { JSESSIONID: cookie } : {};
  }

  async request(
    method: string,
    path: string,
    init: PostOptions & { body?: unknown; auth?: string } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie !== false && this.cookie) headers.Cookie = this.cookie;
    if (init.csrf !== false && this.csrfToken && method !== 'GET')
      headers['X-CSRF-TOKEN'] = this.csrfToken;
    if (init.auth) headers.Authorization = init.auth;
    let body: string | undefined = init.rawBody;
    if (body === undefined && init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: Wire;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  basic(password = this.password): string {
    return 'Basic ' + Buffer.from(`${this.userName}:${password}`).toString('base64');
  }

  /** GET /api/v2/me?subresources=* with Basic: new session cookie and CSRF token. */
  async login(password = this.password): Promise<HttpAnswer> {
    const a = await this.request('GET', '/api/v2/me?subresources=*', {
      auth: this.basic(password),
      cookie: false,
    });
    const setCookie = a.headers.get('set-cookie');
    if (setCookie) this.setCookie(setCookie.split(';')[0]);
    const token = a.headers.get('x-csrf-token');
    if (token) this.csrfToken = token;
    if (a.body?.user) this.user = a.body.user;
    return a;
  }

  get(path: string): Promise<HttpAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, opts: PostOptions = {}): Promise<HttpAnswer> {
    return this.request('POST', path, { ...opts, body });
  }

  op(
    path: string,
    operationName: string,
    params: Record<string, unknown> = {},
  ): Promise<HttpAnswer> {
    return this.post(path, { operationName, ...params });
  }

  callOp(
    callId: string,
    operationName: string,
    params: Record<string, unknown> = {},
  ): Promise<HttpAnswer> {
    return this.op(`/api/v2/me/calls/${callId}`, operationName, params);
  }

  deviceOp(operationName: string, params: Record<string, unknown> = {}): Promise<HttpAnswer> {
    return this.op(`/api/v2/me/devices/${this.deviceId}`, operationName, params);
  }

  dial(phoneNumber: string, params: Record<string, unknown> = {}): Promise<HttpAnswer> {
    return this.op(`/api/v2/me/devices/${this.deviceId}/calls`, 'Dial', {
      destination: { phoneNumber },
      ...params,
    });
  }

  startSession(): Promise<HttpAnswer> {
    return this.op('/api/v2/me', 'StartContactCenterSession', { channels: ['voice'] });
  }

  /** Handshakes and subscribes (again after every re-handshake); resolves once subscribed. */
  async connect(subscriptions: string[] = ['/v2/me/*']): Promise<void> {
    ensureAdapted();
    this.subscriptions = subscriptions;
    const cometd = new CometD(this.userName);
    this.cometd = cometd;
    cometd.unregisterTransport('websocket');
    cometd.unregisterTransport('callback-polling');
    const lp = cometd.findTransport('long-polling') as unknown as { context?: unknown };
    lp.context = { cookieStore: this.cookieStore };
    cometd.configure({
      url: `${this.baseUrl}/api/v2/notifications`,
      logLevel: 'warn',
      maxBackoff: 1_000,
    });
    cometd.addListener('/meta/handshake', (m) => {
      this.meta.push(m);
      if (!m.successful) return;
      this.handshakes += 1;
      cometd.batch(() => {
        for (const ch of this.subscriptions) {
          cometd.subscribe(
            ch,
            (msg) => this.received.push({ channel: msg.channel, data: msg.data, at: Date.now() }),
            (ack) => {
              this.meta.push(ack);
              if (ack.successful) this.subscribedAcks += 1;
            },
          );
        }
      });
    });
    cometd.addListener('/meta/connect', (m) => this.meta.push(m));
    const before = this.subscribedAcks;
    cometd.handshake();
    await waitFor(() => this.subscribedAcks >= before + subscriptions.length, {
      timeoutMs: 5_000,
      message: `${this.userName} CometD subscriptions`,
    });
  }

  /** Waits for the next not-yet-consumed message that matches, and consumes it. */
  async nextMessage(
    predicate: (m: Received) => boolean,
    timeoutMs = 5_000,
    what = 'message',
  ): Promise<Received> {
    return waitFor(
      () => {
        for (let i = 0; i < this.received.length; i++) {
          const m = this.received[i] as Received;
          if (!this.consumed.has(i) && predicate(m)) {
            this.consumed.add(i);
            return m;
          }
        }
        return undefined;
      },
      { timeoutMs, intervalMs: 10, message: `${this.userName}: ${what}` },
    );
  }

  /** Next CallStateChangeMessage (optionally with this notificationType / state). */
  async nextCall(
    filter: { notificationType?: string; state?: string; callId?: string } = {},
    timeoutMs = 5_000,
  ): Promise<Wire> {
    const m = await this.nextMessage(
      (r) =>
        r.data?.messageType === 'CallStateChangeMessage' &&
        (!filter.notificationType || r.data.notificationType === filter.notificationType) &&
        (!filter.state || r.data.call?.state === filter.state) &&
        (!filter.callId || r.data.call?.id === filter.callId),
      timeoutMs,
      `call event ${JSON.stringify(filter)}`,
    );
    return m.data;
  }

  async nextDevice(timeoutMs = 5_000): Promise<Wire> {
    const m = await this.nextMessage(
      (r) => r.data?.messageType === 'DeviceStateChangeMessage',
      timeoutMs,
      'device event',
    );
    return m.data;
  }

  /** Messages received and not consumed yet. */
  pending(): Received[] {
    return this.received.filter((_m, i) => !this.consumed.has(i));
  }

  /** Marks everything received so far as seen. */
  drain(): void {
    for (let i = 0; i < this.received.length; i++) this.consumed.add(i);
  }

  async disconnect(): Promise<void> {
    const c = this.cometd;
    this.cometd = undefined;
    if (!c || c.isDisconnected()) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1_000);
      c.disconnect(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/**
 * An agent logged in, with CometD connected (all of /v2/me/*) and a contact-center session
 * started; the session's device notification (and channel one, in the v2 channel model) are
 * already consumed.
 */
export async function readyAgent(baseUrl: string, userName: string): Promise<SimAgent> {
  const a = new SimAgent(baseUrl, userName);
  await a.login();
  await a.connect();
  const r = await a.startSession();
  if (r.body?.statusCode !== 0) throw new Error(`StartContactCenterSession: ${r.text}`);
  await a.nextDevice();
  const config = (await (await fetch(`${baseUrl}/sim/config`)).json()) as {
    config: { voiceChannelMessages: boolean };
  };
  if (config.config.voiceChannelMessages)
    await a.nextMessage((m) => m.channel === '/v2/me/channels', 5_000, 'channel event');
  a.drain();
  return a;
}
