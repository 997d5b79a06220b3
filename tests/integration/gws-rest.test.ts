import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import { GwsRestClient } from '../../lib/gws/rest.ts';
import {
  GwsApiError,
  GwsAuthError,
  GwsInputError,
  GwsUnavailableError,
} from '../../lib/gws/errors.ts';
import { createCookieFetch } from '../support/cookie-fetch.ts';
import { GwsClientHarness } from './gws-harness.ts';

let sim: StartedSim;
const clients: GwsClientHarness[] = [];

beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.control.reset();
  await sim.control.clearRequests();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function client(options: ConstructorParameters<typeof GwsClientHarness>[1] = {}): GwsClientHarness {
  const c = new GwsClientHarness(sim.baseUrl, options);
  clients.push(c);
  return c;
}

describe('login and CSRF (gws-api.md §1, §2.3)', () => {
  it('logs in, keeps JSESSIONID and the CSRF header, and returns the user snapshot', async () => {
    const c = client();
    const snapshot = await c.login();
    const truth = await sim.control.agent('agent1');

    expect(snapshot.statusCode).toBe(0);
    expect(snapshot.user.userName).toBe('agent1');
    expect(snapshot.user.devices.map((d: { id: string }) => d.id)).toContain(truth.deviceId);
    expect(c.rest.csrfHeader?.name).toBe('X-CSRF-TOKEN');
    expect(c.rest.csrfHeader?.value).toMatch(/\S{8,}/);
    expect(c.fetch.jar.get('JSESSIONID')).toMatchObject({ path: '/api' });
    expect((await sim.control.state()).httpSessions).toBe(1);
  });

  it('refuses a wrong password as bad-credentials', async () => {
    const c = client({ password: 'not-the-password' });
    const error = await c.login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsAuthError);
    expect((error as GwsAuthError).kind).toBe('bad-credentials');
    expect(c.fetch.jar.get('JSESSIONID')).toBeUndefined();
    const logged = (await sim.control.requests()).at(-1);
    expect(logged).toMatchObject({ method: 'GET', httpStatus: (error as GwsAuthError).httpStatus });
  });

  it('sends the CSRF header, and the simulator refuses a POST without it', async () => {
    const c = client({ relogin: false });
    await c.login();
    await c.rest.startContactCenterSession();
    const post = c.sent.find((r) => r.method === 'POST')!;
    expect(post.headers.get('X-CSRF-TOKEN')).toBe(c.rest.csrfHeader?.value);

    c.rest.clearAuth(); // same cookie, no token
    const error = await c.rest.setAgentState('Ready').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsAuthError);
    expect(error).toMatchObject({ kind: 'csrf', httpStatus: 403 });
    const last = (await sim.control.requests('agent1')).at(-1);
    expect(last).toMatchObject({ method: 'POST', httpStatus: 403 });
    expect((await sim.control.agent('agent1')).device.userState.state).not.toBe('Ready');
  });

  it('validates input locally: nothing reaches the server', async () => {
    const c = client();
    const { deviceId } = await c.start();
    await sim.control.clearRequests();
    await expect(c.rest.dial(deviceId, '  ')).rejects.toBeInstanceOf(GwsInputError);
    await expect(c.rest.callOperation('', 'Hold')).rejects.toBeInstanceOf(GwsInputError);
    expect(await sim.control.requests('agent1')).toEqual([]);
  });
});

describe('operations: accepted over REST, observed over CometD (§3, §9)', () => {
  it('session, agent state, DND and forwarding', async () => {
    const c = client();
    const { deviceId } = await c.start();

    await c.rest.setAgentState('Ready');
    expect((await c.nextDevice((d) => d.userState?.state === 'Ready')).id).toBe(deviceId);
    await c.rest.setAgentState('AfterCallWork');
    expect(
      (await c.nextDevice((d) => d.userState?.workMode === 'AfterCallWork')).userState.state,
    ).toBe('NotReady');
    await c.rest.setAgentState('NotReady');
    await c.nextDevice((d) => d.userState?.state === 'NotReady' && !d.userState.workMode);

    await c.rest.deviceOperation(deviceId, 'DoNotDisturbOn');
    await c.nextDevice((d) => d.doNotDisturb === 'On');
    await c.rest.deviceOperation(deviceId, 'DoNotDisturbOff');
    await c.nextDevice((d) => d.doNotDisturb === 'Off');

    await c.rest.deviceOperation(deviceId, 'ForwardCallsOn', { destination: '5001' });
    await c.nextDevice((d) => d.forwardTo === '5001');
    await c.rest.deviceOperation(deviceId, 'ForwardCallsOff');
    await c.nextDevice(
      (d) => d.forwardTo === undefined && d.capabilities.includes('ForwardCallsOn'),
    );

    const truth = await sim.control.agent('agent1');
    expect(truth.device).toMatchObject({ doNotDisturb: 'Off', userState: { state: 'NotReady' } });
  });

  it('dial, hold/retrieve, DTMF, attached data, recording, hangup', async () => {
    const c = client();
    const { deviceId } = await c.start();

    await c.rest.dial(deviceId, '5550100', { userData: { Origin: 'test' } });
    const dialing = await c.nextCall({ type: 'StatusChange', state: 'Dialing' });
    expect(dialing.userData).toMatchObject({ Origin: 'test' });
    const id = dialing.id as string;
    await c.nextCall({ id, state: 'Established' });

    await c.rest.callOperation(id, 'Hold');
    await c.nextCall({ id, type: 'StatusChange', state: 'Held' });
    await c.rest.callOperation(id, 'Retrieve');
    await c.nextCall({ id, type: 'StatusChange', state: 'Established' });

    await c.rest.callOperation(id, 'SendDtmf', { digits: '12#' });
    await c.nextCall({ id, type: 'DtmfSent' });

    await c.rest.callOperation(id, 'AttachUserData', { userData: { A: '1' } });
    expect((await c.nextCall({ id, type: 'AttachedDataChanged' })).userData).toMatchObject({
      A: '1',
    });
    await c.rest.callOperation(id, 'UpdateUserData', { userData: { A: '2' } });
    expect((await c.nextCall({ id, type: 'AttachedDataChanged' })).userData).toMatchObject({
      A: '2',
    });
    await c.rest.callOperation(id, 'DeleteUserDataPair', { key: 'A' });
    expect((await c.nextCall({ id, type: 'AttachedDataChanged' })).userData).not.toHaveProperty(
      'A',
    );
    await c.rest.callOperation(id, 'DeleteUserData');
    expect(await c.nextCall({ id, type: 'AttachedDataChanged' })).not.toHaveProperty('userData');

    const recording = { type: 'CallRecordingStateChange', id };
    await c.rest.callOperation(id, 'StartCallRecording');
    expect((await c.nextCall(recording)).recordingState).toBe('Recording');
    await c.rest.callOperation(id, 'PauseCallRecording');
    expect((await c.nextCall(recording)).recordingState).toBe('Paused');
    await c.rest.callOperation(id, 'ResumeCallRecording');
    expect((await c.nextCall(recording)).recordingState).toBe('Recording');
    await c.rest.callOperation(id, 'StopCallRecording');
    expect((await c.nextCall(recording)).recordingState).toBe('Stopped');

    await c.rest.callOperation(id, 'Hangup');
    expect((await c.nextCall({ id, state: 'Released' })).capabilities).toEqual([]);
    expect((await sim.control.agent('agent1')).calls).toEqual([]);
  });

  it('inbound call answered, two-step transfer with SwapCalls', async () => {
    const c = client();
    await c.start();
    const { callId } = await sim.control.call({ to: 'agent1', from: '5559999' });
    const ringing = await c.nextCall({ id: callId, state: 'Ringing' });
    expect(ringing.callType).toBe('Inbound');
    await c.rest.callOperation(callId, 'Answer');
    await c.nextCall({ id: callId, state: 'Established' });

    await c.rest.callOperation(callId, 'InitiateTransfer', {
      destination: { phoneNumber: '5552000' },
    });
    await c.nextCall({ id: callId, state: 'Held' });
    const consult = await c.nextCall({ type: 'StatusChange', state: 'Dialing' });
    expect(consult.callType).toBe('Consult');
    await c.nextCall({ id: consult.id, state: 'Established' });

    const original = (await sim.control.agent('agent1')).calls.find((x) => x.id === callId);
    await c.rest.callOperation(consult.id, 'SwapCalls', { otherCallUri: original.uri });
    await c.nextCall({ id: consult.id, state: 'Held' });
    await c.nextCall({ id: callId, state: 'Established' });
    await c.rest.callOperation(callId, 'SwapCalls', { otherCallUri: consult.uri });
    await c.nextCall({ id: callId, state: 'Held' });
    await c.nextCall({ id: consult.id, state: 'Established' });

    await c.rest.callOperation(consult.id, 'CompleteTransfer', { consultCallUri: original.uri });
    await c.nextCall({ id: callId, state: 'Released' });
    await c.nextCall({ id: consult.id, state: 'Released' });
    expect((await sim.control.agent('agent1')).calls).toEqual([]);
  });

  it('conference: two-step, single-step, remove participant, single-step transfer', async () => {
    const c = client();
    const { deviceId } = await c.start();
    await c.rest.dial(deviceId, '5550100');
    const { id } = await c.nextCall({ state: 'Dialing' });
    await c.nextCall({ id, state: 'Established' });

    await c.rest.callOperation(id, 'InitiateConference', {
      destination: { phoneNumber: '5552000' },
    });
    await c.nextCall({ id, state: 'Held' });
    const consult = await c.nextCall({ state: 'Dialing' });
    await c.nextCall({ id: consult.id, state: 'Established' });
    await c.rest.callOperation(consult.id, 'CompleteConference');
    await c.nextCall({ id: consult.id, state: 'Released' });
    const merged = await c.nextCall({ id, type: 'ParticipantsUpdated' });
    expect(merged.participants).toHaveLength(2);

    await c.rest.callOperation(id, 'SingleStepConference', {
      destination: { phoneNumber: '5553000' },
    });
    expect((await c.nextCall({ id, type: 'ParticipantsUpdated' })).participants).toHaveLength(3);
    await c.rest.callOperation(id, 'RemoveParticipantFromConference', { participant: '5553000' });
    expect((await c.nextCall({ id, type: 'ParticipantsUpdated' })).participants).toHaveLength(2);

    await c.rest.callOperation(id, 'SingleStepTransfer', {
      destination: { phoneNumber: '5554000' },
    });
    await c.nextCall({ id, state: 'Released' });
  });
});

describe('failures (§2.6, §5.6, §10)', () => {
  it('re-logs in once after the session expired, restores the session, and retries', async () => {
    const c = client();
    await c.start();
    await sim.control.expireSessions('agent1');
    await sim.control.clearRequests();

    await c.rest.setAgentState('Ready');

    expect(c.relogins).toBe(1);
    // Unfiltered: a request on a dead session cannot be attributed to the agent.
    const log = (await sim.control.requests()).map((r) => `${r.method} ${r.path} ${r.httpStatus}`);
    expect(log).toEqual([
      'POST /api/v2/me/channels/voice 403',
      'GET /api/v2/me?subresources=* 200',
      'POST /api/v2/me 200',
      'POST /api/v2/me/channels/voice 200',
    ]);
    expect((await sim.control.agent('agent1')).device.userState.state).toBe('Ready');
  });

  it('without re-login, the expired session surfaces as GwsAuthError', async () => {
    const c = client({ relogin: false });
    await c.start();
    await sim.control.expireSessions('agent1');
    const error = await c.rest.setAgentState('Ready').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsAuthError);
    expect(['csrf', 'unauthenticated']).toContain((error as GwsAuthError).kind);
  });

  it('maps voice-down to GwsUnavailableError with the GWS message, changing nothing', async () => {
    const c = client();
    const { deviceId } = await c.start();
    await sim.control.voiceDown(true);
    try {
      const error = await c.rest.dial(deviceId, '5550100').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GwsUnavailableError);
      expect(error).toMatchObject({
        httpStatus: 503,
        statusCode: 4,
        message: 'Voice service is not available at this time',
        operationName: 'Dial',
      });
      expect((await sim.control.agent('agent1')).calls).toEqual([]);
    } finally {
      await sim.control.voiceDown(false);
    }
  });

  it('maps a refused operation to GwsApiError with the statusCode the server logged', async () => {
    const c = client();
    await c.start();
    const error = await c.rest.callOperation('NOSUCHCALL', 'Hold').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsApiError);
    const logged = (await sim.control.requests('agent1')).at(-1)!;
    expect(error).toMatchObject({ statusCode: logged.statusCode, httpStatus: logged.httpStatus });
    expect((error as GwsApiError).statusCode).not.toBe(0);
    expect((error as GwsApiError).message).toContain('NOSUCHCALL');
  });

  it('two clients keep separate sessions (one cookie jar each)', async () => {
    const a = new GwsRestClient({ serverUrl: sim.baseUrl, fetch: createCookieFetch() });
    const b = new GwsRestClient({ serverUrl: sim.baseUrl, fetch: createCookieFetch() });
    await a.login('agent1', 'password');
    await b.login('agent2', 'password');
    expect((await a.getMe()).user?.userName).toBe('agent1');
    expect((await b.getMe()).user?.userName).toBe('agent2');
  });
});
