import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  GwsApiError,
  GwsAuthError,
  GwsInputError,
  GwsNetworkError,
  GwsProtocolError,
  GwsUnavailableError,
  type GwsError,
} from '../../lib/gws/errors.ts';
import { serializeError } from '../../lib/errors/serialized-error.ts';

function errorOf(httpStatus: number, body: unknown, extra: { isLogin?: boolean } = {}): GwsError {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  const outcome = classifyResponse({ httpStatus, bodyText, operationName: 'Hold', ...extra });
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.error;
}

describe('classifyResponse (gws-api.md §2.4, §2.6, §10)', () => {
  it('accepts statusCode 0 on a 2xx answer and returns the body', () => {
    const outcome = classifyResponse({ httpStatus: 200, bodyText: '{"statusCode":0,"x":1}' });
    expect(outcome).toEqual({ ok: true, body: { statusCode: 0, x: 1 } });
  });

  it('maps a non-zero statusCode to GwsApiError carrying the GWS message', () => {
    const error = errorOf(200, { statusCode: 2, statusMessage: 'Invalid state for Hold' });
    expect(error).toBeInstanceOf(GwsApiError);
    expect(error).toMatchObject({
      message: 'Invalid state for Hold',
      statusCode: 2,
      statusMessage: 'Invalid state for Hold',
      httpStatus: 200,
      operationName: 'Hold',
    });
  });

  it('maps statusCode 20 and HTTP 401 to an unauthenticated GwsAuthError', () => {
    expect(errorOf(200, { statusCode: 20, statusMessage: 'Access denied' })).toMatchObject({
      name: 'GwsAuthError',
      kind: 'unauthenticated',
      statusCode: 20,
      message: 'Access denied',
    });
    expect(errorOf(401, '')).toMatchObject({ kind: 'unauthenticated', httpStatus: 401 });
    expect(errorOf(401, { statusCode: 20 })).toMatchObject({ kind: 'unauthenticated' });
  });

  it('maps the same answers to bad-credentials when the request was a Basic login', () => {
    expect(errorOf(401, '', { isLogin: true })).toMatchObject({ kind: 'bad-credentials' });
    expect(errorOf(200, { statusCode: 20 }, { isLogin: true })).toMatchObject({
      kind: 'bad-credentials',
    });
  });

  it('maps the plain-text 403 to a csrf GwsAuthError', () => {
    const error = errorOf(403, 'Missing or invalid Csrf token');
    expect(error).toBeInstanceOf(GwsAuthError);
    expect(error).toMatchObject({ kind: 'csrf', message: 'Missing or invalid Csrf token' });
  });

  it('maps 503 / statusCode 4 to GwsUnavailableError', () => {
    const body = { statusCode: 4, statusMessage: 'Voice service is not available at this time' };
    expect(errorOf(503, body)).toBeInstanceOf(GwsUnavailableError);
    expect(errorOf(503, body).message).toBe(body.statusMessage);
    expect(errorOf(200, { statusCode: 4, statusMessage: 'T-Server down' })).toBeInstanceOf(
      GwsUnavailableError,
    );
    expect(errorOf(503, '<html>busy</html>')).toBeInstanceOf(GwsUnavailableError);
  });

  it('maps bodies GWS never sends to GwsProtocolError, with an excerpt', () => {
    const html = errorOf(500, '<html><body>Internal error</body></html>');
    expect(html).toBeInstanceOf(GwsProtocolError);
    expect(html.message).toContain('non-JSON');
    expect(html.message).toContain('Internal error');
    expect(errorOf(200, '[1,2]')).toBeInstanceOf(GwsProtocolError);
    expect(errorOf(200, { user: {} }).message).toContain('without statusCode');
    expect(errorOf(500, { statusCode: 0 })).toBeInstanceOf(GwsProtocolError);
  });

  it('keeps long bodies out of messages', () => {
    expect(errorOf(502, 'x'.repeat(10_000)).message.length).toBeLessThan(300);
  });
});

describe('error serialization (errors cross extension messaging)', () => {
  const errors: GwsError[] = [
    new GwsApiError('Invalid state', { statusCode: 2, httpStatus: 200, operationName: 'Hold' }),
    new GwsAuthError('csrf', 'Missing or invalid Csrf token', { httpStatus: 403 }),
    new GwsUnavailableError('Voice down', { statusCode: 4, httpStatus: 503 }),
    new GwsNetworkError('No answer', { timedOut: true, cause: new Error('inner') }),
    new GwsProtocolError('HTTP 500 with a non-JSON body'),
    new GwsInputError('digits', 'bad digits', { operationName: 'SendDtmf' }),
  ];

  it.each(errors.map((e) => [e.name, e] as const))(
    '%s survives JSON and structuredClone',
    (_n, e) => {
      const plain = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
      expect(plain).toEqual(e.toJSON());
      expect(structuredClone(e.toJSON())).toEqual(plain);
      expect(plain).toMatchObject({ name: e.name, message: e.message, code: e.code });
    },
  );

  it('keeps the fields a view needs', () => {
    expect(errors[0]!.toJSON()).toEqual({
      name: 'GwsApiError',
      message: 'Invalid state',
      code: 'rejected',
      statusCode: 2,
      httpStatus: 200,
      operationName: 'Hold',
    });
    expect(errors[1]!.toJSON()).toMatchObject({ code: 'csrf' });
    expect(errors[3]!.toJSON()).toMatchObject({ code: 'timeout', timedOut: true });
    expect(errors[5]!.toJSON()).toMatchObject({ field: 'digits', code: 'invalid-input' });
  });

  it('is read correctly by the messaging layer, in the same shape', () => {
    expect(serializeError(errors[1])).toEqual({
      name: 'GwsAuthError',
      message: 'Missing or invalid Csrf token',
      code: 'csrf',
      httpStatus: 403,
    });
    for (const e of errors) expect(serializeError(e)).toEqual(e.toJSON());
    expect(serializeError(errors[0])).toMatchObject({ statusCode: 2, code: 'rejected' });
  });
});
