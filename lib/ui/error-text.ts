import { t, tOr, type MessageKey } from './i18n.ts';

/** The fields a CommandError carries across messaging (lib/messaging/errors.ts). */
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  statusCode?: unknown;
  code?: unknown;
}

/** Reasons the background or the GWS client give in `code`, in the agent's words. */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  'bad-credentials': 'errorBadCredentials',
  unauthenticated: 'errorSessionExpired',
  csrf: 'errorSessionExpired',
  unavailable: 'errorUnavailable',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  protocol: 'errorProtocol',
  'invalid-input': 'errorInvalidInput',
  'not-available': 'errorNotAvailable',
  'unknown-call': 'errorCallEnded',
  'missing-parameter': 'errorMissingParameter',
  'no-device': 'errorNoDevice',
  'not-signed-in': 'errorNotSignedIn',
  'forbidden-sender': 'errorForbidden',
  'server-access-denied': 'errorServerAccessDenied',
};

export interface ErrorText {
  /** What happened, in the agent's language. */
  summary: string;
  /** What the server or the extension said, verbatim (plain text), when it adds anything. */
  detail?: string;
}

/**
 * A failed command in words: the translated reason (by `code`, else by GWS statusCode,
 * gws-api.md §2.4) plus the original message as detail.
 */
export function describeError(error: unknown): ErrorText {
  const e: ErrorLike = error !== null && typeof error === 'object' ? (error as ErrorLike) : {};
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const key = code === undefined ? undefined : BY_CODE[code];
  let summary: string;
  if (key) summary = t(key);
  else if (statusCode !== undefined)
    summary = tOr(`gwsStatus_${statusCode}`, t('errorGwsStatus', statusCode));
  else if (e.name === 'NoReply') summary = t('errorNoReply');
  else summary = t('errorUnknown');
  const detail = message && message !== summary ? message : undefined;
  return detail === undefined ? { summary } : { summary, detail };
}
