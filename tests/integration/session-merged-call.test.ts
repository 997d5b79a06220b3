import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  untilStoreMatchesTruth,
  type AgentHarness,
} from '../support/session-harness.ts';
import { createCommandHandlers } from '../../lib/background/command-handlers.ts';

// A conference merges the consultation into the customer's call: the consulted agent's call
// goes on under another id (one T-Server call, one connId/callUuid for everybody on it). The
// background's GwsSession in Node against the simulator over real HTTP + CometD.
describe('background session: a call whose id changes under it (conference merge)', () => {
  let sim: StartedSim;
  let alice: AgentHarness;
  let bob: AgentHarness;

  beforeAll(async () => {
    sim = await startSim();
    alice = agentSession(sim.baseUrl);
    bob = agentSession(sim.baseUrl);
    await alice.session.login(credentials(sim.baseUrl, 'agent1'));
    await bob.session.login(credentials(sim.baseUrl, 'agent2'));
    await alice.until((s) => s.connection.kind === 'connected', 'agent1 connected');
    await bob.until((s) => s.connection.kind === 'connected', 'agent2 connected');
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await sim?.close();
  });

  it('shows the consulted agent one live call under the new id, the old one ended, no new alert', async () => {
    const aliceOps = createCommandHandlers(alice.session)['call.operation'];
    const bobOps = createCommandHandlers(bob.session)['call.operation'];
    const { callId } = await sim.control.call({
      to: 'agent1',
      from: '+14155550132',
      userData: { AccountNumber: '12345678' },
    });
    await alice.until((s) => s.calls.some((r) => r.call.id === callId), 'agent1 rings');
    await aliceOps({ callId, operation: 'Answer' }, {});
    await alice.until((s) => s.calls[0]?.call.state === 'Established', 'agent1 established');
    await aliceOps(
      { callId, operation: 'InitiateConference', params: { destination: '7002' } },
      {},
    );
    const ringing = await bob.until(
      (s) => s.calls.some((r) => r.call.state === 'Ringing'),
      'agent2 rings',
    );
    const consultId = ringing.calls[0]!.call.id;
    await bobOps({ callId: consultId, operation: 'Answer' }, {});
    const consult = await alice.until(
      (s) => s.calls.find((r) => r.call.callType === 'Consult')?.call.state === 'Established',
      'consult answered',
    );
    const aliceConsultId = consult.calls.find((r) => r.call.callType === 'Consult')!.call.id;
    await aliceOps({ callId: aliceConsultId, operation: 'CompleteConference' }, {});

    const merged = await bob.until(
      (s) => s.calls.length === 1 && s.calls[0]?.call.id === callId,
      'agent2 on the conference under its id',
    );
    const live = merged.calls[0]!.call;
    expect(live.state).toBe('Established');
    expect(live.participants.map((p) => p.phoneNumber)).toEqual(
      expect.arrayContaining(['+14155550132', '7001']),
    );
    expect(live.userData).toMatchObject({ AccountNumber: '12345678' });
    expect(merged.ended.map((e) => e.call.id)).toContain(consultId);
    expect(merged.calls.map((r) => r.call.id)).not.toContain(consultId);
    // The merge is not a new call for the agent: nothing rings or alerts again.
    expect(bob.alerts.map((a) => a.callId)).toEqual([consultId]);
    await untilStoreMatchesTruth(alice, sim.control, 'agent1');
    await untilStoreMatchesTruth(bob, sim.control, 'agent2');

    // The call under its new id is fully usable: agent2 leaves the conference.
    await bobOps({ callId, operation: 'Hangup' }, {});
    await bob.until((s) => s.calls.length === 0, 'agent2 left');
    await untilStoreMatchesTruth(alice, sim.control, 'agent1');
    expect(alice.calls().calls[0]?.call.participants.map((p) => p.phoneNumber)).toEqual([
      '+14155550132',
    ]);
  });
});
