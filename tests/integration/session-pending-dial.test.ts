import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  hangUpAll,
  type AgentHarness,
} from '../support/session-harness.ts';
import { callNumbers, sameNumber, type CallsState } from '../../lib/calls/index.ts';

const ASKED = '+14155550199';

// A Dial's spinner lasts until the call it placed appears (design.md §1). Here the simulator
// holds the Dial's answer (and so its Dialing notification) while the agent starts a two-step
// transfer on another call, whose consult call appears first: the agent must still see the
// Dial as pending, and it settles on its own call.
describe('a pending Dial and a consult call that appears before the Dial’s call', () => {
  let sim: StartedSim;
  let alice: AgentHarness;

  beforeAll(async () => {
    // Nobody answers during the test: dialled and consult calls stay Dialing.
    sim = await startSim({ remoteAnswerDelayMs: 60_000 });
    alice = agentSession(sim.baseUrl);
    await alice.session.login(credentials(sim.baseUrl, 'agent1'));
    await alice.until((s) => s.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await alice?.close();
    await sim?.close();
  });

  const pendingDial = (s: CallsState) => s.intents.find((i) => i.operation === 'Dial');
  const dialledCall = (s: CallsState) =>
    s.calls.find((r) => callNumbers(r.call).some((n) => sameNumber(n, ASKED)));

  it('keeps the Dial pending until its own call appears', async () => {
    const { callId: mainId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await alice.until((s) => s.calls.some((r) => r.call.id === mainId), 'the inbound call rings');
    await alice.session.operate({ kind: 'call', callId: mainId, request: { operation: 'Answer' } });
    await alice.until(
      (s) => s.calls.some((r) => r.call.id === mainId && r.call.state === 'Established'),
      'answered',
    );

    // The Dial goes out on the device path, whose answer and notifications the simulator holds.
    await sim.control.delay(1_500, '/api/v2/me/devices');
    const dialling = alice.session.operate({ kind: 'dial', phoneNumber: ASKED });
    // Awaited below; a failure before then must fail the test, not escape it unhandled.
    dialling.catch(() => undefined);
    await alice.until((s) => pendingDial(s) !== undefined, 'the Dial is pending');

    await alice.session.operate({
      kind: 'call',
      callId: mainId,
      request: { operation: 'InitiateTransfer', params: { destination: '+13125550177' } },
    });
    const consulting = await alice.until(
      (s) => s.calls.some((r) => r.parentId === mainId),
      'the consult call',
    );
    expect(dialledCall(consulting)).toBeUndefined();
    // The consult call is the transfer's, not the Dial's: the Dial is still in flight.
    expect(pendingDial(consulting)).toBeDefined();

    await dialling;
    await sim.control.delay(0);
    const placed = await alice.until((s) => dialledCall(s) !== undefined, 'the dialled call');
    expect(pendingDial(placed)).toBeUndefined();

    await hangUpAll(alice);
  });
});
