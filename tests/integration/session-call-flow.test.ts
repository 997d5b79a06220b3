import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  untilStoreMatchesTruth,
  type AgentHarness,
} from '../support/session-harness.ts';
import { selectActiveCalls } from '../../lib/calls/index.ts';
import { createCommandHandlers } from '../../lib/background/command-handlers.ts';

// The background's GwsSession in Node against the simulator over real HTTP + CometD: the
// path an agent's inbound call takes, from login to a completed consult transfer.
describe.each(['objects', 'legacy'] as const)(
  'background session, %s participants: inbound call to consult transfer',
  (participantFormat) => {
    let sim: StartedSim;
    let alice: AgentHarness;
    let bob: AgentHarness;

    beforeAll(async () => {
      sim = await startSim({ participantFormat });
      alice = agentSession(sim.baseUrl);
      bob = agentSession(sim.baseUrl);
    });
    afterAll(async () => {
      await alice?.close();
      await bob?.close();
      await sim?.close();
    });

    it('logs in, starts the contact-center session and shows it honestly', async () => {
      await alice.session.login(credentials(sim.baseUrl, 'agent1'));
      await bob.session.login(credentials(sim.baseUrl, 'agent2'));
      await alice.until((s) => s.connection.kind === 'connected', 'agent1 connected');
      await bob.until((s) => s.connection.kind === 'connected', 'agent2 connected');
      expect(alice.shown).toEqual(['loggedOut', 'connecting', 'connected']);
      const truth = await sim.control.agent('agent1');
      expect(truth.contactCenterSession).toBe(true);
      expect(alice.calls().agent.devices[0]?.device.id).toBe(truth.deviceId);
      expect(alice.calls().agent.agentStates.map((s) => s.operationName)).toContain('Ready');
      const ops = (await sim.control.requests('agent1'))
        .map((r) => r.operationName)
        .filter(Boolean);
      expect(ops).toContain('StartContactCenterSession');
    });

    it('changes agent state through the notification, not the HTTP answer', async () => {
      await alice.session.operate({ kind: 'agent-state', operationName: 'Ready' });
      await alice.until((s) => s.agent.devices[0]?.device.userState?.state === 'Ready', 'Ready');
      await untilStoreMatchesTruth(alice, sim.control, 'agent1');
    });

    it('rings, alerts once, answers, holds, retrieves and transfers to a colleague', async () => {
      const handlers = createCommandHandlers(alice.session);
      const op = (
        callId: string,
        operation: 'Answer' | 'Hold' | 'Retrieve' | 'CompleteTransfer',
        params = {},
      ) => handlers['call.operation']({ callId, operation, params }, {});
      const { callId } = await sim.control.call({
        to: 'agent1',
        from: '+14155550132',
        dnis: '8001',
        userData: { AccountNumber: '12345678' },
      });
      const ringing = await alice.until(
        (s) => s.calls.some((r) => r.call.id === callId && r.call.state === 'Ringing'),
        'ringing',
      );
      expect(alice.alerts.map((a) => a.callId)).toEqual([callId]);
      expect(selectActiveCalls(ringing)[0]?.call.userData).toMatchObject({
        AccountNumber: '12345678',
      });

      await op(callId, 'Answer');
      await alice.until((s) => s.calls[0]?.call.state === 'Established', 'established');
      await op(callId, 'Hold');
      await alice.until((s) => s.calls[0]?.call.state === 'Held', 'held');
      await op(callId, 'Retrieve');
      await alice.until((s) => s.calls[0]?.call.state === 'Established', 'retrieved');

      await handlers['call.operation'](
        { callId, operation: 'InitiateTransfer', params: { destination: '7002' } },
        {},
      );
      const consult = await alice.until(
        (s) => s.calls.some((r) => r.call.callType === 'Consult'),
        'consult call',
      );
      const consultRecord = consult.calls.find((r) => r.call.callType === 'Consult')!;
      expect(consultRecord.parentId).toBe(callId);
      const bobsCall = await bob.until(
        (s) => s.calls.some((r) => r.call.state === 'Ringing'),
        'agent2 rings',
      );
      const bobCallId = bobsCall.calls[0]!.call.id;
      await createCommandHandlers(bob.session)['call.operation'](
        { callId: bobCallId, operation: 'Answer' },
        {},
      );
      await alice.until(
        (s) => s.calls.find((r) => r.call.callType === 'Consult')?.call.state === 'Established',
        'consult answered',
      );
      await op(callId, 'CompleteTransfer');
      await alice.until((s) => s.calls.length === 0, 'both calls released at agent1');
      expect(alice.calls().ended.map((e) => e.call.id)).toEqual(
        expect.arrayContaining([callId, consultRecord.call.id]),
      );
      await untilStoreMatchesTruth(alice, sim.control, 'agent1');
      await untilStoreMatchesTruth(bob, sim.control, 'agent2');
      expect(bob.calls().calls).toHaveLength(1);
      expect(bob.calls().calls[0]?.call.participants.map((p) => p.phoneNumber)).toContain(
        '+14155550132',
      );
      expect(alice.alerts).toHaveLength(1);
    });

    it('refuses an operation the call does not offer, without asking GWS', async () => {
      const { callId } = await sim.control.call({ to: 'agent1', from: '+442079460958' });
      await alice.until((s) => s.calls.some((r) => r.call.id === callId), 'second call rings');
      await sim.control.clearRequests();
      await expect(
        createCommandHandlers(alice.session)['call.operation']({ callId, operation: 'Hold' }, {}),
      ).rejects.toMatchObject({ code: 'not-available' });
      expect(await sim.control.requests('agent1')).toEqual([]);
      await sim.control.remote(callId, 'hangup');
      await alice.until((s) => s.calls.length === 0, 'caller hung up');
    });

    it('logs out: contact-center session ended, HTTP session gone, nothing persisted', async () => {
      await alice.session.logout();
      expect(alice.calls().connection.kind).toBe('loggedOut');
      expect(await alice.persistence.load()).toBeUndefined();
      const truth = await sim.control.agent('agent1');
      expect(truth.contactCenterSession).toBe(false);
    });
  },
);
