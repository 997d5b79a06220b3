import type { CallsState, StoreAction } from '../calls/index.ts';
import { GwsUnavailableError } from '../gws/errors.ts';
import type { GwsRestClient } from '../gws/rest.ts';
import { SingleTimer } from './single-timer.ts';

/**
 * While the voice service is down, how often GWS is asked whether it is back: one small GET
 * (`/services?fields=*`), so the agent sees it back within this time, at a cost of one
 * request per agent per interval while it lasts, and none otherwise.
 */
export const VOICE_PROBE_MS = 3_000;

interface VoiceWatchDeps {
  dispatch(action: StoreAction): void;
  state(): CallsState;
  /** The live session's REST client, if any. */
  client(): GwsRestClient | undefined;
  probeMs?: number;
}

/**
 * Tells the store when the voice service (T-Server behind GWS) is down and when it is back.
 * The push channel can stay connected while every call operation answers HTTP 503 /
 * statusCode 4 (gws-api.md §2.6); the agent must see that before clicking, not after.
 */
export class VoiceServiceWatch {
  private readonly timer = new SingleTimer();
  private readonly deps: VoiceWatchDeps;

  constructor(deps: VoiceWatchDeps) {
    this.deps = deps;
  }

  /** The outcome of one voice operation: `undefined` when GWS accepted it. */
  observe(error?: unknown): void {
    if (error === undefined) this.markUp();
    else if (error instanceof GwsUnavailableError) this.markDown(error.message);
  }

  /**
   * Reads the Voice service's state once (after a (re)connect, and every `VOICE_PROBE_MS`
   * while it is down). A server that does not list it changes nothing: the next accepted
   * operation then says it is back.
   */
  async check(): Promise<void> {
    const rest = this.deps.client();
    if (!rest) return;
    let services: Array<{ type?: unknown; name?: unknown; state?: unknown }>;
    try {
      services = await rest.getServices();
    } catch (error) {
      if (error instanceof GwsUnavailableError) this.markDown(error.message);
      else if (this.down) this.scheduleProbe();
      return;
    }
    const voice = services.filter((s) => s.type === 'Voice' || s.name === 'Voice');
    const unavailable = voice.find((s) => s.state !== 'Available');
    if (unavailable) this.markDown(`Voice service ${String(unavailable.state)}`);
    else if (voice.length > 0) this.markUp();
    else if (this.down) this.scheduleProbe();
  }

  stop(): void {
    this.timer.cancel();
  }

  private get down(): boolean {
    return this.deps.state().voice !== undefined;
  }

  private markDown(reason: string): void {
    if (!this.down) this.deps.dispatch({ type: 'voice', available: false, reason });
    this.scheduleProbe();
  }

  private markUp(): void {
    this.timer.cancel();
    if (this.down) this.deps.dispatch({ type: 'voice', available: true });
  }

  private scheduleProbe(): void {
    this.timer.schedule(this.deps.probeMs ?? VOICE_PROBE_MS, () => void this.check());
  }
}
