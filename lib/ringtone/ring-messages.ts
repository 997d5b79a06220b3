/**
 * What the background says to the page that plays the ring tone (Chrome's offscreen
 * document) and what it answers. Kept apart from the command protocol: these go from the
 * background to a page, never from a view to the background.
 */
export interface RingRequest {
  ringtone: 'status';
}

/** Where the ring tone stands. */
export interface RingStatus {
  /** The tone is scheduled and the audio output runs. */
  playing: boolean;
  /**
   * `running`; `blocked` when the browser's autoplay rules refused to start it (nothing is
   * heard; the diagnostics say so); `paused` or `closed` when it is not playing.
   */
  audio: string;
  /** Why it could not play (the browser's refusal, an error). */
  error?: string;
}

export function isRingRequest(message: unknown): message is RingRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { ringtone?: unknown }).ringtone === 'status'
  );
}
