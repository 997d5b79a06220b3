import './cometd-env.ts';
import { CometD, type Message } from 'cometd';
import { Backoff, DEFAULT_BACKOFF } from './backoff.ts';
import { FetchLongPollingTransport } from './fetch-long-polling.ts';
import { resetIntervalWhenMultipleClientsClear } from './multiple-clients-advice.ts';
import { isSessionRefusal, reconnectReason, summarizeMeta } from './notifications-meta.ts';
import { normalizeServerUrl } from './rest-core.ts';
import {
  GWS_TOPICS,
  type GwsNotificationsOptions,
  type NotificationStatus,
} from './notifications-options.ts';

export type { NotificationMetaEvent, ReconnectReason } from './notifications-meta.ts';
export {
  GWS_TOPICS,
  type GwsNotificationsOptions,
  type NotificationStatus,
} from './notifications-options.ts';

type FailureHandler = (info: FailureInfo) => void;
interface FailureInfo {
  action: 'handshake' | 'retry' | 'none';
  delay?: number;
}
/** cometd's overridable failure hook (Client.js), not declared in cometd.d.ts. */
interface CometDFailureHook {
  onTransportFailure(message: Message, info: FailureInfo, handler: FailureHandler): void;
}

const DEFAULT_NETWORK_DELAY_MS = 10_000;

/**
 * The CometD session on `/api/v2/notifications` (gws-api.md §5), on the official cometd
 * client with long-polling over fetch. Topics are subscribed inside the handshake listener,
 * so every re-handshake (402, server restart) subscribes again.
 */
export class GwsNotifications {
  private readonly url: string;
  private readonly options: GwsNotificationsOptions;
  private readonly topics: readonly string[];
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private cometd: CometD | undefined;
  private transport: FetchLongPollingTransport | undefined;
  private status: NotificationStatus = { state: 'disconnected', reason: 'stopped' };
  private everHandshaken = false;
  /** Set when this side decided to stop; the next failure then ends instead of retrying. */
  private stopReason: 'stopped' | 'session' | 'refused' | undefined;
  private handshakeGeneration = 0;
  private pendingTopics = new Set<string>();
  private lastConnectSucceeded = false;
  private multipleClients = false;
  private retryTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: GwsNotificationsOptions) {
    this.options = options;
    this.url = `${normalizeServerUrl(options.serverUrl)}/api/v2/notifications`;
    this.topics = options.topics ?? GWS_TOPICS;
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF, options.random);
    this.now = options.now ?? Date.now;
  }

  get currentStatus(): NotificationStatus {
    return { ...this.status };
  }

  get isConnected(): boolean {
    return this.status.state === 'connected';
  }

  /** Starts handshaking; a no-op while a session is already running or being set up. */
  connect(): void {
    if (this.cometd && !this.cometd.isDisconnected()) return;
    this.stopReason = undefined;
    this.backoff.reset();
    const cometd = this.createCometD();
    this.cometd = cometd;
    this.setStatus({ state: 'connecting' });
    cometd.handshake();
  }

  /** Clean `/meta/disconnect`; resolves once the server answered (or the request failed). */
  async disconnect(): Promise<void> {
    const cometd = this.cometd;
    const transport = this.transport;
    this.stopReason = 'stopped';
    this.cometd = undefined;
    this.transport = undefined;
    this.clearRetryTimers();
    if (cometd && cometd.getClientId() !== null && !cometd.isDisconnected()) {
      const deadline = (this.options.networkDelayMs ?? DEFAULT_NETWORK_DELAY_MS) + 1000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline);
        cometd.disconnect(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    // Whatever is still in flight (a held long poll, a pending handshake) is dropped.
    transport?.abort();
    this.setStatus({ state: 'disconnected', reason: 'stopped' });
  }

  private createCometD(): CometD {
    const cometd = new CometD();
    for (const type of cometd.getTransportTypes()) cometd.unregisterTransport(type);
    // GWS supports long-polling only (§5.1); websocket and callback-polling stay unregistered.
    const transport = new FetchLongPollingTransport({
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.requestHeaders ? { headers: this.options.requestHeaders } : {}),
      ...(this.options.traffic ? { traffic: this.options.traffic } : {}),
    });
    this.transport = transport;
    cometd.registerTransport('long-polling', transport);
    cometd.configure({
      url: this.url,
      // The documented URL exactly, without cometd's /handshake, /connect… suffixes, which
      // only work where the server maps the servlet with a wildcard.
      appendMessageTypeToURL: false,
      useWorkerScheduler: false,
      maxNetworkDelay: this.options.networkDelayMs ?? DEFAULT_NETWORK_DELAY_MS,
      logLevel: 'warn',
    });
    this.installFailureHook(cometd);
    resetIntervalWhenMultipleClientsClear(cometd);
    cometd.addListener('/meta/handshake', (m) => this.onHandshakeReply(cometd, m));
    cometd.addListener('/meta/connect', (m) => this.onConnectReply(cometd, m));
    cometd.addListener('/meta/disconnect', (m) => this.meta(m));
    return cometd;
  }

  /** Replaces cometd's linear backoff with exponential + jitter, and lets this side stop. */
  private installFailureHook(cometd: CometD): void {
    const hook = cometd as unknown as CometDFailureHook;
    const original = hook.onTransportFailure.bind(cometd);
    hook.onTransportFailure = (message, info, handler) =>
      original(message, info, (decided) => this.afterFailure(cometd, message, decided, handler));
  }

  private afterFailure(
    cometd: CometD,
    message: Message,
    info: FailureInfo,
    handler: FailureHandler,
  ): void {
    if (cometd !== this.cometd) {
      handler({ ...info, action: 'none' }); // a replaced or stopped instance winds down
      return;
    }
    let stop = this.stopReason;
    if (!stop && message.channel === '/meta/handshake' && isSessionRefusal(message)) {
      stop = 'session';
    }
    if (!stop && info.action === 'none') stop = 'refused';
    if (stop) {
      this.stopReason = stop;
      this.meta(message, `stopping: ${stop}`);
      handler({ ...info, action: 'none' });
      this.setStatus({ state: 'disconnected', reason: stop });
      return;
    }
    const reason = reconnectReason(message);
    const grown = this.backoff.next();
    // A server answering "unknown client" is up again: re-handshake promptly instead of
    // waiting out a delay that grew while it did not answer (the attempts still count up).
    const delay = reason === 'unknown-client' ? Math.min(grown, this.backoff.shortest()) : grown;
    this.meta(message, `${info.action} in ${delay} ms (attempt ${this.backoff.attempt})`);
    handler({ ...info, delay });
    this.setStatus({ state: 'reconnecting', attempt: this.backoff.attempt, reason });
  }

  private onHandshakeReply(cometd: CometD, message: Message): void {
    if (cometd !== this.cometd) {
      // A stopped instance whose handshake still succeeded: release the server-side client.
      if (message.successful) cometd.disconnect();
      return;
    }
    if (!message.successful) return; // reported by afterFailure
    this.meta(message);
    const generation = ++this.handshakeGeneration;
    this.lastConnectSucceeded = false;
    this.clearRetryTimers();
    this.pendingTopics = new Set(this.topics);
    this.stopIfAdvisedNone(cometd, message);
    cometd.batch(() => {
      for (const topic of this.topics) this.subscribe(cometd, generation, topic);
    });
  }

  private subscribe(cometd: CometD, generation: number, topic: string): void {
    cometd.subscribe(
      topic,
      (data) => {
        if (cometd === this.cometd) this.safely(() => this.options.onMessage?.(data));
      },
      (reply) => this.onSubscribeReply(cometd, generation, topic, reply),
    );
  }

  private onSubscribeReply(cometd: CometD, generation: number, topic: string, reply: Message) {
    if (cometd !== this.cometd || generation !== this.handshakeGeneration) return;
    if (!reply.successful) {
      const delay = this.backoff.next();
      this.meta(reply, `subscribe retried in ${delay} ms`);
      this.setStatus({ state: 'reconnecting', attempt: this.backoff.attempt, reason: 'subscribe' });
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        if (cometd === this.cometd && generation === this.handshakeGeneration) {
          if (!cometd.isDisconnected()) this.subscribe(cometd, generation, topic);
        }
      }, delay);
      this.retryTimers.add(timer);
      return;
    }
    this.meta(reply);
    this.pendingTopics.delete(topic);
    if (this.pendingTopics.size > 0) return;
    const rehandshake = this.everHandshaken;
    this.everHandshaken = true;
    this.safely(() => this.options.onHandshake?.({ rehandshake }));
    this.updateConnected();
  }

  private onConnectReply(cometd: CometD, message: Message): void {
    if (cometd !== this.cometd) return;
    if (!message.successful) {
      this.lastConnectSucceeded = false;
      return; // reported and retried by afterFailure
    }
    const multipleClients = message.advice?.['multiple-clients'] === true;
    if (!this.lastConnectSucceeded) this.meta(message, 'long poll answered');
    else if (multipleClients !== this.multipleClients) {
      this.meta(
        message,
        multipleClients ? 'another poll of this browser is held' : 'sole poll again',
      );
    }
    this.multipleClients = multipleClients;
    this.lastConnectSucceeded = true;
    this.stopIfAdvisedNone(cometd, message);
    this.updateConnected();
  }

  /** cometd ends the session itself on advice `reconnect: none` after a successful reply. */
  private stopIfAdvisedNone(cometd: CometD, message: Message): void {
    if (message.advice?.reconnect !== 'none') return;
    this.stopReason = 'refused';
    queueMicrotask(() => {
      if (cometd === this.cometd && cometd.isDisconnected()) {
        this.setStatus({ state: 'disconnected', reason: 'refused' });
      }
    });
  }

  private updateConnected(): void {
    if (this.stopReason || this.pendingTopics.size > 0 || !this.lastConnectSucceeded) return;
    this.backoff.reset();
    this.setStatus({ state: 'connected' });
  }

  private setStatus(status: NotificationStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.status)) return;
    this.status = status;
    this.safely(() => this.options.onStatus?.({ ...status }));
  }

  private meta(message: Message, note?: string): void {
    const onMeta = this.options.onMetaEvent;
    if (onMeta) this.safely(() => onMeta(summarizeMeta(message, this.now(), note)));
  }

  /** An owner callback that throws must not break the cometd state machine. */
  private safely(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      const onMeta = this.options.onMetaEvent;
      if (!onMeta) return;
      try {
        onMeta({
          at: this.now(),
          channel: 'client',
          successful: false,
          note: `callback threw: ${error instanceof Error ? error.message : String(error)}`,
        });
      } catch {
        // Diagnostics must never take the session down.
      }
    }
  }

  private clearRetryTimers(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }
}
