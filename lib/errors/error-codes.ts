import type { MessageKey } from '../i18n/messages.ts';

/**
 * Every reason a failure carries in `code`, with the catalogue message that tells the agent
 * what happened. Code that throws or refuses takes an `ErrorCode`, so a reason without words
 * here does not compile, and the popup, the options page and the CRM card read one table.
 */
export const ERROR_MESSAGES = {
  // GWS answers (lib/gws/errors.ts).
  /** Refused with a statusCode: the status's own words come first (describeError). */
  rejected: 'errorGwsStatus',
  'bad-credentials': 'errorBadCredentials',
  unauthenticated: 'errorSessionExpired',
  csrf: 'errorSessionExpired',
  unavailable: 'errorUnavailable',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  protocol: 'errorProtocol',
  'invalid-input': 'errorInvalidInput',
  // Refused by the background before anything was sent.
  'not-signed-in': 'errorNotSignedIn',
  'not-available': 'errorNotAvailable',
  'unknown-call': 'errorCallEnded',
  'missing-parameter': 'errorMissingParameter',
  'no-device': 'errorNoDevice',
  'invalid-number': 'dialProblemInvalid',
  'site-not-enabled': 'overlayErrorSiteNotEnabled',
  'not-this-number': 'errorNotThisNumber',
  'already-on-call': 'errorAlreadyOnCall',
  // Messaging between the views and the background.
  'forbidden-sender': 'errorForbidden',
  'unknown-command': 'errorUnknown',
  'no-reply': 'errorNoReply',
  // Wrap-up: Ready or Done while the ended call still needs its disposition.
  'disposition-required': 'errorDispositionRequired',
  // The browser refused the popup access to the GWS origin.
  'server-access-denied': 'errorServerAccessDenied',
} as const satisfies Record<string, MessageKey>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The catalogue messages failures are told in (the CRM card's words must include them). */
export type ErrorMessageKey = (typeof ERROR_MESSAGES)[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}
