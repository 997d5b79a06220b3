/**
 * Placing and receiving calls (gws-api.md §4.4, §8, §9): dialling, ringing, answer, scripted
 * external parties (answer, busy, no answer, hang up) and calls between simulated agents.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENTS } from '../../sim/index.ts';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];
const ESTABLISHED_CAPS = [
  'AttachUserData',
  'DeleteUserData',
  'DeleteUserDataPair',
  'Hangup',
  'Hold',
  'InitiateConference',
  'InitiateTransfer',
  'SendDtmf',
  'SingleStepConference',
  'SingleStepTransfer',
  'StartCallRecording',
  'UpdateUserData',
];
const sorted = (a: string[]) => [...a].sort();

beforeAll(async () => {
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({
    strict: false,
    agents: [
      ...DEFAULT_AGENTS,
      {
        userName: 'agent4',
        password: 'password',
        firstName: 'Dana',
        lastName: 'Public',
        dn: '7004',
        place: 'Place_7004',
        telephonyNetwork: 'Public',
      },
    ],
  });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

async function ready(user: string): Promise<SimAgent> {
  const a = await readyAgent(s.baseUrl, user);
  open.push(a);
  return a;
}

async function inbound(a: SimAgent, extra: Record<string, unknown> = {}): Promise<Wire> {
  const { callId } = await s.control.call({
    to: a.userName,
    from: '+4930901820',
    dnis: '8001',
    userData: { AccountNumber: '12345678' },
    ...extra,
  });
  const ring = await a.nextCall({ state: 'Ringing', callId });
  return ring.call;
}

async function established(a: SimAgent): Promise<Wire> {
  const call = await inbound(a);
  expect((await a.callOp(call.id, 'Answer')).body).toEqual({ statusCode: 0 });
  return (await a.nextCall({ state: 'Established', callId: call.id })).call;
}

describe('outbound calls', () => {
  it('Dial to an external number: Dialing (Outbound) then Established when it answers', async () => {
    const a = await ready('agent1');
    expect((await a.dial('+44 20 7183 8750', { userData: { Campaign: 'Renewals' } })).body).toEqual(
      { statusCode: 0 },
    );
    const dialing = await a.nextCall({ state: 'Dialing' });
    expect(dialing).toMatchObject({
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '7001',
    });
    const c = dialing.call;
    expect(c).toMatchObject({
      callType: 'Outbound',
      dnis: '+442071838750',
      duration: '0',
      mute: 'Off',
      userData: { Campaign: 'Renewals' },
    });
    expect(c.id).toMatch(/^[0-9A-Z]{32}$/);
    expect(c.callUuid).toBe(c.id);
    expect(c.connId).toMatch(/^[0-9a-f]{16}$/);
    expect(c.uri).toBe(`${s.baseUrl}/api/v2/me/calls/${c.id}`);
    expect(c.path).toBe(`/calls/${c.id}`);
    expect(c.deviceUri).toBe(`${s.baseUrl}/api/v2/devices/${a.deviceId}`);
    expect(c.participants).toEqual([
      {
        e164Number: '+442071838750',
        formattedPhoneNumber: '+44 20 7183 8750',
        phoneNumber: '+442071838750',
        digits: '+442071838750',
        country: { name: 'United Kingdom', code: 'GB', callingCode: '44' },
      },
    ]);
    expect(sorted(c.capabilities)).toEqual(
      sorted([
        'SendDtmf',
        'DeleteUserData',
        'AttachUserData',
        'DeleteUserDataPair',
        'Hangup',
        'UpdateUserData',
      ]),
    );
    for (const k of ['supervisorListeningIn', 'monitoredUserMuted', 'monitoring'])
      expect(c[k]).toBe(false);
    const est = await a.nextCall({ state: 'Established' });
    expect(est.call.id).toBe(c.id);
    expect(sorted(est.call.capabilities)).toEqual(sorted(ESTABLISHED_CAPS));
    const get = (await a.get(`/api/v2/me/calls/${c.id}`)).body.call;
    expect(get).toMatchObject({ id: c.id, state: 'Established' });
    expect((await a.get('/api/v2/me/calls')).body.uris).toEqual([c.uri]);
  });

  it('Dial to a short number is an Internal call; bad Dial requests change nothing', async () => {
    const a = await ready('agent1');
    await a.dial('5099');
    expect((await a.nextCall({ state: 'Dialing' })).call.callType).toBe('Internal');
    a.drain();
    const before = (await a.get('/api/v2/me/calls?fields=*')).body.calls.length;
    expect((await a.op(`/api/v2/me/devices/${a.deviceId}/calls`, 'Dial', {})).body.statusCode).toBe(
      1,
    );
    expect(
      (await a.op(`/api/v2/me/devices/${a.deviceId}/calls`, 'Dial', { destination: 17 })).body
        .statusCode,
    ).toBe(1);
    expect(
      (
        await a.op(`/api/v2/me/devices/${a.deviceId}/calls`, 'Dial', {
          destination: { phoneNumber: 'abc' },
        })
      ).body.statusCode,
    ).toBe(10);
    expect(
      (
        await a.op(`/api/v2/me/devices/${a.deviceId}/calls`, 'Dial', {
          destination: { phoneNumber: '5000' },
          userData: 'x',
        })
      ).body.statusCode,
    ).toBe(1);
    expect((await a.dial('7001')).body.statusCode).toBe(2);
    expect((await a.op(`/api/v2/me/devices/${a.deviceId}/calls`, 'Hangup')).body.statusCode).toBe(
      1,
    );
    expect((await a.get('/api/v2/me/calls?fields=*')).body.calls).toHaveLength(before);
  });

  it('a busy number: Dialing, then an ErrorMessage, then Released', async () => {
    const a = await ready('agent1');
    await s.control.remoteParty('+15550001111', { behaviour: 'busy', answerDelayMs: 50 });
    await a.dial('+15550001111');
    const id = (await a.nextCall({ state: 'Dialing' })).call.id;
    const err = await a.nextMessage((m) => m.data.messageType === 'ErrorMessage');
    expect(err.channel).toBe('/v2/me/calls');
    expect(err.data).toMatchObject({ errorCode: 'DestinationBusy', phoneNumber: '7001' });
    expect(err.data.errorMessage).toMatch(/busy/);
    const rel = await a.nextCall({ state: 'Released', callId: id });
    expect(rel.call.capabilities).toEqual([]);
    expect(rel.call.participants[0].phoneNumber).toBe('+15550001111');
    expect((await a.get('/api/v2/me/calls')).body.uris).toEqual([]);
    const order = a.received
      .filter((m) => m.channel === '/v2/me/calls')
      .map((m) => (m.data.messageType === 'ErrorMessage' ? 'error' : m.data.call?.state));
    expect(order).toEqual(['Dialing', 'error', 'Released']);
  });

  it('a number that never answers keeps Dialing until the caller hangs up', async () => {
    const a = await ready('agent1');
    await s.control.remoteParty('+15550002222', { behaviour: 'no-answer' });
    await a.dial('+15550002222');
    const id = (await a.nextCall({ state: 'Dialing' })).call.id;
    await waitFor(
      async () => Number((await a.get(`/api/v2/me/calls/${id}`)).body.call.duration) >= 1,
      { timeoutMs: 3_000, message: 'duration counting' },
    );
    expect((await a.get(`/api/v2/me/calls/${id}`)).body.call.state).toBe('Dialing');
    expect((await a.callOp(id, 'Hangup')).body.statusCode).toBe(0);
    const rel = await a.nextCall({ state: 'Released' });
    expect(Number(rel.call.duration)).toBeGreaterThanOrEqual(1);
    expect(typeof rel.call.duration).toBe('string');
  });

  it('a party that hangs up after answering releases the call', async () => {
    const a = await ready('agent2');
    await s.control.remoteParty('+15550003333', {
      behaviour: 'answer',
      answerDelayMs: 20,
      hangupAfterMs: 50,
    });
    await a.dial('+15550003333');
    await a.nextCall({ state: 'Established' });
    expect((await a.nextCall({ state: 'Released' })).call.capabilities).toEqual([]);
  });
});

describe('inbound calls', () => {
  it('rings with ani, dnis, userData and Answer, then Answer establishes it', async () => {
    const a = await ready('agent1');
    const ring = await inbound(a);
    expect(ring).toMatchObject({
      state: 'Ringing',
      callType: 'Inbound',
      ani: '+4930901820',
      dnis: '8001',
      userData: { AccountNumber: '12345678' },
    });
    expect(sorted(ring.capabilities)).toEqual(
      sorted([
        'Answer',
        'AttachUserData',
        'UpdateUserData',
        'DeleteUserData',
        'DeleteUserDataPair',
      ]),
    );
    expect(ring.participants[0]).toMatchObject({
      phoneNumber: '+4930901820',
      country: { code: 'DE' },
    });
    expect((await a.callOp(ring.id, 'Hold')).body.statusCode).toBe(2);
    expect((await a.callOp(ring.id, 'Answer')).body).toEqual({ statusCode: 0 });
    const est = await a.nextCall({ state: 'Established' });
    expect(est.call.id).toBe(ring.id);
    expect(est.call.userData).toEqual({ AccountNumber: '12345678' });
    expect((await a.callOp(ring.id, 'Answer')).body.statusCode).toBe(2);
    expect(a.pending()).toEqual([]);
  });

  it('a Public network device gets no Answer capability', async () => {
    const a = await ready('agent4');
    const ring = await inbound(a);
    expect(ring.capabilities).not.toContain('Answer');
    expect((await a.callOp(ring.id, 'Answer')).body.statusCode).toBe(2);
  });

  it('the caller hanging up releases a ringing call (abandoned)', async () => {
    const a = await ready('agent1');
    const ring = await inbound(a);
    await s.control.remote(ring.id, 'hangup');
    const rel = await a.nextCall({ state: 'Released' });
    expect(rel.call).toMatchObject({ id: ring.id, capabilities: [], ani: '+4930901820' });
  });

  it('answering a second call holds the first one', async () => {
    const a = await ready('agent1');
    const first = await established(a);
    const second = await inbound(a);
    await a.callOp(second.id, 'Answer');
    expect((await a.nextCall({ state: 'Held' })).call.id).toBe(first.id);
    const est = await a.nextCall({ state: 'Established' });
    expect(est.call.id).toBe(second.id);
    expect(est.call.capabilities).toEqual(
      expect.arrayContaining(['SwapCalls', 'CompleteTransfer', 'CompleteConference']),
    );
  });
});

describe('calls between agents', () => {
  it('agent1 dials agent2: both sides see the call with the same connId and callUuid', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    await a.dial('7002', { userData: { Topic: 'handover' } });
    const dialing = (await a.nextCall({ state: 'Dialing' })).call;
    const ringing = (await b.nextCall({ state: 'Ringing' })).call;
    expect(dialing.callType).toBe('Internal');
    expect(ringing).toMatchObject({
      callType: 'Internal',
      ani: '7001',
      dnis: '7002',
      userData: { Topic: 'handover' },
    });
    expect(ringing.connId).toBe(dialing.connId);
    expect(ringing.callUuid).toBe(dialing.callUuid);
    expect(dialing.participants).toEqual([
      { e164Number: '', formattedPhoneNumber: '7002', phoneNumber: '7002', digits: '7002' },
    ]);
    expect(ringing.participants[0].phoneNumber).toBe('7001');
    await b.callOp(ringing.id, 'Answer');
    expect((await b.nextCall({ state: 'Established' })).call.id).toBe(ringing.id);
    expect((await a.nextCall({ state: 'Established' })).call.id).toBe(dialing.id);
    await b.callOp(ringing.id, 'Hangup');
    expect((await b.nextCall({ state: 'Released' })).call.capabilities).toEqual([]);
    expect((await a.nextCall({ state: 'Released' })).call.id).toBe(dialing.id);
  });

  it('agent2 dials agent1 the other way round; a caller hanging up stops the ringing', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    await b.dial('7001');
    const dialing = (await b.nextCall({ state: 'Dialing' })).call;
    const ringing = (await a.nextCall({ state: 'Ringing' })).call;
    expect(ringing.ani).toBe('7002');
    await b.callOp(dialing.id, 'Hangup');
    await b.nextCall({ state: 'Released' });
    expect((await a.nextCall({ state: 'Released' })).call.id).toBe(ringing.id);
  });

  it('an internal call from the control API rings the callee and dials from the caller', async () => {
    const a = await ready('agent1');
    const b = await ready('agent3');
    const { callId, connId } = await s.control.call({ to: 'agent3', from: 'agent1' });
    const ringing = (await b.nextCall({ state: 'Ringing' })).call;
    expect(ringing.id).toBe(callId);
    expect((await a.nextCall({ state: 'Dialing' })).call.connId).toBe(connId);
  });

  it('a call to an agent in DND is Released with an ErrorMessage for the caller', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    await b.deviceOp('DoNotDisturbOn');
    await a.dial('7002');
    await a.nextCall({ state: 'Dialing' });
    expect(
      (await a.nextMessage((m) => m.data.messageType === 'ErrorMessage')).data.errorMessage,
    ).toMatch(/Do Not Disturb/);
    await a.nextCall({ state: 'Released' });
    expect(b.pending().filter((m) => m.channel === '/v2/me/calls')).toEqual([]);
  });
});
