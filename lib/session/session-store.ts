import {
  changeBetween,
  initialCallsState,
  reduce,
  type CallAlert,
  type CallsState,
  type StoreAction,
  type StoreChange,
} from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { SessionPersistence } from './persistence.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { SingleTimer } from './single-timer.ts';

export interface Credentials {
  serverUrl: string;
  username: string;
  password: string;
}

export interface SessionStoreOptions {
  persistence: SessionPersistence<CallsState>;
  diagnostics: DiagnosticsLog;
  now: () => number;
  /** Whose session is being kept; nothing is persisted while signed out. */
  credentials: () => Credentials | undefined;
  /** After every change, with what it changed. */
  onChange: (change: StoreChange) => void;
  onAlerts?: (alerts: CallAlert[]) => void;
}

/** Writes are coalesced: a burst of notifications costs one storage write. */
const PERSIST_DEBOUNCE_MS = 100;

/**
 * The call store of the live session and what follows each change: views are told, new
 * alerts are handed out once, and the state is written to `storage.session` so a restarted
 * worker starts from it.
 */
export class SessionStore {
  private current: CallsState = initialCallsState();
  private readonly options: SessionStoreOptions;
  private readonly persistTimer = new SingleTimer();
  /** The write in progress; a change meanwhile is written once after it, not alongside. */
  private writing: Promise<void> | undefined;
  private writeAgain = false;

  constructor(options: SessionStoreOptions) {
    this.options = options;
  }

  get state(): CallsState {
    return this.current;
  }

  dispatch(action: StoreAction): void {
    const previous = this.current;
    this.current = reduce(previous, action, this.options.now());
    if (this.current === previous) return;
    this.deliverAlerts();
    if (this.options.credentials()) {
      this.persistTimer.schedule(PERSIST_DEBOUNCE_MS, () => void this.persistNow());
    }
    this.options.onChange(changeBetween(previous, this.current));
  }

  /** Puts back the state a previous worker persisted. */
  restore(state: CallsState): void {
    this.current = state;
  }

  /** Writes the current state; resolves once a write that includes it is done. */
  persistNow(): Promise<void> {
    if (this.writing) {
      this.writeAgain = true;
      return this.writing;
    }
    this.writing = (async () => {
      do {
        this.writeAgain = false;
        await this.write();
      } while (this.writeAgain);
    })().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async write(): Promise<void> {
    const credentials = this.options.credentials();
    if (!credentials) return;
    try {
      await this.options.persistence.save({
        ...credentials,
        store: this.current,
        savedAt: this.options.now(),
      });
    } catch (error) {
      this.options.diagnostics.record(
        'error',
        'could not persist the session',
        serializeError(error),
      );
    }
  }

  /**
   * Hands pending alerts to the consumer and acknowledges them. The queue is part of the
   * persisted store, so an alert raised just before the worker died is delivered after the
   * restart; the store's alerted ids keep every call to one alert however events replay.
   */
  private deliverAlerts(): void {
    const alerts = this.current.alerts;
    if (alerts.length === 0 || !this.options.onAlerts) return;
    this.options.onAlerts(alerts);
    const callIds = alerts.map((a) => a.callId);
    this.current = reduce(this.current, { type: 'alerts-ack', callIds }, this.options.now());
  }
}
