/**
 * The ring tone, as samples: a double ring (two 0.4 s bursts 0.2 s apart, then 2 s of
 * silence) of two mixed tones, the cadence of a British phone, so it reads as "a phone is
 * ringing" and not as a desk phone's own tone the agent already knows.
 */
export const RING_CADENCE = {
  /** Hz, mixed at equal level. */
  frequencies: [400, 450],
  /** [start, end] of each burst, in seconds from the start of a period. */
  bursts: [
    [0, 0.4],
    [0.6, 1.0],
  ] as ReadonlyArray<readonly [number, number]>,
  /** One whole ring, silence included; the buffer loops at this length. */
  periodSeconds: 3,
  /** Fade in and out of each burst, so it starts and stops without a click. */
  fadeSeconds: 0.01,
} as const;

/** Peak amplitude (1 = full scale): audible over a headset without startling. */
export const RING_GAIN = 0.25;

/**
 * One period of the ring at `sampleRate`, ready to loop: silence is exact zeros, bursts fade
 * in and out over `fadeSeconds` and never exceed `gain`.
 */
export function ringSamples(sampleRate: number, gain = RING_GAIN): Float32Array<ArrayBuffer> {
  const { frequencies, bursts, periodSeconds, fadeSeconds } = RING_CADENCE;
  const samples = new Float32Array(Math.round(sampleRate * periodSeconds));
  const perTone = gain / frequencies.length;
  for (const [start, end] of bursts) {
    const first = Math.round(start * sampleRate);
    const last = Math.min(samples.length, Math.round(end * sampleRate));
    for (let i = first; i < last; i++) {
      const t = i / sampleRate;
      const envelope = Math.min(1, (t - start) / fadeSeconds, (end - t) / fadeSeconds);
      let value = 0;
      for (const f of frequencies) value += Math.sin(2 * Math.PI * f * (t - start));
      samples[i] = perTone * envelope * value;
    }
  }
  return samples;
}
