import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '../../lib/errors/error-codes.ts';
import { describeError } from '../../lib/errors/describe-error.ts';
import { serializeError } from '../../lib/errors/serialized-error.ts';
import {
  GwsApiError,
  GwsAuthError,
  GwsInputError,
  GwsNetworkError,
  GwsProtocolError,
  GwsUnavailableError,
} from '../../lib/gws/errors.ts';
import { OVERLAY_MESSAGE_KEYS } from '../../lib/i18n/overlay-messages.ts';
import { CommandRejectedError } from '../../lib/session/errors.ts';

const LANGUAGES = ['en', 'fr'];
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('one table of failure reasons', () => {
  it('every reason has words in every language, and the CRM card receives them', () => {
    for (const lang of LANGUAGES) {
      const messages = catalogue(lang);
      for (const [code, key] of Object.entries(ERROR_MESSAGES)) {
        expect(messages[key]?.message, `${lang}: ${code}`).toBeTruthy();
      }
    }
    const overlayKeys: readonly string[] = OVERLAY_MESSAGE_KEYS;
    for (const key of Object.values(ERROR_MESSAGES)) expect(overlayKeys).toContain(key);
  });

  it('a reason outside the table does not compile, and is dropped at run time', () => {
    // @ts-expect-error 'made-up' is not an ErrorCode
    const made = new CommandRejectedError('made-up', 'x');
    expect(serializeError(made).code).toBeUndefined();
    expect(isErrorCode('not-this-number')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('a page refusal that used to have no words now explains itself', () => {
    const t = (key: string) => `<${key}>`;
    const text = describeError(
      serializeError(
        new CommandRejectedError('not-this-number', 'The call already involves this number'),
      ),
      { t },
    );
    expect(text).toEqual({
      summary: '<errorNotThisNumber>',
      detail: 'The call already involves this number',
      explained: true,
    });
  });

  it('GWS errors serialise to the same shape messaging carries', () => {
    const errors = [
      new GwsApiError('Invalid state', { statusCode: 2, httpStatus: 200, operationName: 'Hold' }),
      new GwsAuthError('csrf', 'Missing or invalid Csrf token', { httpStatus: 403 }),
      new GwsUnavailableError('Voice down', { statusCode: 4, httpStatus: 503 }),
      new GwsNetworkError('No answer', { timedOut: true }),
      new GwsProtocolError('HTTP 500 with a non-JSON body'),
      new GwsInputError('digits', 'bad digits', { operationName: 'SendDtmf' }),
    ];
    for (const error of errors) expect(serializeError(error)).toEqual(error.toJSON());
  });

  it('GWS status words come before the generic refusal; unknown failures keep their text', () => {
    const words = {
      t: (key: string, subs?: string | number) => `<${key}${subs === undefined ? '' : ` ${subs}`}>`,
      gwsStatus: (status: number) => (status === 6 ? 'Not found.' : undefined),
    };
    const rejected = (statusCode: number) =>
      describeError({ name: 'GwsApiError', message: 'x', code: 'rejected', statusCode }, words);
    expect(rejected(6).summary).toBe('Not found.');
    expect(rejected(77).summary).toBe('<errorGwsStatus 77>');
    expect(describeError(new Error('odd'), words)).toEqual({
      summary: '<errorUnknown>',
      detail: 'odd',
      explained: false,
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(serializeError(hostile)).toEqual({ name: 'Error', message: 'unprintable error' });
  });
});

/** Compile-time: the table covers exactly the codes (no code without words). */
const _everyCodeHasWords: Record<ErrorCode, string> = ERROR_MESSAGES;
void _everyCodeHasWords;
