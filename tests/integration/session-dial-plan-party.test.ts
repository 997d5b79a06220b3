import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  hangUpAll,
  type AgentHarness,
} from '../support/session-harness.ts';
import { callNumbers, otherParty, partyCallOf, type CallsState } from '../../lib/calls/index.ts';
import { applyDialPlan } from '../../lib/dial-plan/apply.ts';
import { blankRule, type DialRule } from '../../lib/dial-plan/types.ts';
import {
  checkPageOperation,
  isOnLiveCall,
  pageLookup,
} from '../../lib/background/page-live-calls.ts';
import { historyEntryFrom } from '../../lib/history/history-entry.ts';

/** An outside line: national numbers are dialled as 9 + the national number. */
const OUTSIDE: DialRule = {
  ...blankRule('Outside line'),
  classes: ['national'],
  format: 'national',
  prefix: '9',
};

// The background's session in Node against the simulator with a dial-plan rule in force: the
// switch reports the digits it was asked to dial (`92125550176`) as the other party, and the
// CRM card showing `+1 212 555 0176`, the page's own checks and the history must still know
// the call as the agent's call to that number.
describe('a dial-plan rewrite and the other party the switch reports', () => {
  let sim: StartedSim;
  let alice: AgentHarness;

  beforeAll(async () => {
    // The far end does not answer during the test: the call stays Dialing until hung up.
    sim = await startSim({ remoteAnswerDelayMs: 60_000 });
    alice = agentSession(sim.baseUrl, {
      dialPlan: async () => (number) => applyDialPlan([OUTSIDE], number, 'US'),
    });
    await alice.session.login(credentials(sim.baseUrl, 'agent1'));
    await alice.until((s) => s.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await alice?.close();
    await sim?.close();
  });

  const dialled = (s: CallsState) => s.calls.find((r) => r.call.state === 'Dialing');

  it('a CRM card, a page control and the history find the call by the number as dialled', async () => {
    await alice.session.operate({ kind: 'dial', phoneNumber: '+12125550176' });
    const state = await alice.until((s) => dialled(s) !== undefined, 'the dialled call');
    const record = dialled(state)!;
    const callId = record.call.id;
    // What the switch says: the rewritten digits, which the plain comparison cannot match.
    const sent = (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial');
    expect(sent?.body).toMatchObject({ destination: { phoneNumber: '92125550176' } });
    expect(callNumbers(record.call)).toContain('92125550176');
    expect(callNumbers(record.call).some((n) => n.replace(/\D/g, '') === '12125550176')).toBe(
      false,
    );

    // Every view's party (popup card, announcements, page cards) is the number asked for.
    expect(otherParty(partyCallOf(record))).toMatchObject({
      number: '+12125550176',
      role: 'called',
    });

    // The card of the number the agent clicked, in the forms a CRM writes it.
    for (const shown of ['+12125550176', '(212) 555-0176', '212.555.0176']) {
      expect(
        pageLookup(state, shown).calls.map((c) => c.callId),
        shown,
      ).toEqual([callId]);
      expect(isOnLiveCall(state, shown), shown).toBe(true);
    }
    expect(checkPageOperation(state, callId, 'Hangup', '+12125550176')).toEqual({
      operation: 'Hangup',
      params: {},
    });
    // Another number is still another party.
    expect(pageLookup(state, '+12125550177').calls).toEqual([]);
    expect(isOnLiveCall(state, '+12125550177')).toBe(false);

    // Hung up, the history entry names the number as the agent dialled it.
    await alice.session.operate({ kind: 'call', callId, request: { operation: 'Hangup' } });
    const after = await alice.until((s) => s.calls.length === 0, 'hung up');
    const ended = after.ended.find((r) => r.call.id === callId)!;
    const entry = historyEntryFrom(ended, { keys: [], dispositionKey: 'Disposition' });
    expect(entry.number).toBe('+12125550176');
  });

  it('a dial the plan leaves alone carries no rewrite', async () => {
    await alice.session.operate({ kind: 'dial', phoneNumber: '7002' });
    const state = await alice.until(
      (s) => s.calls.some((r) => callNumbers(r.call).includes('7002')),
      'the internal call',
    );
    const record = state.calls.find((r) => callNumbers(r.call).includes('7002'))!;
    expect(record.dialRewrite).toBeUndefined();
    await hangUpAll(alice);
  });

  it('a consultation to a rewritten number is known by the number asked for', async () => {
    const { callId: mainId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await alice.until((s) => s.calls.some((r) => r.call.id === mainId), 'the inbound call rings');
    await alice.session.operate({ kind: 'call', callId: mainId, request: { operation: 'Answer' } });
    await alice.until(
      (s) => s.calls.some((r) => r.call.id === mainId && r.call.state === 'Established'),
      'answered',
    );
    await alice.session.operate({
      kind: 'call',
      callId: mainId,
      request: { operation: 'InitiateTransfer', params: { destination: '+12125550177' } },
    });
    const state = await alice.until(
      (s) => s.calls.some((r) => r.parentId === mainId) && s.intents.length === 0,
      'the consult call, with the transfer settled',
    );
    const sent = (await sim.control.requests('agent1')).find(
      (r) => r.operationName === 'InitiateTransfer',
    );
    expect(sent?.body).toMatchObject({ destination: { phoneNumber: '92125550177' } });
    const consult = state.calls.find((r) => r.parentId === mainId)!;
    expect(callNumbers(consult.call)).toContain('92125550177');
    expect(consult.dialRewrite).toEqual({ asked: '+12125550177', dialled: '92125550177' });
    expect(otherParty(partyCallOf(consult))).toMatchObject({
      number: '+12125550177',
      role: 'consult',
    });
    // The held original keeps its own party, the customer.
    const main = state.calls.find((r) => r.call.id === mainId)!;
    expect(main.dialRewrite).toBeUndefined();
    expect(otherParty(partyCallOf(main)).number).toBe('+14155550132');
    // The page card of the number asked for finds the consult call.
    expect(pageLookup(state, '(212) 555-0177').calls.map((c) => c.callId)).toEqual([
      consult.call.id,
    ]);

    await hangUpAll(alice);
  });
});
