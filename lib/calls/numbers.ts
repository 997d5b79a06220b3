import type { Call, Participant } from '../gws/types.ts';
import type { CallRecord } from './store-types.ts';

/** The digits of a number as written anywhere ("+1 (415) 555-0123" → "14155550123"). */
export function digitsOnly(value: string | undefined): string {
  return value?.replace(/\D/g, '') ?? '';
}

/**
 * Two numbers are the same party when their digits are equal, or when one ends with the
 * other and the shorter has at least 7 digits (a national number against its E.164 form).
 * Short internal extensions must match exactly.
 */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  const x = digitsOnly(a);
  const y = digitsOnly(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short);
}

/** The number that stands for a participant (never empty after parsing, gws-api.md §6.2). */
export function participantNumber(p: Participant): string {
  return p.phoneNumber || p.digits || p.e164Number || p.formattedPhoneNumber || '';
}

/** True when any of the participant's number forms is `number`. */
export function participantHasNumber(p: Participant, number: string | undefined): boolean {
  return [p.phoneNumber, p.digits, p.e164Number, p.formattedPhoneNumber].some(
    (n) => n !== undefined && sameNumber(n, number),
  );
}

/** Every number a live call involves: participants, ani, dnis. */
export function callNumbers(call: Pick<Call, 'participants' | 'ani' | 'dnis'>): string[] {
  const numbers = call.participants.flatMap((p) =>
    [p.phoneNumber, p.digits, p.e164Number, p.formattedPhoneNumber].filter((n): n is string => !!n),
  );
  if (call.ani) numbers.push(call.ani);
  if (call.dnis) numbers.push(call.dnis);
  return numbers;
}

/**
 * Every number a call record stands for: the call's own, and the number the agent asked to
 * dial when the dial plan rewrote it (the switch reports the rewritten digits as the party,
 * so a CRM card's `+1 212 555 0176` must still find the call to `92125550176`).
 */
export function recordNumbers(record: Pick<CallRecord, 'call' | 'dialRewrite'>): string[] {
  const numbers = callNumbers(record.call);
  if (record.dialRewrite) numbers.push(record.dialRewrite.asked);
  return numbers;
}
