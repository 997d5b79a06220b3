import { isMonitoringCall, type CallsState } from '../calls/index.ts';
import type { NumberForms, PopCall } from './types.ts';

/** Text of the incoming-call notification. Plain text only: notifications never render HTML. */
export interface CallAlertText {
  title: string;
  message: string;
  contextMessage?: string;
}

/** Longer attached-data values are cut: a notification is a glance, not a record. */
const MAX_VALUE_CHARS = 80;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS - 1)}…` : oneLine;
}

/**
 * Who is calling, formatted for a glance: the caller's name when one is known (`name`, from
 * the call's other party), else the international form of the number (the raw ANI when it
 * cannot be read); then the number under a name, where it is from, the number dialled, and
 * one chosen attached-data value. `words` carries the (localised) fixed words.
 */
export function describeIncomingCall(
  call: PopCall,
  ani: NumberForms | undefined,
  userDataKey: string,
  words: { title: (caller: string) => string; to: (dnis: string) => string; unknown: string },
  name?: string,
): CallAlertText {
  const number = (ani?.internal ? call.ani : ani?.international) ?? call.ani;
  const place = [ani?.region, ani?.country?.name]
    .filter((p, i, all): p is string => !!p && all.indexOf(p) === i)
    .join(', ');
  const lines = [name ? (number ?? '') : '', place, call.dnis ? words.to(call.dnis) : ''].filter(
    Boolean,
  );
  const caller = name ?? number ?? words.unknown;
  const text: CallAlertText = { title: words.title(clip(caller)), message: lines.join(' · ') };
  const value = userDataKey ? call.userData[userDataKey] : undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const shown = clip(String(value));
    if (shown) text.contextMessage = `${userDataKey}: ${shown}`;
  }
  return text;
}

export interface BadgeView {
  /** The number of the agent's live calls; with none, the missed calls not seen yet; else empty. */
  text: string;
  /** Red while a call rings, green while calls are up, amber for missed calls. */
  color: string;
  ringing: boolean;
}

export const BADGE_RINGING_COLOR = '#C5221F';
export const BADGE_ACTIVE_COLOR = '#137333';
export const BADGE_MISSED_COLOR = '#B06000';

/**
 * The toolbar badge for the store: the agent's own call count, ringing or active colour. A
 * supervisor's monitoring call is another agent's call and is not counted (the popup's
 * supervision panel shows it). With no call of the agent's own it counts the missed calls the
 * agent has not seen yet (`missed`).
 */
export function badgeFor(state: CallsState, missed = 0): BadgeView {
  const own = state.calls.filter((r) => !isMonitoringCall(r.call));
  const count = own.length;
  const ringing = own.some((r) => r.call.state === 'Ringing');
  if (count === 0 && missed > 0) {
    return { text: String(missed), color: BADGE_MISSED_COLOR, ringing: false };
  }
  return {
    text: count > 0 ? String(count) : '',
    color: ringing ? BADGE_RINGING_COLOR : BADGE_ACTIVE_COLOR,
    ringing,
  };
}

/** Ids of the calls ringing now (their notifications stay; every other one is cleared). */
export function ringingCallIds(state: CallsState): string[] {
  return state.calls.filter((r) => r.call.state === 'Ringing').map((r) => r.call.id);
}
