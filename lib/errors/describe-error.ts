import { ERROR_MESSAGES, type ErrorMessageKey } from './error-codes.ts';
import { serializeError } from './serialized-error.ts';

export interface ErrorText {
  /** What happened, in the agent's language. */
  summary: string;
  /** What the server or the extension said, verbatim (plain text), when it adds anything. */
  detail?: string;
}

export interface DescribedError extends ErrorText {
  /** False when nothing in the failure says why (no known code, no GWS status). */
  explained: boolean;
}

/** The messages describeError needs: every failure's, plus the generic ones. */
export type ErrorTextKey = ErrorMessageKey | 'errorUnknown';

export interface ErrorWords {
  /** The translator of the view (popup and options, or the CRM card's words). */
  t: (key: ErrorTextKey, subs?: string | number) => string;
  /** The agent's words for one GWS statusCode (gws-api.md §2.4), when the view has them. */
  gwsStatus?: (statusCode: number) => string | undefined;
}

/**
 * A failure in words: the translated reason (by `code`, else by GWS statusCode) plus what the
 * server or the extension said, verbatim, as detail.
 */
export function describeError(error: unknown, words: ErrorWords): DescribedError {
  const e = serializeError(error);
  const status = e.statusCode;
  const byStatus = () =>
    status === undefined
      ? undefined
      : (words.gwsStatus?.(status) ?? words.t(ERROR_MESSAGES.rejected, status));
  let summary: string | undefined;
  if (e.code === 'rejected' || e.code === undefined) summary = byStatus();
  else summary = words.t(ERROR_MESSAGES[e.code]);
  const explained = summary !== undefined;
  summary ??= words.t('errorUnknown');
  const detail = e.message && e.message !== summary ? e.message : undefined;
  return detail === undefined ? { summary, explained } : { summary, detail, explained };
}
