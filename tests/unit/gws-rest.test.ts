import { afterEach, describe, expect, it } from 'vitest';
import type { OperationResult } from '../../lib/gws/rest.ts';
import { GwsRestClient } from '../../lib/gws/rest.ts';
import { GwsApiError, GwsAuthError, GwsInputError, GwsNetworkError } from '../../lib/gws/errors.ts';
import { createCookieFetch } from '../support/cookie-fetch.ts';
import { loggedInClient, startFakeGws, stopFakeServers } from './gws-rest-fake-server.ts';

afterEach(stopFakeServers);

describe('GwsRestClient login', () => {
  it('logs in with UTF-8 Basic on GET /me?subresources=*, returns the snapshot, keeps CSRF', async () => {
    const fake = await startFakeGws();
    const client = new GwsRestClient({ serverUrl: `${fake.baseUrl}/`, fetch: createCookieFetch() });
    const snapshot = await client.login('agent1', 'pässword');

    expect(snapshot).toEqual({ statusCode: 0, user: { id: 'u1', userName: 'agent1' } });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', url: '/api/v2/me?subresources=*' });
    expect(client.csrfHeader).toEqual({ name: 'X-CSRF-TOKEN', value: 'token-1' });

    await client.callOperation('C1', 'Hold');
    const post = fake.requests[1]!;
    expect(post.headers['x-csrf-token']).toBe('token-1');
    expect(post.headers.cookie).toBe('JSESSIONID=s1');
    expect(post.headers.authorization).toBeUndefined();
  });

  it('rejects a wrong password as bad-credentials and keeps no session', async () => {
    const fake = await startFakeGws();
    const client = new GwsRestClient({ serverUrl: fake.baseUrl, fetch: createCookieFetch() });
    const error = await client.login('agent1', 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsAuthError);
    expect(error).toMatchObject({ kind: 'bad-credentials', httpStatus: 401, statusCode: 20 });
    expect(client.csrfHeader).toBeUndefined();
  });

  it('sends the header the server names in X-CSRF-HEADER', async () => {
    const fake = await startFakeGws({ csrf: false });
    fake.override = (req) =>
      req.method === 'GET'
        ? {
            headers: { 'X-CSRF-HEADER': 'X-Custom-Csrf', 'X-CSRF-TOKEN': 'abc' },
            body: { statusCode: 0, user: { id: 'u' } },
          }
        : { body: { statusCode: 0 } };
    const client = new GwsRestClient({ serverUrl: fake.baseUrl, fetch: createCookieFetch() });
    await client.login('agent1', 'x');
    await client.callOperation('C1', 'Answer');
    expect(fake.requests[1]!.headers['x-custom-csrf']).toBe('abc');
    expect(fake.requests[1]!.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends no CSRF header when the server sends none (protection off, §2.3)', async () => {
    const fake = await startFakeGws({ csrf: false });
    fake.override = (req) =>
      req.method === 'GET'
        ? { body: { statusCode: 0, user: { id: 'u' } } }
        : { body: { statusCode: 0 } };
    const client = new GwsRestClient({ serverUrl: fake.baseUrl, fetch: createCookieFetch() });
    await client.login('agent1', 'x');
    expect(client.csrfHeader).toBeUndefined();
    await client.callOperation('C1', 'Answer');
    expect(Object.keys(fake.requests[1]!.headers).filter((h) => h.includes('csrf'))).toEqual([]);
  });

  it('refuses a login answer without a user object', async () => {
    const fake = await startFakeGws();
    fake.override = () => ({ body: { statusCode: 0 } });
    const client = new GwsRestClient({ serverUrl: fake.baseUrl, fetch: createCookieFetch() });
    await expect(client.login('agent1', 'x')).rejects.toMatchObject({ name: 'GwsProtocolError' });
  });
});

describe('GwsRestClient operations', () => {
  it('POSTs {operationName, …params} as JSON to the documented path for every operation', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    const cases: Array<[() => Promise<unknown>, string, Record<string, unknown>]> = [
      [
        () => client.startContactCenterSession(),
        '/me',
        { operationName: 'StartContactCenterSession', channels: ['voice'] },
      ],
      [
        () => client.startContactCenterSession({ place: 'P1', channels: ['voice', 'chat'] }),
        '/me',
        { operationName: 'StartContactCenterSession', channels: ['voice', 'chat'], place: 'P1' },
      ],
      [() => client.setAgentState('Ready'), '/me/channels/voice', { operationName: 'Ready' }],
      [
        () => client.setAgentState('AfterCallWork', { wrapUpTime: '30' }),
        '/me/channels/voice',
        { operationName: 'AfterCallWork', wrapUpTime: '30' },
      ],
      [
        () => client.deviceOperation('d-1', 'DoNotDisturbOn'),
        '/me/devices/d-1',
        { operationName: 'DoNotDisturbOn' },
      ],
      [
        () => client.deviceOperation('d-1', 'DoNotDisturbOff'),
        '/me/devices/d-1',
        { operationName: 'DoNotDisturbOff' },
      ],
      [
        () => client.deviceOperation('d-1', 'ForwardCallsOn', { destination: '5001' }),
        '/me/devices/d-1',
        { operationName: 'ForwardCallsOn', destination: '5001' },
      ],
      [
        () => client.deviceOperation('d-1', 'ForwardCallsOff'),
        '/me/devices/d-1',
        { operationName: 'ForwardCallsOff' },
      ],
      [
        () => client.dial('d-1', '15002'),
        '/me/devices/d-1/calls',
        { operationName: 'Dial', destination: { phoneNumber: '15002' } },
      ],
      [
        () =>
          client.dial('d-1', '+1 555 0100', {
            userData: { k: 'v' },
            location: 'L',
            outboundCallerId: '800',
          }),
        '/me/devices/d-1/calls',
        {
          operationName: 'Dial',
          destination: { phoneNumber: '+1 555 0100' },
          userData: { k: 'v' },
          location: 'L',
          outboundCallerId: '800',
        },
      ],
      [() => client.callOperation('C1', 'Answer'), '/me/calls/C1', { operationName: 'Answer' }],
      [() => client.callOperation('C1', 'Hangup'), '/me/calls/C1', { operationName: 'Hangup' }],
      [() => client.callOperation('C1', 'Hold'), '/me/calls/C1', { operationName: 'Hold' }],
      [() => client.callOperation('C1', 'Retrieve'), '/me/calls/C1', { operationName: 'Retrieve' }],
      [
        () =>
          client.callOperation('C1', 'InitiateTransfer', { destination: { phoneNumber: '7002' } }),
        '/me/calls/C1',
        { operationName: 'InitiateTransfer', destination: { phoneNumber: '7002' } },
      ],
      [
        () =>
          client.callOperation('C2', 'CompleteTransfer', {
            consultCallUri: 'http://h/api/v2/me/calls/C2',
          }),
        '/me/calls/C2',
        { operationName: 'CompleteTransfer', consultCallUri: 'http://h/api/v2/me/calls/C2' },
      ],
      [
        () => client.callOperation('C2', 'CompleteTransfer'),
        '/me/calls/C2',
        { operationName: 'CompleteTransfer' },
      ],
      [
        () =>
          client.callOperation('C1', 'SingleStepTransfer', {
            destination: { phoneNumber: '7002' },
          }),
        '/me/calls/C1',
        { operationName: 'SingleStepTransfer', destination: { phoneNumber: '7002' } },
      ],
      [
        () =>
          client.callOperation('C1', 'InitiateConference', {
            destination: { phoneNumber: '7003' },
          }),
        '/me/calls/C1',
        { operationName: 'InitiateConference', destination: { phoneNumber: '7003' } },
      ],
      [
        () => client.callOperation('C2', 'CompleteConference'),
        '/me/calls/C2',
        { operationName: 'CompleteConference' },
      ],
      [
        () =>
          client.callOperation('C1', 'SingleStepConference', {
            destination: { phoneNumber: '7003' },
          }),
        '/me/calls/C1',
        { operationName: 'SingleStepConference', destination: { phoneNumber: '7003' } },
      ],
      [
        () =>
          client.callOperation('C1', 'RemoveParticipantFromConference', { participant: '7003' }),
        '/me/calls/C1',
        { operationName: 'RemoveParticipantFromConference', participant: '7003' },
      ],
      [
        () =>
          client.callOperation('C1', 'SwapCalls', { otherCallUri: 'http://h/api/v2/me/calls/C2' }),
        '/me/calls/C1',
        { operationName: 'SwapCalls', otherCallUri: 'http://h/api/v2/me/calls/C2' },
      ],
      [
        () => client.callOperation('C1', 'SendDtmf', { digits: '12*#' }),
        '/me/calls/C1',
        { operationName: 'SendDtmf', digits: '12*#' },
      ],
      [
        () => client.callOperation('C1', 'AttachUserData', { userData: { a: '1' } }),
        '/me/calls/C1',
        { operationName: 'AttachUserData', userData: { a: '1' } },
      ],
      [
        () => client.callOperation('C1', 'UpdateUserData', { userData: { a: '2' } }),
        '/me/calls/C1',
        { operationName: 'UpdateUserData', userData: { a: '2' } },
      ],
      [
        () => client.callOperation('C1', 'DeleteUserDataPair', { key: 'a' }),
        '/me/calls/C1',
        { operationName: 'DeleteUserDataPair', key: 'a' },
      ],
      [
        () => client.callOperation('C1', 'DeleteUserData'),
        '/me/calls/C1',
        { operationName: 'DeleteUserData' },
      ],
      [
        () => client.callOperation('C1', 'StartCallRecording'),
        '/me/calls/C1',
        { operationName: 'StartCallRecording' },
      ],
      [
        () => client.callOperation('C1', 'PauseCallRecording'),
        '/me/calls/C1',
        { operationName: 'PauseCallRecording' },
      ],
      [
        () => client.callOperation('C1', 'ResumeCallRecording'),
        '/me/calls/C1',
        { operationName: 'ResumeCallRecording' },
      ],
      [
        () => client.callOperation('C1', 'StopCallRecording'),
        '/me/calls/C1',
        { operationName: 'StopCallRecording' },
      ],
    ];
    for (const [invoke, path, body] of cases) {
      fake.requests.length = 0;
      const result = (await invoke()) as OperationResult;
      expect(result.statusCode).toBe(0);
      expect(fake.requests).toHaveLength(1);
      const req = fake.requests[0]!;
      expect({ method: req.method, url: req.url, body: req.body }).toEqual({
        method: 'POST',
        url: `/api/v2${path}`,
        body,
      });
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['x-csrf-token']).toBe('token-1');
    }
  });

  it('percent-encodes ids in paths', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    await client.callOperation('a/b c?d', 'Hold');
    await client.dial('dev#1', '7002');
    expect(fake.requests.map((r) => r.url)).toEqual([
      '/api/v2/me/calls/a%2Fb%20c%3Fd',
      '/api/v2/me/devices/dev%231/calls',
    ]);
  });

  it('never lets params replace the operationName', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    await client.setAgentState('NotReady', { operationName: 'Ready' });
    expect(fake.requests[0]!.body).toEqual({ operationName: 'NotReady' });
  });

  // Call operations' parameters are checked where a view's request comes in
  // (tests/unit/call-operations.test.ts); the call id still goes into the path.
  it('refuses bad arguments locally and sends nothing', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    const attempts: Array<[() => Promise<unknown>, string]> = [
      [() => client.dial('d-1', ''), 'phoneNumber'],
      [() => client.dial('d-1', '   '), 'phoneNumber'],
      [() => client.dial('d-1', '---'), 'phoneNumber'],
      [() => client.dial('d-1', '7002\n7003'), 'phoneNumber'],
      [() => client.dial('', '7002'), 'deviceId'],
      [() => client.deviceOperation('', 'DoNotDisturbOn'), 'deviceId'],
      [() => client.callOperation('', 'Hold'), 'callId'],
      [() => client.setAgentState(''), 'operationName'],
      [() => client.startContactCenterSession({ channels: [] }), 'channels'],
    ];
    for (const [attempt, field] of attempts) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, field).toBeInstanceOf(GwsInputError);
      expect((error as GwsInputError).field).toBe(field);
    }
    expect(fake.requests).toEqual([]);
  });

  it('rejects with the GWS statusMessage when the server refuses', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    fake.override = () => ({
      body: { statusCode: 2, statusMessage: 'Call is not in a state to be held' },
    });
    const error = await client.callOperation('C1', 'Hold').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsApiError);
    expect(error).toMatchObject({
      message: 'Call is not in a state to be held',
      statusCode: 2,
      operationName: 'Hold',
    });
  });

  it('maps voice-down 503 to GwsUnavailableError', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    fake.override = () => ({
      status: 503,
      body: { statusCode: 4, statusMessage: 'Voice service is not available at this time' },
    });
    await expect(client.callOperation('C1', 'Answer')).rejects.toMatchObject({
      name: 'GwsUnavailableError',
      httpStatus: 503,
      statusCode: 4,
      message: 'Voice service is not available at this time',
    });
  });

  it('gives up after timeoutMs with a timed-out GwsNetworkError', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake, { timeoutMs: 150 });
    fake.override = () => 'hang';
    const started = Date.now();
    const error = await client.callOperation('C1', 'Answer').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsNetworkError);
    expect(error).toMatchObject({ timedOut: true, code: 'timeout', operationName: 'Answer' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a closed port as a network error with the cause', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    await fake.close();
    const error = await client.getCalls().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsNetworkError);
    expect((error as GwsNetworkError).timedOut).toBe(false);
    expect((error as Error).message).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('reads collections with ?fields=*', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    fake.override = (req) =>
      req.url === '/api/v2/me/devices?fields=*'
        ? { body: { statusCode: 0, devices: [{ id: 'd-1' }] } }
        : undefined;
    expect(await client.getDevices()).toEqual([{ id: 'd-1' }]);
    expect(await client.getCalls()).toEqual([]);
    fake.override = () => ({ body: { statusCode: 0, uris: ['http://x/api/v2/me/calls/C1'] } });
    await expect(client.getCalls()).rejects.toMatchObject({ name: 'GwsProtocolError' });
  });

  it('takes a `fields=` collection read without the statusCode envelope, as documented', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    const voice = { channel: 'voice', userState: { state: 'Ready' }, switchName: 'SIP_Switch' };
    fake.override = (req) =>
      req.url === '/api/v2/me/channels?fields=*' ? { body: { channels: [voice] } } : undefined;
    expect(await client.getChannels()).toEqual([voice]);
    // Without its array it is still no answer GWS gives; operations still need statusCode.
    fake.override = () => ({ body: { user: {} } });
    await expect(client.getChannels()).rejects.toMatchObject({ name: 'GwsProtocolError' });
    fake.override = () => ({ body: { channels: [] } });
    await expect(client.deviceOperation('d-1', 'DoNotDisturbOn')).rejects.toMatchObject({
      name: 'GwsProtocolError',
    });
  });
});
