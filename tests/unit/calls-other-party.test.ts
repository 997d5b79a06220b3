import { describe, expect, it } from 'vitest';
import {
  otherParty,
  participantAsAsked,
  partyCallOf,
  MAX_PARTY_NAME_LENGTH,
  type PartyCall,
} from '../../lib/calls/index.ts';
import { parseNotification } from '../../lib/gws/parse.ts';
import type { Call, WireCall } from '../../lib/gws/types.ts';
import { popCallFromRecord } from '../../lib/screen-pop/pop-call.ts';
import { initialCallsState, reduce } from '../../lib/calls/index.ts';
import { callEvent } from '../fixtures/gws/builders.ts';
import { loadFixture } from '../fixtures/gws/load.ts';

const NAMING = { nameKey: 'CustomerName' };
const CUSTOMER = '+14155550132';

/** The call of a captured-style fixture, through the real parser, with `patch` on the wire. */
function fixtureCall(name: string, patch: Partial<WireCall> = {}): Call {
  const message = loadFixture<{ data: { call: WireCall } }>(name);
  message.data.call = { ...message.data.call, ...patch };
  const event = parseNotification(message);
  if (event.kind !== 'call') throw new Error(`${name}: ${event.kind}`);
  return event.call;
}

function builtCall(id: string, state: string, extra: Partial<WireCall>): Call {
  return callEvent(id, state, extra).call;
}

const customerParticipant = {
  e164Number: CUSTOMER,
  formattedPhoneNumber: '(415) 555-0132',
  phoneNumber: CUSTOMER,
  digits: '14155550132',
};
const agentParticipant = (dn: string) => ({
  e164Number: '',
  formattedPhoneNumber: dn,
  phoneNumber: dn,
  digits: dn,
});

describe('otherParty: who the agent is talking to, for every call shape', () => {
  it('inbound: the caller (the ANI), named by the attached-data key when it has a value', () => {
    const call = fixtureCall('call-ringing-inbound', {
      userData: { CustomerName: '  Jane   Doe ', AccountNumber: 12345678 },
    });
    expect(otherParty(call, NAMING)).toMatchObject({
      number: '5125',
      digits: '5125',
      role: 'caller',
      others: 0,
      name: 'Jane Doe',
      participant: { phoneNumber: '5125' },
    });
    // The key is the agent's setting: another key, a number value, or none at all.
    expect(otherParty(call, { nameKey: 'AccountNumber' }).name).toBe('12345678');
    expect(otherParty(call, { nameKey: '' }).name).toBeUndefined();
    expect(otherParty(call).name).toBeUndefined();
    expect(otherParty(call, { nameKey: 'Missing' }).name).toBeUndefined();
  });

  it('outbound: the number dialled', () => {
    const call = fixtureCall('call-dialing-outbound');
    expect(otherParty(call, NAMING)).toMatchObject({
      number: '15002',
      role: 'called',
      others: 0,
    });
  });

  it('consult: the party consulted, never named after the customer of the parent call', () => {
    // The consultation carries a copy of the original call's attached data (gws-api.md §4.5).
    const call = fixtureCall('call-consult-dialing', { userData: { CustomerName: 'Jane Doe' } });
    const party = otherParty(call, NAMING);
    expect(party).toMatchObject({ number: '7002', role: 'consult', others: 0 });
    expect(party.name).toBeUndefined();
    // The agent receiving the consultation sees the agent who consults, by ANI.
    const received = builtCall('C2', 'Ringing', {
      callType: 'Consult',
      ani: '7001',
      dnis: '7002',
      participants: [agentParticipant('7001')],
      userData: { CustomerName: 'Jane Doe' },
    });
    expect(otherParty(received, NAMING)).toMatchObject({ number: '7001', role: 'consult' });
    expect(otherParty(received, NAMING).name).toBeUndefined();
  });

  it('transferred: after the consultation is completed the party is the customer, not the ANI', () => {
    // agent2's call once agent1 completed the transfer: still a Consult call whose ANI is
    // agent1, with the customer as its only other party (the simulator's CompleteTransfer).
    const call = builtCall('C2', 'Established', {
      callType: 'Consult',
      ani: '7001',
      dnis: '7002',
      participants: [customerParticipant],
      userData: { CustomerName: 'Jane Doe' },
    });
    expect(otherParty(call, NAMING)).toMatchObject({
      number: CUSTOMER,
      digits: '14155550132',
      role: 'transferred',
      name: 'Jane Doe',
      others: 0,
    });
  });

  it('conference: the caller among the parties, with the count of the others', () => {
    const call = fixtureCall('call-participants-updated');
    // No ANI: the first party leads.
    expect(otherParty(call)).toMatchObject({ number: '15002', role: 'conference', others: 1 });
    // With the customer's ANI, the customer leads whatever the order.
    const inbound = fixtureCall('call-participants-updated', {
      callType: 'Inbound',
      ani: '+14155550123',
      userData: { CustomerName: 'Jane Doe' },
    });
    expect(otherParty(inbound, NAMING)).toMatchObject({
      number: '+14155550123',
      role: 'conference',
      others: 1,
      name: 'Jane Doe',
    });
    // The agent who joined by consultation: the customer leads, not the agent who consulted.
    const joined = builtCall('C2', 'Established', {
      callType: 'Consult',
      ani: '7001',
      dnis: '7002',
      participants: [agentParticipant('7001'), customerParticipant],
    });
    expect(otherParty(joined)).toMatchObject({ number: CUSTOMER, role: 'conference', others: 1 });
  });

  it('internal: the other agent’s DN, named by the directory hook', () => {
    const call = builtCall('I1', 'Ringing', {
      callType: 'Internal',
      ani: '7001',
      dnis: '7002',
      participants: [agentParticipant('7001')],
    });
    const asked: string[] = [];
    const party = otherParty(call, {
      ...NAMING,
      resolveName: ({ digits, role }) => {
        asked.push(`${digits}:${role}`);
        return digits === '7001' ? 'Anna Kowalski' : undefined;
      },
    });
    expect(party).toMatchObject({ number: '7001', role: 'caller', name: 'Anna Kowalski' });
    expect(asked).toEqual(['7001:caller']);
    // Attached data names first; the directory is asked only without it.
    const named = { ...call, userData: { CustomerName: 'From data' } };
    expect(otherParty(named, { ...NAMING, resolveName: () => 'Directory' }).name).toBe('From data');
  });

  it('legacy participants (strings plus participantsInfo): the ANI party, forms from the info', () => {
    const call = fixtureCall('call-legacy-participants');
    expect(otherParty(call)).toMatchObject({
      number: '5001',
      role: 'conference',
      others: 1,
      participant: { phoneNumber: '5001', formattedPhoneNumber: '5001' },
    });
    const single = fixtureCall('call-legacy-participants', {
      ani: '+442071234567',
      participants: ['+442071234567'],
      participantsInfo: [
        {
          digits: '442071234567',
          e164Number: '+442071234567',
          formattedPhoneNumber: '020 7123 4567',
        },
      ],
    });
    expect(otherParty(single)).toMatchObject({
      number: '+442071234567',
      role: 'caller',
      participant: { formattedPhoneNumber: '020 7123 4567' },
    });
  });

  it('no participants: the ANI of a call that came in, the DNIS of one dialled, else nobody', () => {
    const base: PartyCall = { callType: 'Inbound', participants: [], userData: {} };
    expect(otherParty({ ...base, ani: '5125', dnis: '8012' })).toMatchObject({
      number: '5125',
      role: 'caller',
    });
    expect(
      otherParty({ ...base, callType: 'Outbound', ani: '7001', dnis: '+1 415 555 0132' }),
    ).toMatchObject({ number: '+1 415 555 0132', digits: '14155550132', role: 'called' });
    expect(otherParty(base)).toEqual({ number: '', digits: '', others: 0, role: 'unknown' });
  });

  it('names are one line, bounded, and only text or numbers', () => {
    const call = (value: unknown): PartyCall => ({
      callType: 'Inbound',
      ani: '5125',
      userData: { CustomerName: value },
    });
    const long = otherParty(call('x'.repeat(500)), NAMING).name!;
    expect(long).toHaveLength(MAX_PARTY_NAME_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(otherParty(call('Jane\nDoe'), NAMING).name).toBe('Jane Doe');
    expect(otherParty(call({ first: 'Jane' }), NAMING).name).toBeUndefined();
    expect(otherParty(call('   '), NAMING).name).toBeUndefined();
    expect(
      otherParty({ ...call('x'), userData: { toString: 'x' } }, { nameKey: 'toString' }).name,
    ).toBe('x');
    expect(otherParty(call('x'), { nameKey: 'constructor' }).name).toBeUndefined();
  });
});

describe('the transferred call, end to end through the store', () => {
  it('screen-pop sees the customer as the caller, not the agent who transferred', () => {
    const T0 = 1_764_000_000_000;
    const ringing = callEvent('C2', 'Ringing', {
      callType: 'Consult',
      ani: '7001',
      dnis: '7002',
      participants: [agentParticipant('7001')],
      userData: { CustomerName: 'Jane Doe' },
    });
    const transferred = callEvent(
      'C2',
      'Established',
      {
        callType: 'Consult',
        ani: '7001',
        dnis: '7002',
        participants: [customerParticipant],
        userData: { CustomerName: 'Jane Doe' },
      },
      'ParticipantsUpdated',
    );
    let state = reduce(initialCallsState(T0), { type: 'event', event: ringing }, T0);
    // While the consultation rings, the caller is the agent who consults.
    expect(popCallFromRecord(state.calls[0]!)).toMatchObject({ ani: '7001' });
    state = reduce(state, { type: 'event', event: transferred }, T0 + 1000);
    const pop = popCallFromRecord(state.calls[0]!);
    expect(pop).toMatchObject({ ani: CUSTOMER, participantE164: CUSTOMER });
  });
});

describe('a call dialled through a dial-plan rewrite', () => {
  const T0 = 1_764_000_000_000;
  const ASKED = '+12125550176';
  const DIALLED = '92125550176';
  const switchParticipant = (n: string) => ({
    e164Number: '',
    formattedPhoneNumber: n,
    phoneNumber: n,
    digits: n,
  });
  /** The record the store makes of a rewritten Dial and the call it places. */
  function dialledRecord(extra: Partial<WireCall>) {
    let state = reduce(
      initialCallsState(T0),
      { type: 'intent', id: 'Dial:1', operation: 'Dial', dial: { asked: ASKED, dialled: DIALLED } },
      T0,
    );
    state = reduce(state, { type: 'event', event: callEvent('C1', 'Dialing', extra) }, T0 + 1);
    const record = state.calls[0]!;
    expect(record.dialRewrite).toEqual({ asked: ASKED, dialled: DIALLED });
    return record;
  }

  it('is the number the agent asked for, not the digits the switch dialled', () => {
    const record = dialledRecord({
      callType: 'Outbound',
      dnis: DIALLED,
      participants: [switchParticipant(DIALLED)],
    });
    const seen: string[] = [];
    const party = otherParty(partyCallOf(record), {
      resolveName: ({ number }) => {
        seen.push(number);
        return undefined;
      },
    });
    expect(party).toMatchObject({ number: ASKED, digits: '12125550176', role: 'called' });
    // The participant's forms describe the switch's digits, not the number the agent knows.
    expect(party.participant).toBeUndefined();
    // A directory or CRM name is looked up under the number asked for.
    expect(seen).toEqual([ASKED]);
    // The bare call (what GWS says) still names the switch's digits.
    expect(otherParty(record.call).number).toBe(DIALLED);
  });

  it('also when GWS lists no participants, only the DNIS', () => {
    const record = dialledRecord({ callType: 'Outbound', dnis: DIALLED, participants: [] });
    expect(otherParty(partyCallOf(record))).toMatchObject({ number: ASKED, role: 'called' });
  });

  it('a party that is not the number dialled is left as GWS names it', () => {
    // The rewrite on a call whose party later is someone else (e.g. transferred in): the
    // number asked for must not name that party.
    const call: PartyCall = {
      callType: 'Outbound',
      dnis: DIALLED,
      participants: [customerParticipant],
      userData: {},
      dialRewrite: { asked: ASKED, dialled: DIALLED },
    };
    expect(otherParty(call)).toMatchObject({
      number: CUSTOMER,
      participant: { phoneNumber: CUSTOMER },
    });
    // Nobody named: nothing to rewrite either.
    expect(otherParty({ ...call, participants: [], dnis: '', ani: '' })).toMatchObject({
      number: '',
      role: 'unknown',
    });
  });

  it('the participant line describes the number asked for; other participants stay GWS’s', () => {
    const rewrite = { asked: ASKED, dialled: DIALLED };
    const switchEntry = {
      ...switchParticipant(DIALLED),
      country: { name: 'X', code: 'X', callingCode: '9' },
    };
    expect(participantAsAsked(switchEntry, rewrite)).toEqual({
      phoneNumber: ASKED,
      digits: '12125550176',
    });
    expect(participantAsAsked(customerParticipant, rewrite)).toBe(customerParticipant);
    expect(participantAsAsked(switchEntry, undefined)).toBe(switchEntry);
  });

  it('a call that is not the Dial’s keeps its own party: the store hands it no rewrite', () => {
    let state = reduce(
      initialCallsState(T0),
      { type: 'intent', id: 'Dial:1', operation: 'Dial', dial: { asked: ASKED, dialled: DIALLED } },
      T0,
    );
    const other = callEvent('C2', 'Dialing', {
      callType: 'Internal',
      ani: '',
      dnis: '7002',
      participants: [],
    });
    state = reduce(state, { type: 'event', event: other }, T0 + 1);
    const record = state.calls[0]!;
    expect(record.dialRewrite).toBeUndefined();
    expect(partyCallOf(record)).toBe(record.call);
    expect(otherParty(partyCallOf(record)).number).toBe('7002');
  });
});
