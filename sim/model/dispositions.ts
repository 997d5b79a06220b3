/**
 * The disposition catalogue and wrap-up time the simulator publishes in the user's settings
 * (`settings.dispositions`, `settings["wrap-up"]`). Where a real GWS keeps them is not
 * documented for v2 [INF]; these sections are what the extension reads tolerantly.
 */
export const DISPOSITIONS: Readonly<Record<string, { displayName: string }>> = {
  Sale: { displayName: 'Sale' },
  NoSale: { displayName: 'No sale' },
  Callback: { displayName: 'Call back later' },
  WrongNumber: { displayName: 'Wrong number' },
};

/** Wrap-up time in seconds, as text like the other GWS options. */
export const WRAP_UP_TIME = '30';

export function dispositionSettings(): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(DISPOSITIONS).map(([code, d]) => [code, { ...d }]));
}
