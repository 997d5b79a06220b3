import type { ErrorWords } from '../errors/describe-error.ts';
import { t, tOr } from './i18n.ts';

/** The words failures are told in on extension pages (popup, options). */
export const PAGE_ERROR_WORDS: ErrorWords = {
  t,
  gwsStatus: (statusCode) => tOr(`gwsStatus_${statusCode}`, '') || undefined,
};
