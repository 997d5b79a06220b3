import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RingTone, type RingOutput } from '@/lib/background/ring-tone';
import { DiagnosticsLog } from '@/lib/diagnostics/diagnostics-log';
import { RING_CADENCE, RING_GAIN, ringSamples } from '@/lib/ringtone/ring-wave';
import { isRingRequest, type RingStatus } from '@/lib/ringtone/ring-messages';
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
