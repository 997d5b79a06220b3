import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  untilStoreMatchesTruth,
  type AgentHarness,
} from '../support/session-harness.ts';
import { GwsUnavailableError } from '../../lib/gws/errors.ts';

// Every simulator fault against the background session: afterwards the store equals the
// simulator's truth (nothing lost, nothing ghosted) and what the agent was shown was honest.
describe('background session under faults', () => {
  let sim: StartedSim;
  let agent: AgentHarness;

  const inboundCall = async (answer: boolean) => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await agent.until((s) => s.calls.some((r) => r.call.id === callId), 'call rings');
    if (answer) {
      await agent.session.operate({ kind: 'call', callId, request: { operation: 'Answer' } });
      await agent.until(
        (s) => s.calls.find((r) => r.call.id === callId)?.call.state === 'Established',
        'answered',
      );
    }
    return callId;
  };
  const shownSince = (mark: number) => agent.shown.slice(mark);

  beforeAll(async () => {
    sim = await startSim();
    agent = agentSession(sim.baseUrl);
    await agent.session.login(credentials(sim.baseUrl, 'agent1'));
    await agent.until((s) => s.connection.kind === 'connected', 'connected');
  });
  afterEach(async () => {
    for (const call of (await sim.control.agent('agent1')).calls) {
      await sim.control.remote(String(call.id), 'hangup').catch(() => undefined);
    }
    await untilStoreMatchesTruth(agent, sim.control, 'agent1');
  });
  afterAll(async () => {
    await agent?.close();
    await sim?.close();
  });

  it('402 unknown client: re-handshakes, recovers, and catches a hang-up made meanwhile', async () => {
    const callId = await inboundCall(true);
    const mark = agent.shown.length;
    await sim.control.dropClients();
    await sim.control.remote(callId, 'hangup');
    await untilStoreMatchesTruth(agent, sim.control, 'agent1');
    expect(agent.calls().calls).toEqual([]);
    expect(shownSince(mark)).toContain('reconnecting');
    expect(shownSince(mark).at(-1)).toBe('connected');
  });

  it('server restart mid-call: logs in again, keeps the call, alerts a call that rang meanwhile once', async () => {
    const first = await inboundCall(true);
    const mark = agent.shown.length;
    const alertsBefore = agent.alerts.length;
    await sim.control.restart();
    // Rings while the session is still re-establishing: only recovery can find it.
    const { callId: second } = await sim.control.call({ to: 'agent1', from: '+33142685300' });
    await untilStoreMatchesTruth(agent, sim.control, 'agent1', 10_000);
    expect(
      agent
        .calls()
        .calls.map((r) => r.call.id)
        .sort(),
    ).toEqual([first, second].sort());
    expect(agent.alerts.slice(alertsBefore).map((a) => a.callId)).toEqual([second]);
    expect(shownSince(mark)).toContain('reconnecting');
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(true);
  });

  it('HTTP session expiry: the next operation logs in again and succeeds', async () => {
    const callId = await inboundCall(true);
    await sim.control.expireSessions('agent1');
    await agent.session.operate({ kind: 'call', callId, request: { operation: 'Hold' } });
    await untilStoreMatchesTruth(agent, sim.control, 'agent1', 8_000);
    expect(agent.calls().calls[0]?.call.state).toBe('Held');
  });

  it('voice service down (503): a clear error, the spinner cleared, nothing changed', async () => {
    const callId = await inboundCall(true);
    await sim.control.voiceDown(true);
    try {
      const attempt = agent.session.operate({
        kind: 'call',
        callId,
        request: { operation: 'Hold' },
      });
      await expect(attempt).rejects.toBeInstanceOf(GwsUnavailableError);
      await expect(attempt).rejects.toMatchObject({ statusCode: 4 });
      expect(agent.calls().intents).toEqual([]);
      expect(agent.calls().calls[0]?.call.state).toBe('Established');
    } finally {
      await sim.control.voiceDown(false);
    }
  });

  it('stalled long poll: detected, shown as reconnecting, and events held back arrive', async () => {
    const callId = await inboundCall(true);
    const mark = agent.shown.length;
    await sim.control.stall(true);
    await sim.control.remote(callId, 'hangup');
    await waitFor(() => shownSince(mark).includes('reconnecting'), {
      timeoutMs: 10_000,
      message: 'the stall to be shown',
    });
    await sim.control.stall(false);
    await untilStoreMatchesTruth(agent, sim.control, 'agent1', 10_000);
    expect(agent.calls().calls).toEqual([]);
  });

  it('duplicate and reordered notifications: the store still ends equal to the truth', async () => {
    await sim.control.duplicate(true);
    await sim.control.reorder(true);
    try {
      const alertsBefore = agent.alerts.length;
      const callId = await inboundCall(false);
      await agent.session.operate({ kind: 'call', callId, request: { operation: 'Answer' } });
      await agent.session
        .operate({ kind: 'call', callId, request: { operation: 'Hold' } })
        .catch(() => undefined);
      await sim.control.remote(callId, 'hangup');
      await untilStoreMatchesTruth(agent, sim.control, 'agent1');
      expect(agent.alerts.length - alertsBefore).toBe(1);
    } finally {
      await sim.control.duplicate(false);
      await sim.control.reorder(false);
    }
  });

  it('a notification for an unknown call is checked against the server and not kept', async () => {
    const known = await inboundCall(true);
    const truthCall = (await sim.control.agent('agent1')).calls[0]!;
    await sim.control.publish('agent1', '/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '7001',
      call: { ...truthCall, id: 'GHOST000000000000000000000000001', state: 'Established' },
    });
    await untilStoreMatchesTruth(agent, sim.control, 'agent1');
    expect(agent.calls().calls.map((r) => r.call.id)).toEqual([known]);
  });

  it('malformed notifications are set aside for diagnostics; a malformed frame forces a recovery', async () => {
    const callId = await inboundCall(true);
    await sim.control.publish('agent1', '/v2/me/calls', 'not even an object');
    await sim.control.publish('agent1', '/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      call: 42,
    });
    await waitFor(() => agent.session.diagnostics.dump().entries.error.length >= 2, {
      message: 'diagnostics to record both',
    });
    await sim.control.rawFrame('agent1', '[{"channel":"/v2/me/calls","data":{"messageType":');
    await sim.control.remote(callId, 'hangup');
    await untilStoreMatchesTruth(agent, sim.control, 'agent1');
    expect(agent.calls().calls).toEqual([]);
    expect(agent.session.diagnostics.dump().entries.error.map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('unrecognised')]),
    );
  });
});
