/**
 * Operations on an established call and their notifications (gws-api.md §4.4, §4.6–4.8, §8):
 * hold/retrieve, hangup, DTMF, attached data, recording, and the call id format.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, type SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];
const sorted = (a: string[]) => [...a].sort();

beforeAll(async () => {
  s = await startSim();
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

async function inbound(a: SimAgent): Promise<Wire> {
  const { callId } = await s.control.call({
    to: a.userName,
    from: '+4930901820',
    userData: { AccountNumber: '12345678' },
  });
  return (await a.nextCall({ state: 'Ringing', callId })).call;
}

async function established(a: SimAgent): Promise<Wire> {
  const call = await inbound(a);
  expect((await a.callOp(call.id, 'Answer')).body).toEqual({ statusCode: 0 });
  return (await a.nextCall({ state: 'Established', callId: call.id })).call;
}

describe('call control', () => {
  it('Hold and Retrieve switch state and capabilities', async () => {
    const a = await ready('agent1');
    const c = await established(a);
    expect((await a.callOp(c.id, 'Hold')).body.statusCode).toBe(0);
    const held = (await a.nextCall({ state: 'Held' })).call;
    expect(held.capabilities).toContain('Retrieve');
    expect(held.capabilities).not.toContain('Hold');
    expect(held.capabilities).not.toContain('SendDtmf');
    expect((await a.callOp(c.id, 'Hold')).body.statusCode).toBe(2);
    expect((await a.callOp(c.id, 'Retrieve')).body.statusCode).toBe(0);
    expect((await a.nextCall({ state: 'Established' })).call.capabilities).toContain('Hold');
  });

  it('Hangup releases the call, which then disappears', async () => {
    const a = await ready('agent1');
    const c = await established(a);
    expect((await a.callOp(c.id, 'Hangup')).body.statusCode).toBe(0);
    const rel = (await a.nextCall({ state: 'Released' })).call;
    expect(rel.capabilities).toEqual([]);
    expect(rel.participants).toHaveLength(1);
    expect(rel.userData).toEqual({ AccountNumber: '12345678' });
    expect((await a.get(`/api/v2/me/calls/${c.id}`)).body.statusCode).toBe(6);
    expect((await a.callOp(c.id, 'Hangup')).body.statusCode).toBe(6);
  });

  it('SendDtmf answers DtmfSent; invalid digits are refused', async () => {
    const a = await ready('agent1');
    const c = await established(a);
    expect((await a.callOp(c.id, 'SendDtmf', { digits: '12#' })).body.statusCode).toBe(0);
    const m = await a.nextCall({ notificationType: 'DtmfSent' });
    expect(m.call.id).toBe(c.id);
    expect(m.call.state).toBe('Established');
    expect((await a.callOp(c.id, 'SendDtmf', {})).body.statusCode).toBe(1);
    expect((await a.callOp(c.id, 'SendDtmf', { digits: '12a' })).body.statusCode).toBe(10);
  });

  it('attached data: Attach keeps the first value of a repeated key, Update replaces, DeletePair and Delete remove', async () => {
    const a = await ready('agent1');
    const c = await established(a);
    const step = async (op: string, params: Record<string, unknown> = {}) => {
      expect((await a.callOp(c.id, op, params)).body.statusCode).toBe(0);
      return (await a.nextCall({ notificationType: 'AttachedDataChanged' })).call;
    };
    expect(
      (await step('AttachUserData', { userData: { CustomerName: 'James', AccountNumber: '999' } }))
        .userData,
    ).toEqual({ AccountNumber: '12345678', CustomerName: 'James' });
    expect((await step('UpdateUserData', { userData: { AccountNumber: '999' } })).userData).toEqual(
      { AccountNumber: '999', CustomerName: 'James' },
    );
    expect((await step('DeleteUserDataPair', { key: 'CustomerName' })).userData).toEqual({
      AccountNumber: '999',
    });
    expect(await step('DeleteUserData')).not.toHaveProperty('userData');
    expect((await a.callOp(c.id, 'AttachUserData', {})).body.statusCode).toBe(1);
    expect((await a.callOp(c.id, 'UpdateUserData', { userData: [1] })).body.statusCode).toBe(1);
    expect((await a.callOp(c.id, 'DeleteUserDataPair', {})).body.statusCode).toBe(1);
  });

  it('offers no recording where it is not configured', async () => {
    const c3 = await ready('agent3');
    const call = await established(c3);
    expect(call).not.toHaveProperty('recordingState');
    expect(call.capabilities.filter((x: string) => x.includes('Recording'))).toEqual([]);
    expect((await c3.callOp(call.id, 'StartCallRecording')).body.statusCode).toBe(2);
  });

  it('recording moves through Recording, Paused and Stopped with matching capabilities', async () => {
    const a = await ready('agent1');
    const c = await established(a);
    // agent1's DN has recording configured: its calls say so from the start.
    expect(c.recordingState).toBe('Stopped');
    expect((await a.callOp(c.id, 'PauseCallRecording')).body.statusCode).toBe(2);
    const expectations: Array<[string, string, string[], string]> = [
      ['StartCallRecording', 'Recording', ['PauseCallRecording', 'StopCallRecording'], 'ON'],
      ['PauseCallRecording', 'Paused', ['ResumeCallRecording', 'StopCallRecording'], 'PAUSED'],
      ['ResumeCallRecording', 'Recording', ['PauseCallRecording', 'StopCallRecording'], 'ON'],
      ['StopCallRecording', 'Stopped', ['StartCallRecording'], 'OFF'],
    ];
    for (const [op, state, caps, flag] of expectations) {
      expect((await a.callOp(c.id, op)).body.statusCode).toBe(0);
      const m = await a.nextCall({ notificationType: 'CallRecordingStateChange' });
      expect(m.call.recordingState).toBe(state);
      expect(m.call.userData.GSIP_RECORD).toBe(flag);
      const rec = m.call.capabilities.filter((x: string) => x.includes('Recording'));
      expect(sorted(rec)).toEqual(sorted(caps));
    }
  });

  it('ids follow the connId format when configured, and the call is addressed by it', async () => {
    await s.control.config({ callIdFormat: 'connId' });
    const a = await ready('agent1');
    const ring = await inbound(a);
    expect(ring.id).toBe(ring.connId);
    expect(ring.id).toMatch(/^[0-9a-f]{16}$/);
    expect((await a.callOp(ring.id, 'Answer')).body.statusCode).toBe(0);
    expect((await a.nextCall({ state: 'Established' })).call.uri).toBe(
      `${s.baseUrl}/api/v2/me/calls/${ring.connId}`,
    );
  });
});
