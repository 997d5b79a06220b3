import type { ErrorWords } from '../errors/describe-error.ts';
import { gwsStatusKey } from '../i18n/keys.ts';
import { t } from '../i18n/messages.ts';

/** The words failures are told in on extension pages (popup, options). */
export const PAGE_ERROR_WORDS: ErrorWords = {
  t,
  gwsStatus: (statusCode) => {
    const key = gwsStatusKey(statusCode);
    return key && t(key);
  },
};
