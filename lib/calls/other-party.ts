/**
 * Who the agent is talking to on a call: the one answer every view gives (popup call card,
 * CRM card, incoming-call notification, screen-pop variables, page lookups).
 *
 * GWS lists the *other* parties of a call — the agent is never among them (gws-api.md §6.1) —
 * in one of two participant formats, both parsed into `Participant` (§6.2). The ANI says who
 * called and the DNIS what was dialled; after a two-step transfer they no longer say who is on
 * the call: the receiving agent's call stays a Consult call whose ANI is the agent who
 * transferred it, while the party on it is now the customer (§4.5). So the participants decide
 * and the ANI only picks the caller among several of them; ANI and DNIS stand in when GWS
 * lists no participants (`participants` may be `[]`, §6.1).
 */
import type { Call, Participant } from '../gws/types.ts';
import type { CallRecord, DialRewrite } from './store-types.ts';
import { digitsOnly, participantHasNumber, participantNumber, sameNumber } from './numbers.ts';

/** The parts of a call (a live record's, an alert's, a screen-pop call's) the party comes from. */
export interface PartyCall {
  callType: Call['callType'];
  participants?: readonly Participant[];
  ani?: string;
  dnis?: string;
  userData: Readonly<Record<string, unknown>>;
  /** The dial plan rewrote the number the agent dialled (the record's, see `partyCallOf`). */
  dialRewrite?: DialRewrite;
}

/** A call record as the party code reads it: the call, with the number the agent dialled. */
export function partyCallOf(record: Pick<CallRecord, 'call' | 'dialRewrite'>): PartyCall {
  return record.dialRewrite ? { ...record.call, dialRewrite: record.dialRewrite } : record.call;
}

/**
 * - `caller`: the party called the agent (it is the ANI, or the call came in);
 * - `called`: the agent dialled the party;
 * - `consult`: a consultation leg: the party consulted, or the agent consulting this one;
 * - `transferred`: a consultation handed over to this agent: the party is the customer;
 * - `conference`: several other parties; the party is the caller among them, else the first;
 * - `unknown`: GWS names nobody.
 */
export type PartyRole = 'caller' | 'called' | 'consult' | 'transferred' | 'conference' | 'unknown';

export interface OtherParty {
  /** The party's number as GWS sent it; '' when GWS names nobody. */
  number: string;
  digits: string;
  /** The participant entry, with the number forms GWS sent (E.164, formatted, country). */
  participant?: Participant;
  /** A name for the party, when one is known (attached data, else the name resolver). */
  name?: string;
  /** How many other parties the call has besides this one (a conference). */
  others: number;
  role: PartyRole;
}

/** What a name resolver is asked about: the party as the participants and ANI/DNIS say. */
export interface PartyLookup {
  number: string;
  digits: string;
  participant?: Participant;
  role: PartyRole;
}

/** Names a party from somewhere else than the call (a directory of agents and DNs). */
export type PartyNameResolver = (party: PartyLookup) => string | undefined;

export interface PartyNaming {
  /**
   * The attached-data key whose value names the customer (the agent's setting, e.g.
   * `CustomerName`); '' or absent: names never come from attached data.
   */
  nameKey?: string;
  /** Asked when attached data gives no name. */
  resolveName?: PartyNameResolver;
}

/** Longer names are cut: a title is a glance, and attached data is unbounded. */
export const MAX_PARTY_NAME_LENGTH = 80;

/** The attached-data value under `key` as a one-line name, when it is text or a number. */
export function nameFromUserData(
  userData: Readonly<Record<string, unknown>>,
  key: string | undefined,
): string | undefined {
  if (!key || !Object.hasOwn(userData, key)) return undefined;
  const value = userData[key];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return cleanName(String(value));
}

function cleanName(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > MAX_PARTY_NAME_LENGTH
    ? `${line.slice(0, MAX_PARTY_NAME_LENGTH - 1)}…`
    : line;
}

interface Picked {
  participant?: Participant;
  number: string;
  role: PartyRole;
}

/**
 * On a Consult call the participants that are neither the ANI (the agent who consulted) nor
 * the DNIS (the party consulted) joined it from the original call: the customer after a
 * transfer or a conference. Without an ANI nobody can be told apart (the consulting agent's
 * own leg carries none), so no one counts as joined.
 */
function joinedParties(call: PartyCall, participants: readonly Participant[]): Participant[] {
  if (!call.ani) return [];
  return participants.filter(
    (p) => !participantHasNumber(p, call.ani) && !participantHasNumber(p, call.dnis),
  );
}

/**
 * The party of a call the agent dialled through a dial-plan rewrite, when the switch reports
 * the rewritten digits (`92125550176`): the number as the agent asked for it
 * (`+12125550176`), which is the one the agent, the CRM and the name resolver know. The
 * participant entry goes with the switch's digits (its formatted and E.164 forms describe
 * them), so it is left out. A party that is not the number dialled (a transferred-in
 * customer, a conference) is left as GWS names it.
 */
function asAsked(picked: Picked, rewrite: DialRewrite | undefined): Picked {
  if (!rewrite || picked.number === '' || !sameNumber(picked.number, rewrite.dialled)) {
    return picked;
  }
  return { number: rewrite.asked, role: picked.role };
}

/**
 * A participant as the agent knows it: on a call the dial plan rewrote, the entry for the
 * number dialled (`92125550176`) stands for the number asked for (`+12125550176`). GWS's
 * formatted and E.164 forms, country and location describe the switch's digits, so they are
 * left out and the number asked for is described afresh. Any other participant is GWS's own.
 * Operations on the participant (RemoveParticipantFromConference) still take GWS's number.
 */
export function participantAsAsked(p: Participant, rewrite: DialRewrite | undefined): Participant {
  if (!rewrite || !sameNumber(participantNumber(p), rewrite.dialled)) return p;
  return { phoneNumber: rewrite.asked, digits: digitsOnly(rewrite.asked) };
}

function pick(call: PartyCall): Picked {
  const participants = call.participants ?? [];
  const consult = call.callType === 'Consult';
  if (participants.length > 0) {
    const joined = consult ? joinedParties(call, participants) : [];
    const byAni = participants.find((p) => participantHasNumber(p, call.ani));
    const participant = joined[0] ?? byAni ?? (participants[0] as Participant);
    let role: PartyRole;
    if (participants.length > 1) role = 'conference';
    else if (joined.length > 0) role = 'transferred';
    else if (consult) role = 'consult';
    else if (byAni || (call.ani && call.callType !== 'Outbound')) role = 'caller';
    else role = 'called';
    return { participant, number: participantNumber(participant), role };
  }
  // No participants: the ANI for a call that came in, the DNIS for one the agent dialled.
  const fromAni = call.callType === 'Outbound' ? undefined : call.ani;
  const number = fromAni || call.dnis || call.ani || '';
  let role: PartyRole = 'unknown';
  if (number && consult) role = 'consult';
  else if (number) role = number === fromAni ? 'caller' : 'called';
  return { number, role };
}

/**
 * The other party of a call, for any call shape: inbound, outbound, internal, a consultation
 * (the party consulted; the customer stays on the parent call), a transferred consultation
 * (the customer), a conference (the caller, with the count of the others), and both
 * participant formats. The attached-data name (`naming.nameKey`) names the customer, so it is
 * not used on a consultation leg, whose party is an agent or an expert, not the customer. A
 * number the dial plan rewrote is named as the agent dialled it (`call.dialRewrite`).
 */
export function otherParty(call: PartyCall, naming: PartyNaming = {}): OtherParty {
  const picked = asAsked(pick(call), call.dialRewrite);
  const party: OtherParty = {
    number: picked.number,
    digits: digitsOnly(picked.number),
    others: Math.max(0, (call.participants?.length ?? 0) - 1),
    role: picked.role,
  };
  if (picked.participant) party.participant = picked.participant;
  const fromData =
    picked.role === 'consult' ? undefined : nameFromUserData(call.userData, naming.nameKey);
  const resolved =
    fromData ??
    (naming.resolveName && picked.number
      ? cleanName(
          naming.resolveName({
            number: party.number,
            digits: party.digits,
            role: party.role,
            ...(party.participant ? { participant: party.participant } : {}),
          }) ?? '',
        )
      : undefined);
  if (resolved) party.name = resolved;
  return party;
}
