/**
 * Transfers, conferences, participant removal and SwapCalls (gws-api.md §4.5, §8, §9), with
 * other simulated agents as destinations so both sides are checked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];
const CUSTOMER = '+4930901820';
const sorted = (a: string[]) => [...a].sort();
const numbers = (call: Wire) => sorted(call.participants.map((p: Wire) => p.phoneNumber));

beforeAll(async () => {
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({ strict: false });
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

async function customerCall(a: SimAgent): Promise<Wire> {
  const { callId } = await s.control.call({
    to: a.userName,
    from: CUSTOMER,
    userData: { AccountNumber: '12345678' },
  });
  await a.nextCall({ state: 'Ringing', callId });
  await a.callOp(callId, 'Answer');
  return (await a.nextCall({ state: 'Established', callId })).call;
}

async function answer(b: SimAgent, filter: Record<string, string> = {}): Promise<Wire> {
  const ring = (await b.nextCall({ state: 'Ringing', ...filter })).call;
  expect((await b.callOp(ring.id, 'Answer')).body.statusCode).toBe(0);
  return (await b.nextCall({ state: 'Established', callId: ring.id })).call;
}

/** Call events received from index `from` on, as `notificationType:state:id`. */
function callStates(a: SimAgent, from: number): string[] {
  return a.received
    .slice(from)
    .filter((m) => m.data.messageType === 'CallStateChangeMessage')
    .map((m) => `${m.data.notificationType}:${m.data.call.state}:${m.data.call.id}`);
}

describe('two-step transfer', () => {
  it('InitiateTransfer holds the original and dials a Consult call; CompleteTransfer hands the customer over', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    const orig = await customerCall(a);
    const r = await a.callOp(orig.id, 'InitiateTransfer', {
      destination: { phoneNumber: '7002' },
      userData: { TransferReason: 'billing' },
    });
    expect(r.body).toEqual({ statusCode: 0 });
    const held = (await a.nextCall({ state: 'Held' })).call;
    expect(held.id).toBe(orig.id);
    expect(sorted(held.capabilities)).toEqual(
      sorted([
        'UpdateUserData',
        'SwapCalls',
        'InitiateConference',
        'SingleStepTransfer',
        'InitiateTransfer',
        'AttachUserData',
        'DeleteUserDataPair',
        'SingleStepConference',
        'DeleteUserData',
        'Hangup',
        'CompleteTransfer',
      ]),
    );
    const consult = (await a.nextCall({ state: 'Dialing' })).call;
    expect(consult).toMatchObject({
      callType: 'Consult',
      parentCallUri: orig.uri,
      parentCallPath: `/calls/${orig.id}`,
      userData: { AccountNumber: '12345678', TransferReason: 'billing' },
    });
    expect(consult.id).not.toBe(orig.id);
    expect(numbers(consult)).toEqual(['7002']);
    const bRing = (await b.nextCall({ state: 'Ringing' })).call;
    expect(bRing).toMatchObject({
      callType: 'Consult',
      ani: '7001',
      connId: consult.connId,
      userData: { TransferReason: 'billing' },
    });
    await b.callOp(bRing.id, 'Answer');
    await b.nextCall({ state: 'Established' });
    const consultUp = (await a.nextCall({ state: 'Established', callId: consult.id })).call;
    expect(consultUp.capabilities).toEqual(
      expect.arrayContaining(['CompleteTransfer', 'CompleteConference', 'SwapCalls', 'Hold']),
    );
    const mark = a.received.length;
    expect((await a.callOp(consult.id, 'CompleteTransfer')).body.statusCode).toBe(0);
    await a.nextCall({ state: 'Released', callId: consult.id });
    expect(callStates(a, mark).filter((x) => x.startsWith('StatusChange:Released'))).toEqual([
      `StatusChange:Released:${orig.id}`,
      `StatusChange:Released:${consult.id}`,
    ]);
    const moved = (await b.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(moved).toMatchObject({ id: bRing.id, state: 'Established' });
    expect(numbers(moved)).toEqual([CUSTOMER]);
    expect((await a.get('/api/v2/me/calls')).body.uris).toEqual([]);
    await s.control.remote(bRing.id, 'hangup');
    expect((await b.nextCall({ state: 'Released' })).call.id).toBe(bRing.id);
  });

  it('completing on the held original while the destination still rings (mute transfer)', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    const orig = await customerCall(a);
    await a.callOp(orig.id, 'InitiateTransfer', { destination: { phoneNumber: '7002' } });
    const bRing = (await b.nextCall({ state: 'Ringing' })).call;
    expect((await a.callOp(orig.id, 'CompleteTransfer')).body.statusCode).toBe(0);
    await waitFor(async () => (await a.get('/api/v2/me/calls')).body.uris.length === 0, {
      message: 'agent1 calls gone',
    });
    const update = (await b.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(update.state).toBe('Ringing');
    expect(numbers(update)).toEqual([CUSTOMER]);
    expect((await b.callOp(bRing.id, 'Answer')).body.statusCode).toBe(0);
    const est = (await b.nextCall({ state: 'Established', callId: bRing.id })).call;
    expect(numbers(est)).toEqual([CUSTOMER]);
  });

  it('a call between agents transferred to a third agent updates both remaining parties', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    const c = await ready('agent3');
    await b.dial('7001');
    const bCall = (await b.nextCall({ state: 'Dialing' })).call;
    const aCall = await answer(a);
    await a.callOp(aCall.id, 'InitiateTransfer', { destination: { phoneNumber: '7003' } });
    const consult = (await a.nextCall({ state: 'Dialing' })).call;
    await answer(c);
    await a.nextCall({ state: 'Established', callId: consult.id });
    expect(
      (await a.callOp(aCall.id, 'CompleteTransfer', { consultCallUri: consult.uri })).body
        .statusCode,
    ).toBe(0);
    // agent2 joins the consultation's T-Server call: its old call id ends, the call goes on
    // under the consult's ids, which agent3 has had all along.
    expect((await b.nextCall({ state: 'Released', callId: bCall.id })).call.id).toBe(bCall.id);
    const merged = (
      await b.nextCall({ notificationType: 'ParticipantsUpdated', callId: consult.id })
    ).call;
    expect(numbers(merged)).toEqual(['7003']);
    expect(merged).toMatchObject({ connId: consult.connId, callUuid: consult.callUuid });
    expect(numbers((await c.nextCall({ notificationType: 'ParticipantsUpdated' })).call)).toEqual([
      '7002',
    ]);
    const ids = async (user: string) =>
      (await s.control.agent(user)).calls.map((x) => `${x.connId}/${x.callUuid}`);
    expect(await ids('agent2')).toEqual(await ids('agent3'));
  });

  it('hanging up an unanswered consult returns the original to a plain held call', async () => {
    const a = await ready('agent1');
    await s.control.remoteParty('+15557770000', { behaviour: 'no-answer' });
    const orig = await customerCall(a);
    await a.callOp(orig.id, 'InitiateTransfer', { destination: { phoneNumber: '+15557770000' } });
    await a.nextCall({ state: 'Held' });
    const consult = (await a.nextCall({ state: 'Dialing' })).call;
    expect(
      (await a.callOp(orig.id, 'InitiateTransfer', { destination: { phoneNumber: '7003' } })).body
        .statusCode,
    ).toBe(2);
    expect((await a.callOp(consult.id, 'CompleteConference')).body.statusCode).toBe(2);
    await a.callOp(consult.id, 'Hangup');
    await a.nextCall({ state: 'Released', callId: consult.id });
    const back = (await a.nextCall({ state: 'Held', callId: orig.id })).call;
    expect(back.capabilities).toContain('Retrieve');
    expect(back.capabilities).not.toContain('CompleteTransfer');
    expect((await a.callOp(orig.id, 'Retrieve')).body.statusCode).toBe(0);
    await a.nextCall({ state: 'Established', callId: orig.id });
  });
});

describe('conference', () => {
  it('InitiateConference + CompleteConference joins everybody; the owner removes a participant', async () => {
    const a = await ready('agent1');
    const c = await ready('agent3');
    const orig = await customerCall(a);
    await a.callOp(orig.id, 'InitiateConference', { destination: { phoneNumber: '7003' } });
    const held = (await a.nextCall({ state: 'Held' })).call;
    expect(held.capabilities).toEqual(
      expect.arrayContaining(['Retrieve', 'InitiateConference', 'Hangup']),
    );
    const consult = (await a.nextCall({ state: 'Dialing' })).call;
    expect(consult.callType).toBe('Consult');
    const cCall = await answer(c);
    await a.nextCall({ state: 'Established', callId: consult.id });
    const mark = a.received.length;
    expect((await a.callOp(consult.id, 'CompleteConference')).body.statusCode).toBe(0);
    const released = await a.nextCall({ state: 'Released' });
    expect(released.call).toMatchObject({
      id: consult.id,
      callType: 'Consult',
      parentCallUri: orig.uri,
    });
    const conf = (await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(conf).toMatchObject({ id: orig.id, state: 'Established' });
    expect(numbers(conf)).toEqual(sorted([CUSTOMER, '7003']));
    expect(conf.capabilities).toContain('RemoveParticipantFromConference');
    expect(callStates(a, mark)).toEqual([
      `StatusChange:Released:${consult.id}`,
      `ParticipantsUpdated:Established:${orig.id}`,
    ]);
    // agent3 is now on the same T-Server call: its call ends under the consult's id and goes
    // on under the conference's id, connId and callUuid.
    const cView = (await c.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(cView).toMatchObject({ id: orig.id, connId: orig.connId, callUuid: orig.callUuid });
    expect(numbers(cView)).toEqual(sorted([CUSTOMER, '7001']));
    expect(callStates(c, 0).slice(-3)).toEqual([
      `StatusChange:Released:${cCall.id}`,
      `StatusChange:Established:${orig.id}`,
      `ParticipantsUpdated:Established:${orig.id}`,
    ]);
    const ids = async (user: string) =>
      (await s.control.agent(user)).calls.map((x) => `${x.connId}/${x.callUuid}`);
    expect(await ids('agent3')).toEqual(await ids('agent1'));

    expect((await a.callOp(orig.id, 'RemoveParticipantFromConference', {})).body.statusCode).toBe(
      1,
    );
    expect(
      (await a.callOp(orig.id, 'RemoveParticipantFromConference', { participant: '9999' })).body
        .statusCode,
    ).toBe(6);
    expect(
      (await c.callOp(orig.id, 'RemoveParticipantFromConference', { participant: '7001' })).body
        .statusCode,
    ).toBe(2);
    expect(
      (await a.callOp(orig.id, 'RemoveParticipantFromConference', { participant: '7003' })).body
        .statusCode,
    ).toBe(0);
    await c.nextCall({ state: 'Released', callId: orig.id });
    const after = (await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(numbers(after)).toEqual([CUSTOMER]);
    expect(after.capabilities).not.toContain('RemoveParticipantFromConference');
  });

  it('SingleStepConference adds an external party in one step', async () => {
    const a = await ready('agent1');
    const orig = await customerCall(a);
    expect(
      (
        await a.callOp(orig.id, 'SingleStepConference', {
          destination: { phoneNumber: '+33 1 42 68 53 00' },
        })
      ).body.statusCode,
    ).toBe(0);
    const conf = (await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(numbers(conf)).toEqual(sorted([CUSTOMER, '+33142685300']));
    expect(conf.participants.find((p: Wire) => p.phoneNumber === '+33142685300').country.code).toBe(
      'FR',
    );
    expect(conf.capabilities).toContain('RemoveParticipantFromConference');
  });
});

describe('single-step transfer', () => {
  it('releases the call here and rings the destination with the customer and the data', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    const orig = await customerCall(a);
    expect(
      (await a.callOp(orig.id, 'SingleStepTransfer', { destination: {} })).body.statusCode,
    ).toBe(1);
    expect(
      (
        await a.callOp(orig.id, 'SingleStepTransfer', {
          destination: { phoneNumber: '7002' },
          userData: { Note: 'VIP' },
        })
      ).body.statusCode,
    ).toBe(0);
    expect((await a.nextCall({ state: 'Released' })).call.id).toBe(orig.id);
    const ring = (await b.nextCall({ state: 'Ringing' })).call;
    expect(ring).toMatchObject({
      callType: 'Inbound',
      ani: CUSTOMER,
      userData: { AccountNumber: '12345678', Note: 'VIP' },
    });
    expect(numbers(ring)).toEqual([CUSTOMER]);
    await b.callOp(ring.id, 'Answer');
    await b.nextCall({ state: 'Established' });
    await s.control.remote(ring.id, 'hangup');
    await b.nextCall({ state: 'Released' });
  });

  it('a busy destination answers an ErrorMessage and leaves the call as it was', async () => {
    const a = await ready('agent1');
    await s.control.remoteParty('+15550009999', { behaviour: 'busy' });
    const orig = await customerCall(a);
    expect(
      (
        await a.callOp(orig.id, 'SingleStepTransfer', {
          destination: { phoneNumber: '+15550009999' },
        })
      ).body.statusCode,
    ).toBe(0);
    expect((await a.nextMessage((m) => m.data.messageType === 'ErrorMessage')).data.errorCode).toBe(
      'DestinationBusy',
    );
    expect((await a.get(`/api/v2/me/calls/${orig.id}`)).body.call.state).toBe('Established');
  });
});

describe('SwapCalls', () => {
  it('holds the active call and retrieves the held one, in that order', async () => {
    const a = await ready('agent1');
    const first = await customerCall(a);
    await a.dial('+15551112222');
    expect((await a.nextCall({ state: 'Held' })).call.id).toBe(first.id);
    const second = (await a.nextCall({ state: 'Established' })).call;
    const mark = a.received.length;
    expect((await a.callOp(second.id, 'SwapCalls', {})).body.statusCode).toBe(1);
    expect(
      (
        await a.callOp(second.id, 'SwapCalls', {
          otherCallUri: `${s.baseUrl}/api/v2/me/calls/NOPE`,
        })
      ).body.statusCode,
    ).toBe(6);
    expect(
      (await a.callOp(second.id, 'SwapCalls', { otherCallUri: first.uri })).body.statusCode,
    ).toBe(0);
    await a.nextCall({ state: 'Established', callId: first.id });
    expect(callStates(a, mark)).toEqual([
      `StatusChange:Held:${second.id}`,
      `StatusChange:Established:${first.id}`,
    ]);
  });
});
