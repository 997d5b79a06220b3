import { ot, type OverlayMessageKey } from './overlay-i18n.ts';

/** Reasons the background gives in `code` (lib/messaging/errors.ts), in the agent's words. */
const BY_CODE: Readonly<Record<string, OverlayMessageKey>> = {
  'not-signed-in': 'overlaySignInHint',
  unauthenticated: 'overlaySignInHint',
  'site-not-enabled': 'overlayErrorSiteNotEnabled',
  'no-device': 'errorNoDevice',
  'invalid-number': 'dialProblemInvalid',
  'unknown-call': 'errorCallEnded',
  'not-available': 'errorNotAvailable',
  unavailable: 'errorUnavailable',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  'missing-parameter': 'errorMissingParameter',
  'forbidden-sender': 'errorForbidden',
};

/**
 * Words for a command the background refused or failed, for the caller card, in the
 * overlay's language: by reason code, else by GWS status code, else a generic failure with
 * what the server or the extension said (verbatim: it is theirs, not ours to translate).
 */
export function describePageError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; statusCode?: unknown };
  const key = typeof e.code === 'string' && Object.hasOwn(BY_CODE, e.code) ? BY_CODE[e.code] : '';
  if (key) return ot(key);
  if (typeof e.statusCode === 'number') return ot('errorGwsStatus', e.statusCode);
  return typeof e.message === 'string' && e.message !== ''
    ? ot('overlayErrorDetail', e.message)
    : ot('overlayErrorUnknown');
}
