import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  offscreenRingOutput,
  RingTone,
  type ChromeOffscreen,
  type RingOutput,
} from '@/lib/background/ring-tone';
import { DiagnosticsLog } from '@/lib/diagnostics/diagnostics-log';
import { RING_CADENCE, RING_GAIN, ringSamples } from '@/lib/ringtone/ring-wave';
import { isRingDocumentOpened, isRingRequest, type RingStatus } from '@/lib/ringtone/ring-messages';
import { RingPlayer, type RingAudio } from '@/lib/ringtone/ring-player';
import { encodeWav } from '@/lib/ringtone/wav';
import { agentSettings } from '@/lib/settings/agent-settings';
import type { CallsState } from '@/lib/calls';

const RATE = 8000;

describe('ring wave', () => {
  const samples = ringSamples(RATE);
  const at = (seconds: number) => samples[Math.round(seconds * RATE)]!;
  const peak = (from: number, to: number) =>
    Math.max(...samples.subarray(Math.round(from * RATE), Math.round(to * RATE)).map(Math.abs));

  it('one loopable period: two bursts, then exact silence', () => {
    expect(samples.length).toBe(RING_CADENCE.periodSeconds * RATE);
    expect(peak(0.05, 0.35)).toBeGreaterThan(RING_GAIN * 0.9);
    expect(peak(0.65, 0.95)).toBeGreaterThan(RING_GAIN * 0.9);
    expect(peak(0.4, 0.6)).toBe(0);
    expect(peak(1.0, 3.0)).toBe(0);
  });

  it('never above the gain, and fades in and out (no click at a burst edge)', () => {
    expect(peak(0, 3)).toBeLessThanOrEqual(RING_GAIN);
    expect(Math.abs(at(0))).toBe(0);
    expect(Math.abs(at(0.6 + 1 / RATE))).toBeLessThan(RING_GAIN * 0.2);
    expect(Math.abs(at(1.0 - 1 / RATE))).toBeLessThan(RING_GAIN * 0.2);
    // The loop joins silence to silence.
    expect(samples[samples.length - 1]).toBe(0);
  });

  it('carries exactly its two tones (power at 400 and 450 Hz, none between or beside)', () => {
    const burst = samples.subarray(Math.round(0.05 * RATE), Math.round(0.35 * RATE));
    // Power of one frequency in the burst (a single DFT bin).
    const power = (hz: number) => {
      let re = 0;
      let im = 0;
      burst.forEach((v, i) => {
        re += v * Math.cos((2 * Math.PI * hz * i) / RATE);
        im += v * Math.sin((2 * Math.PI * hz * i) / RATE);
      });
      return (re * re + im * im) / burst.length ** 2;
    };
    const [low, high] = RING_CADENCE.frequencies;
    // Each tone at half the gain: a bin sees (amplitude / 2)².
    const expected = (RING_GAIN / 2 / 2) ** 2;
    expect(power(low)).toBeCloseTo(expected, 4);
    expect(power(high)).toBeCloseTo(expected, 4);
    for (const other of [350, 425, 480, 1000]) {
      expect(power(other)).toBeLessThan(power(low) / 100);
    }
  });

  it('is encoded as a mono 16-bit PCM WAV file of the same samples', () => {
    const wav = new DataView(encodeWav(samples, RATE));
    const ascii = (at: number) =>
      String.fromCharCode(...[0, 1, 2, 3].map((i) => wav.getUint8(at + i)));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(wav.getUint32(4, true)).toBe(wav.byteLength - 8);
    expect(wav.getUint16(20, true)).toBe(1);
    expect(wav.getUint16(22, true)).toBe(1);
    expect(wav.getUint32(24, true)).toBe(RATE);
    expect(wav.getUint16(34, true)).toBe(16);
    expect(wav.getUint32(40, true)).toBe(samples.length * 2);
    const peakIndex = samples.indexOf(Math.max(...samples));
    expect(wav.getInt16(44 + peakIndex * 2, true) / 0x7fff).toBeCloseTo(samples[peakIndex]!, 4);
    expect(wav.getInt16(44 + Math.round(2 * RATE) * 2, true)).toBe(0);
  });

  it('the offscreen page answers only a status request', () => {
    expect(isRingRequest({ ringtone: 'status' })).toBe(true);
    expect(isRingRequest({ ringtone: 'play' })).toBe(false);
    expect(isRingRequest({ type: 'session.login' })).toBe(false);
    expect(isRingRequest(null)).toBe(false);
    // What the page itself says once loaded is another message, not a request to it.
    expect(isRingRequest({ ringtone: 'opened' })).toBe(false);
    expect(isRingDocumentOpened({ ringtone: 'opened' })).toBe(true);
    expect(isRingDocumentOpened({ ringtone: 'status' })).toBe(false);
  });
});

function callsWith(...states: string[]): CallsState {
  return { calls: states.map((state, i) => ({ call: { id: `c${i}`, state } })) } as CallsState;
}

/** Records what the controller asked of the output; the real outputs run in the browsers. */
function recordingOutput(status: RingStatus = { playing: true, audio: 'running' }) {
  const calls: string[] = [];
  const output: RingOutput = {
    play: async () => {
      calls.push('play');
      return status;
    },
    stop: async () => void calls.push('stop'),
  };
  return { output, calls };
}

/** Chrome's offscreen API and context list over one document slot, as the browser keeps it. */
function fakeChrome(open: boolean, closeRefused?: string) {
  const state = { open, closes: 0 };
  const offscreen: ChromeOffscreen = {
    createDocument: async () => {
      if (state.open) throw new Error('Only a single offscreen document may be created.');
      state.open = true;
    },
    closeDocument: async () => {
      state.closes++;
      if (closeRefused) throw new Error(closeRefused);
      if (!state.open) throw new Error('No current offscreen document.');
      state.open = false;
    },
  };
  const runtime = {
    getContexts: async () => (state.open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
  };
  return { state, output: offscreenRingOutput(offscreen, runtime) };
}

describe('ring tone controller', () => {
  let diagnostics: DiagnosticsLog;
  beforeEach(() => {
    fakeBrowser.reset();
    diagnostics = new DiagnosticsLog();
  });

  const enable = async (on: boolean) =>
    agentSettings.set({ ...(await agentSettings.get()), ringTone: on });

  it('off by default: a ringing call plays nothing (and a leftover tone is silenced)', async () => {
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.onChange(callsWith('Ringing'));
    await tone.idle();
    expect(calls).toEqual(['stop']);
  });

  it('on: rings while any call rings, once, and stops when none does', async () => {
    await enable(true);
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.onChange(callsWith());
    await tone.idle();
    tone.onChange(callsWith('Ringing'));
    tone.onChange(callsWith('Ringing', 'Ringing'));
    tone.onChange(callsWith('Established', 'Ringing'));
    await tone.idle();
    expect(calls).toEqual(['stop', 'play']);
    expect(tone.lastStatus).toEqual({ playing: true, audio: 'running' });
    tone.onChange(callsWith('Established', 'Established'));
    tone.onChange(callsWith());
    await tone.idle();
    expect(calls).toEqual(['stop', 'play', 'stop']);
    expect(tone.lastStatus).toEqual({ playing: false, audio: 'closed' });
  });

  it('follows the setting while a call rings', async () => {
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.listen();
    tone.onChange(callsWith('Ringing'));
    await tone.idle();
    await enable(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await tone.idle();
    expect(calls).toEqual(['stop', 'play']);
    await enable(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await tone.idle();
    expect(calls).toEqual(['stop', 'play', 'stop']);
  });

  it('a tone the browser holds back is reported in the diagnostics', async () => {
    await enable(true);
    const { output } = recordingOutput({
      playing: false,
      audio: 'blocked',
      error: 'NotAllowedError',
    });
    const tone = new RingTone(output, () => diagnostics);
    tone.onChange(callsWith('Ringing'));
    await tone.idle();
    const errors = diagnostics.dump().entries.error.map((e) => e.summary);
    expect(errors).toContain('ring tone held back by the browser (autoplay rules)');
  });

  it('an output that fails is reported and tried again on the next change', async () => {
    await enable(true);
    let fail = true;
    const played: number[] = [];
    const output: RingOutput = {
      play: async () => {
        if (fail) throw new Error('offscreen document refused');
        played.push(1);
        return { playing: true, audio: 'running' };
      },
      stop: async () => undefined,
    };
    const tone = new RingTone(output, () => diagnostics);
    tone.onChange(callsWith('Ringing'));
    await tone.idle();
    expect(diagnostics.dump().entries.error.map((e) => e.summary)).toContain('ring tone failed');
    fail = false;
    tone.onChange(callsWith('Ringing', 'Ringing'));
    await tone.idle();
    expect(played).toHaveLength(1);
  });
});

describe('ring tone after a worker restart', () => {
  let diagnostics: DiagnosticsLog;
  beforeEach(async () => {
    fakeBrowser.reset();
    diagnostics = new DiagnosticsLog();
    await agentSettings.set({ ...(await agentSettings.get()), ringTone: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a tone the previous worker left is silenced on resume, with no store change at all', async () => {
    // The worker died before it persisted the ringing call: the calls it puts back and the
    // ones GWS reports are the same (none), so the store never changes.
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.resume(callsWith());
    await tone.idle();
    expect(calls).toEqual(['stop']);
    expect(tone.lastStatus).toEqual({ playing: false, audio: 'closed' });
  });

  it('a call still ringing on resume keeps ringing', async () => {
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.resume(callsWith('Ringing'));
    await tone.idle();
    expect(calls).toEqual(['play']);
  });

  it('a stop the browser refuses is recorded and tried again until the tone is off', async () => {
    vi.useFakeTimers();
    let refusals = 2;
    const stops: string[] = [];
    const output: RingOutput = {
      play: async () => ({ playing: true, audio: 'running' }),
      stop: async () => {
        stops.push(refusals > 0 ? 'refused' : 'closed');
        if (refusals-- > 0) throw new Error('closeDocument refused');
      },
    };
    const tone = new RingTone(output, () => diagnostics);
    tone.resume(callsWith());
    await tone.idle();
    expect(stops).toEqual(['refused']);
    await vi.advanceTimersByTimeAsync(1_000);
    await tone.idle();
    expect(stops).toEqual(['refused', 'refused']);
    // The second wait is longer: nothing is tried before it is over.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(stops).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await tone.idle();
    expect(stops).toEqual(['refused', 'refused', 'closed']);
    expect(tone.lastStatus).toEqual({ playing: false, audio: 'closed' });
    const failures = diagnostics
      .dump()
      .entries.error.filter((e) => e.summary === 'ring tone failed');
    expect(failures.map((e) => e.detail)).toEqual([
      'Error: closeDocument refused',
      'Error: closeDocument refused',
    ]);
    // Converged: nothing more is tried.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stops).toHaveLength(3);
  });

  /** What the offscreen page sends once loaded, as the background receives it. */
  type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
  const pageLoaded = async (sender: Partial<Sender> = {}): Promise<void> => {
    const from = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('offscreen.html') };
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      { ringtone: 'opened' },
      { ...from, ...sender },
      () => undefined,
    );
    expect(replies).toEqual([undefined]);
  };

  it('a document the previous worker was still opening, appearing after this one looked, is closed once it loads', async () => {
    // The previous worker died inside createDocument: when this worker resumes and looks,
    // there is no document yet, so there is nothing to close.
    const chrome = fakeChrome(false);
    const tone = new RingTone(chrome.output, () => diagnostics);
    tone.listen();
    tone.resume(callsWith());
    await tone.idle();
    expect(chrome.state).toEqual({ open: false, closes: 0 });
    // Then the browser finishes the dead worker's request and the page loads.
    chrome.state.open = true;
    await pageLoaded();
    await tone.idle();
    expect(chrome.state).toEqual({ open: false, closes: 1 });
    expect(tone.lastStatus).toEqual({ playing: false, audio: 'closed' });
  });

  it('a page whose word wakes this worker before it has its calls is kept while a call still rings', async () => {
    // The previous worker opened the document for a ringing call and stopped; the page's
    // message is what starts this worker, which has not put back its calls yet.
    const chrome = fakeChrome(true);
    const tone = new RingTone(chrome.output, () => diagnostics);
    tone.listen();
    await pageLoaded();
    await tone.idle();
    expect(chrome.state).toEqual({ open: true, closes: 0 });
    // The calls are back: the call still rings, and the open document is adopted.
    tone.resume(callsWith('Ringing'));
    await tone.idle();
    expect(chrome.state).toEqual({ open: true, closes: 0 });
  });

  it('the document this worker asked for, loading while the tone starts, changes nothing', async () => {
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.listen();
    tone.resume(callsWith());
    await tone.idle();
    tone.onChange(callsWith('Ringing'));
    await tone.idle();
    expect(calls).toEqual(['stop', 'play']);
    // The document this worker asked for: nothing more to do.
    await pageLoaded();
    await tone.idle();
    expect(calls).toEqual(['stop', 'play']);
  });

  it('the page is heard only from the extension itself, not from a content script', async () => {
    const { output, calls } = recordingOutput();
    const tone = new RingTone(output, () => diagnostics);
    tone.listen();
    tone.resume(callsWith());
    await tone.idle();
    await pageLoaded({ tab: { id: 1 } as Sender['tab'] });
    await tone.idle();
    expect(calls).toEqual(['stop']);
    await pageLoaded();
    await tone.idle();
    expect(calls).toEqual(['stop', 'stop']);
  });
});

describe('offscreen ring output', () => {
  it('stop closes a document this worker did not open, and leaves none open', async () => {
    const { state, output } = fakeChrome(true);
    await output.stop();
    expect(state).toEqual({ open: false, closes: 1 });
  });

  it('stop with no document open asks nothing to close', async () => {
    const { state, output } = fakeChrome(false);
    await output.stop();
    expect(state.closes).toBe(0);
  });

  it('a refused close is not swallowed', async () => {
    const { state, output } = fakeChrome(true, 'closeDocument failed');
    await expect(output.stop()).rejects.toThrow('closeDocument failed');
    expect(state.open).toBe(true);
  });
});

/** An audio element that plays, or refuses as autoplay rules do (happy-dom cannot play). */
function fakeAudio(refuse: boolean) {
  const made: Array<RingAudio & { src: string }> = [];
  const factory = (src: string) => {
    const audio = {
      src,
      loop: false,
      paused: true,
      play: async () => {
        if (refuse) throw new DOMException('play() needs a user gesture', 'NotAllowedError');
        audio.paused = false;
      },
      pause: () => void (audio.paused = true),
    };
    made.push(audio);
    return audio;
  };
  return { factory, made };
}

describe('ring player', () => {
  it('loops one WAV blob, keeps one element while ringing, and pauses it on stop', async () => {
    const { factory, made } = fakeAudio(false);
    const player = new RingPlayer(factory);
    expect(await player.start()).toEqual({ playing: true, audio: 'running' });
    await player.start();
    expect(made).toHaveLength(1);
    expect(made[0]!.loop).toBe(true);
    expect(made[0]!.src).toMatch(/^blob:/);
    const blob = await (await fetch(made[0]!.src)).arrayBuffer();
    expect(new TextDecoder().decode(blob.slice(8, 12))).toBe('WAVE');
    player.stop();
    expect(made[0]!.paused).toBe(true);
    expect(player.status()).toEqual({ playing: false, audio: 'closed' });
  });

  it('says so when autoplay rules refuse to start it', async () => {
    const player = new RingPlayer(fakeAudio(true).factory);
    expect(await player.start()).toEqual({
      playing: false,
      audio: 'blocked',
      error: 'NotAllowedError: play() needs a user gesture',
    });
  });
});
