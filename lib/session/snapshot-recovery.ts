import type { GwsRestClient } from '../gws/rest.ts';
import { GwsProtocolError } from '../gws/errors.ts';
import { parseUserSnapshot } from '../gws/parse.ts';
import type { StoreAction } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { SingleTimer } from './single-timer.ts';

const RECOVERY_DEBOUNCE_MS = 200;

export interface RecoveryHost {
  readonly diagnostics: DiagnosticsLog;
  readonly now: () => number;
  dispatch(action: StoreAction): void;
}

/**
 * Asks the server for the truth (`GET /api/v2/me?subresources=*`) and reconciles the store
 * with it (gws-api.md §5.6): after a CometD handshake, a gap, or a surprising notification.
 */
export class SnapshotRecovery {
  private readonly rest: GwsRestClient;
  private readonly host: RecoveryHost;
  private readonly timer = new SingleTimer();

  constructor(rest: GwsRestClient, host: RecoveryHost) {
    this.rest = rest;
    this.host = host;
  }

  async recover(): Promise<void> {
    const takenAt = this.host.now();
    const body = await this.rest.getMe('*');
    this.apply(body, takenAt);
  }

  /** Applies a user snapshot (the login answer is one) taken at `takenAt`. */
  apply(body: unknown, takenAt: number): void {
    const parsed = parseUserSnapshot(body);
    if (!parsed.ok) throw new GwsProtocolError(`Unusable user snapshot: ${parsed.reason}`);
    const snapshot = parsed.value;
    if (snapshot.warnings.length > 0) {
      this.host.diagnostics.record('error', 'snapshot warnings', snapshot.warnings);
    }
    this.host.dispatch({ type: 'recovery', snapshot, takenAt });
  }

  /**
   * Recovers now; a failure is recorded, and the next trigger tries again. The end is
   * recorded too: calls that only notifications announced are gone from then on if the
   * server does not know them.
   */
  async recoverAndRecord(afterGap: boolean): Promise<void> {
    this.host.diagnostics.record('session', afterGap ? 'recovering after a gap' : 'recovering');
    try {
      await this.recover();
      this.host.diagnostics.record('session', 'recovered');
    } catch (error) {
      this.host.diagnostics.record('error', 'recovery failed', serializeError(error));
    }
  }

  /** One recovery for a burst of surprises. */
  schedule(): void {
    this.timer.schedule(RECOVERY_DEBOUNCE_MS, () => void this.recoverAndRecord(true));
  }

  cancel(): void {
    this.timer.cancel();
  }
}
