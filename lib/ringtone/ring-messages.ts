/**
 * What the background says to the page that plays the ring tone (Chrome's offscreen
 * document) and what it answers, and the one thing that page says by itself. Kept apart from
 * the command protocol: none of these comes from a view or a web page.
 */
export interface RingRequest {
  ringtone: 'status';
}

/**
 * The offscreen page, once loaded, to the background: "I am open". A worker that died inside
 * `createDocument` leaves a document that may appear only after the next worker looked for
 * one; this is how that worker learns of it.
 */
export interface RingDocumentOpened {
  ringtone: 'opened';
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

export function isRingDocumentOpened(message: unknown): message is RingDocumentOpened {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { ringtone?: unknown }).ringtone === 'opened'
  );
}
