import type { CallRecord, CallsView, OtherParty, PartyCall, PartyNaming } from '../calls/index.ts';
import { otherParty, selectActiveCalls } from '../calls/index.ts';
import { callStateKey, callTypeKey, recordingKey } from '../i18n/keys.ts';
import { t } from '../i18n/messages.ts';
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

/** Who the call is with, in a few words: the party's name, else its number formatted for reading. */
export function partyLabel(call: PartyCall, naming?: PartyNaming): string {
  return partyText(otherParty(call, naming));
}

/** A party in a few words: "Jane Doe", "(415) 555-0132", "(415) 555-0132 and 1 more". */
export function partyText(party: OtherParty): string {
  const shown = party.name ?? (party.number ? describeNumber(party.number).display : '');
  if (!shown) return t('partyUnknown');
  return party.others > 0 ? t('partyAndOthers', [shown, party.others]) : shown;
}

export function callStateLabel(state: string): string {
  return t(callStateKey(state), state);
}

/** A GWS call type in the page's language (Inbound → "Entrant" in French). */
export function callTypeLabel(callType: string): string {
  return t(callTypeKey(callType), callType);
}

export function recordingLabel(state: string): string {
  return t(recordingKey(state), state);
}
