import browser from 'webextension-polyfill';
import type { CallsState } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { RingPlayer } from '../ringtone/ring-player.ts';
import {
  isRingDocumentOpened,
  type RingRequest,
  type RingStatus,
} from '../ringtone/ring-messages.ts';
import { TaskQueue } from './task-queue.ts';
import { SingleTimer } from '../session/single-timer.ts';
import { agentSettings } from '../settings/agent-settings.ts';

/** Where the tone plays: Chrome's offscreen document, or a player in the background page. */
export interface RingOutput {
  /** Starts the tone (already ringing: keeps it) and says whether it is heard. */
  play(): Promise<RingStatus>;
  /** Silences it; nothing ringing is fine. */
  stop(): Promise<void>;
}

/** The part of Chrome's `offscreen` API used here (the polyfill has no types for it). */
export interface ChromeOffscreen {
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** The part of Chrome's `runtime` that lists the extension's open documents (Chrome 116+). */
export interface ChromeContexts {
  getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

/** The offscreen page (entrypoints/offscreen), which rings from the moment it loads. */
export const OFFSCREEN_PAGE = 'offscreen.html';

/**
 * Chrome: the service worker has no audio, so the tone plays in an offscreen document that
 * lives exactly while a call rings. The document outlives a worker restart; the next worker
 * closes it if nothing rings any more, which is why stopping asks the browser whether a
 * document is open instead of remembering whether this worker opened one.
 */
export function offscreenRingOutput(
  offscreen: ChromeOffscreen,
  runtime: ChromeContexts,
): RingOutput {
  const documentOpen = async () =>
    (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
  return {
    async play() {
      try {
        await offscreen.createDocument({
          url: OFFSCREEN_PAGE,
          reasons: ['AUDIO_PLAYBACK'],
          justification: 'Rings while a call is offered to the agent (off by default).',
        });
      } catch (error) {
        // One offscreen document per extension: a previous worker's is still ringing.
        if (!/single offscreen document/i.test(String(error))) throw error;
      }
      const request: RingRequest = { ringtone: 'status' };
      return (await browser.runtime.sendMessage(request)) as RingStatus;
    },
    async stop() {
      if (!(await documentOpen())) return;
      // A refusal propagates: the ring tone records it and tries again.
      await offscreen.closeDocument();
      if (await documentOpen()) throw new Error('the offscreen document is still open');
    },
  };
}

/** Firefox: its background is a page that can play audio; the player runs right here. */
export function pageRingOutput(player = new RingPlayer()): RingOutput {
  return {
    play: () => player.start(),
    stop: async () => player.stop(),
  };
}

/** The output this browser offers, if any. */
export function browserRingOutput(): RingOutput | undefined {
  const chrome = (
    globalThis as { chrome?: { offscreen?: ChromeOffscreen; runtime?: Partial<ChromeContexts> } }
  ).chrome;
  const offscreen = chrome?.offscreen;
  const runtime = chrome?.runtime;
  if (offscreen && runtime?.getContexts) {
    return offscreenRingOutput(offscreen, runtime as ChromeContexts);
  }
  if (typeof Audio === 'function') return pageRingOutput();
  return undefined;
}

/** A failed start or stop is tried again after this, doubling up to the cap. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * The optional ring tone: sounds while any call rings, when the agent turned it on (off by
 * default: the desk phone or softphone rings already). Follows the call store and the
 * setting; every change is reconciled one at a time against what is playing. A failure is
 * recorded in the diagnostics and tried again until the tone matches the calls, since the
 * store may not change again for a long time (a leftover tone would ring on meanwhile).
 */
export class RingTone {
  private readonly output: RingOutput | undefined;
  private readonly diagnostics: () => Pick<DiagnosticsLog, 'record'>;
  /**
   * Unknown until this worker has its calls (the first store change, or `resume`): a document a
   * previous worker opened for a call still ringing must be adopted, not closed meanwhile.
   */
  private ringing: boolean | undefined;
  private enabled: boolean | undefined;
  /** Unknown after a worker start: the first reconcile also silences a leftover tone. */
  private playing: boolean | undefined;
  private readonly queue = new TaskQueue((error) => {
    this.playing = undefined;
    this.diagnostics().record('error', 'ring tone failed', String(error));
    this.retry.schedule(this.retryDelayMs, () => this.reconcile());
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  });
  private readonly retry = new SingleTimer();
  private retryDelayMs = RETRY_FIRST_MS;
  /** What the output said when the tone last started, or closed once it stopped. */
  lastStatus: RingStatus | undefined;

  constructor(output: RingOutput | undefined, diagnostics: () => Pick<DiagnosticsLog, 'record'>) {
    this.output = output;
    this.diagnostics = diagnostics;
  }

  /**
   * Follows the setting and the offscreen page's word that it loaded; call once, synchronously,
   * at the background's start (that message may be what woke the worker).
   */
  listen(): void {
    agentSettings.watch((settings) => {
      this.enabled = settings.ringTone;
      this.reconcile();
    });
    browser.runtime.onMessage.addListener(
      (message: unknown, sender: browser.Runtime.MessageSender) => {
        // Only the extension's own page; a content script has a tab.
        if (isRingDocumentOpened(message) && sender.id === browser.runtime.id && !sender.tab) {
          this.documentOpened();
        }
        return undefined;
      },
    );
  }

  /**
   * The offscreen page has loaded. When this worker is starting the tone, that is the document
   * it asked for. Otherwise it may be one a previous worker asked for and died before it
   * appeared, after this worker found no document to close: look again, and close it unless
   * a call rings. The message may also be what woke this worker, before it has put back its
   * calls: the look then waits for them, and a call still ringing keeps its document.
   */
  documentOpened(): void {
    if (this.playing === true) return;
    this.playing = undefined;
    this.reconcile();
  }

  /**
   * Once the worker has put back the calls a previous worker left (which is no store change)
   * and recovered them from GWS (which may be none either, when nothing changed meanwhile):
   * applies them, silencing a previous worker's tone if nothing rings.
   */
  resume(state: CallsState): void {
    this.playing = undefined;
    this.onChange(state);
  }

  /** Every store change. */
  onChange(state: CallsState): void {
    const ringing = state.calls.some((r) => r.call.state === 'Ringing');
    if (ringing === this.ringing && this.playing !== undefined) return;
    this.ringing = ringing;
    this.reconcile();
  }

  /** Resolves when every change so far has been applied. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** `apply` reads the latest wish, so one waiting run covers any number of changes. */
  private reconcile(): void {
    this.queue.pushLatest('apply', () => this.apply());
  }

  private converged(): void {
    this.retry.cancel();
    this.retryDelayMs = RETRY_FIRST_MS;
  }

  private async apply(): Promise<void> {
    const output = this.output;
    // Before the calls are known nothing is decided: `resume` reconciles once they are.
    if (!output || this.ringing === undefined) return;
    this.enabled ??= (await agentSettings.get()).ringTone;
    const want = this.enabled && this.ringing;
    if (want === this.playing) return;
    this.playing = want;
    if (!want) {
      await output.stop();
      this.converged();
      this.lastStatus = { playing: false, audio: 'closed' };
      return;
    }
    const status = await output.play();
    this.converged();
    this.lastStatus = status;
    if (!status.playing) {
      this.diagnostics().record(
        'error',
        status.audio === 'blocked'
          ? 'ring tone held back by the browser (autoplay rules)'
          : 'ring tone did not start',
        status.error ?? status.audio,
      );
    }
  }
}
