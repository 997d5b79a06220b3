import type { CallRecord, CallsView } from '../calls/index.ts';
import { selectActiveCalls } from '../calls/index.ts';
import type { Call, Participant } from '../gws/types.ts';
import { t, tOr } from './i18n.ts';
import { describeNumber } from './phone-view.ts';

/** A call and the consult calls started from it, shown together (gws-api.md §4.5). */
export interface CallGroup {
  main: CallRecord;
  consults: CallRecord[];
}

/**
 * Live calls for display, in selectActiveCalls order, except that a consult call follows its
 * parent (when the parent is live) so the pair reads as one unit.
 */
export function groupCalls(state: CallsView): CallGroup[] {
  const ordered = selectActiveCalls(state);
  const live = new Set(ordered.map((r) => r.call.id));
  const groups: CallGroup[] = [];
  for (const record of ordered) {
    if (record.parentId !== undefined && live.has(record.parentId)) continue;
    groups.push({
      main: record,
      consults: ordered.filter((r) => r.parentId === record.call.id),
    });
  }
  return groups;
}

/** The number that stands for a participant (never empty, gws-api.md §6.2). */
export function participantNumber(p: Participant): string {
  return p.phoneNumber || p.digits || p.e164Number || p.formattedPhoneNumber || '';
}

/** Who the call is with, in a few words: first party's formatted number, else ANI. */
export function partyLabel(call: Call): string {
  const first = call.participants[0];
  const raw = first ? participantNumber(first) : (call.ani ?? call.dnis ?? '');
  if (!raw) return t('partyUnknown');
  const others = call.participants.length - 1;
  const shown = describeNumber(raw).display;
  return others > 0 ? t('partyAndOthers', [shown, others]) : shown;
}

export function callStateLabel(state: string): string {
  return tOr(`callState_${state}`, state);
}

export function callTypeLabel(callType: string): string {
  return tOr(`callType_${callType}`, callType);
}

export function recordingLabel(state: string): string {
  return tOr(`recording_${state}`, state);
}
