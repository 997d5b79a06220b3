// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDataValue, formatDuration } from '@/lib/ui/format';
import { describeError as describeWith } from '@/lib/errors/describe-error';
import { PAGE_ERROR_WORDS } from '@/lib/ui/error-text';
import { checkServerUrl } from '@/lib/settings/login-defaults';
import { CommandError } from '@/lib/messaging/errors';
import { useCatalogue } from './popup-harness';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [36_061_000, '10:01:01'],
    [-5000, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('reads back as the whole seconds it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (seconds) => {
        const parts = formatDuration(seconds * 1000 + 999)
          .split(':')
          .map(Number);
        const back = parts.reduce((acc, p) => acc * 60 + p, 0);
        expect(back).toBe(seconds);
      }),
    );
  });
});

describe('formatDataValue', () => {
  it('shows strings as they are and other JSON values as JSON text', () => {
    expect(formatDataValue('<b>x</b>')).toBe('<b>x</b>');
    expect(formatDataValue(42)).toBe('42');
    expect(formatDataValue({ a: [1, true] })).toBe('{"a":[1,true]}');
    expect(formatDataValue(null)).toBe('null');
    expect(formatDataValue(undefined)).toBe('');
  });
});

const describeError = (error: unknown) => describeWith(error, PAGE_ERROR_WORDS);

describe('describeError', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });

  it('prefers the reason code, then the GWS statusCode, and keeps the message as detail', () => {
    expect(
      describeError(
        new CommandError({
          name: 'GwsUnavailableError',
          message: 'Voice service is not available at this time',
          statusCode: 4,
          code: 'unavailable',
        }),
      ),
    ).toEqual({
      summary: 'The voice service is not available right now.',
      detail: 'Voice service is not available at this time',
      explained: true,
    });
    expect(
      describeError(new CommandError({ name: 'GwsApiError', message: 'x', statusCode: 6 })),
    ).toEqual({
      summary: 'Not found.',
      detail: 'x',
      explained: true,
    });
    expect(
      describeError(
        new CommandError({
          name: 'NoReply',
          message: 'The background did not answer',
          code: 'no-reply',
        }),
      ).summary,
    ).toBe('The extension did not answer. Close and reopen this window.');
    expect(describeError('boom')).toEqual({
      summary: 'Something went wrong.',
      detail: 'boom',
      explained: false,
    });
  });
});

describe('checkServerUrl', () => {
  it('accepts http(s) addresses and trims a trailing slash', () => {
    expect(checkServerUrl(' http://127.0.0.1:8090/ ')).toBe('http://127.0.0.1:8090');
    expect(checkServerUrl('https://gws.example.test/base/')).toBe('https://gws.example.test/base');
    expect(checkServerUrl('ftp://x')).toBeUndefined();
    expect(checkServerUrl('javascript:alert(1)')).toBeUndefined();
    expect(checkServerUrl('gws')).toBeUndefined();
  });
});
