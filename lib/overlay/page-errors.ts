import { describeError } from '../errors/describe-error.ts';
import { ot } from '../i18n/overlay-messages.ts';

/**
 * Words for a command the background refused or failed, for the caller card, in the
 * overlay's language: the failure's own words (error-codes.ts) when it says why, else a
 * generic failure with what the server or the extension said (verbatim: it is theirs, not
 * ours to translate).
 */
export function describePageError(error: unknown): string {
  const text = describeError(error, { t: ot });
  if (text.explained) return text.summary;
  return text.detail ? ot('overlayErrorDetail', text.detail) : ot('overlayErrorUnknown');
}
