import { RING_CADENCE, ringSamples } from './ring-wave.ts';
import { encodeWav } from './wav.ts';
import type { RingStatus } from './ring-messages.ts';

/** Enough for two tones under 500 Hz, and a 3 s loop of 96 kB. */
const SAMPLE_RATE = 16_000;

/** The part of an audio element the player uses. */
export interface RingAudio {
  loop: boolean;
  readonly paused: boolean;
  play(): Promise<void>;
  pause(): void;
}

/** Makes an audio element for a source URL; tests pass their own. */
export type AudioFactory = (src: string) => RingAudio;

let ringUrl: string | undefined;

/** The ring tone as a WAV blob URL, made once per page. */
function ringTone(): string {
  ringUrl ??= URL.createObjectURL(
    new Blob([encodeWav(ringSamples(SAMPLE_RATE), SAMPLE_RATE)], { type: 'audio/wav' }),
  );
  return ringUrl;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays the ring tone in a page that has audio (Chrome's offscreen document, Firefox's
 * background page, the options page's "play a sample"): one looping audio element, so a busy
 * page cannot make the cadence stutter. Not Web Audio: Firefox lets an extension's
 * background page start an audio element without a user gesture, but keeps an AudioContext
 * suspended there.
 */
export class RingPlayer {
  private readonly makeAudio: AudioFactory;
  private audio: RingAudio | undefined;
  private blocked: string | undefined;

  constructor(makeAudio: AudioFactory = (src) => new Audio(src)) {
    this.makeAudio = makeAudio;
  }

  /** Starts ringing (already ringing: no-op) and says whether it is heard. */
  async start(): Promise<RingStatus> {
    if (!this.audio) {
      const audio = this.makeAudio(ringTone());
      audio.loop = true;
      this.audio = audio;
      this.blocked = undefined;
      try {
        await audio.play();
      } catch (error) {
        // NotAllowedError: the browser's autoplay rules want a user gesture first.
        this.blocked = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    return this.status();
  }

  stop(): void {
    this.audio?.pause();
    this.audio = undefined;
    this.blocked = undefined;
  }

  status(): RingStatus {
    if (!this.audio) return { playing: false, audio: 'closed' };
    if (this.blocked) return { playing: false, audio: 'blocked', error: this.blocked };
    return this.audio.paused
      ? { playing: false, audio: 'paused' }
      : { playing: true, audio: 'running' };
  }
}

/** Plays one whole ring (the options page's sample), then stops; throws if nothing is heard. */
export async function playOneRing(player: RingPlayer): Promise<void> {
  const status = await player.start();
  try {
    if (!status.playing) throw new Error(status.error ?? `audio output ${status.audio}`);
    await delay(RING_CADENCE.periodSeconds * 1000);
  } finally {
    player.stop();
  }
}
