import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CallRecord } from '@/lib/calls';
import { otherParty, participantAsAsked, partyCallOf, type PartyNaming } from '@/lib/calls';
import type { PopupCallOperation } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/messages';
import { liveTimer } from '@/lib/history/call-times';
import type { Disposition } from '@/lib/settings/wrap-up-settings';
import { isReadOnlyKey } from '@/lib/settings/wrap-up-settings';
import { formatDuration } from '@/lib/ui/format';
import {
  callStateLabel,
  callTypeLabel,
  partyLabel,
  partyText,
  recordingLabel,
} from '@/lib/ui/call-view';
import { ParticipantLine } from './ParticipantLine';
import { AttachedData } from './AttachedData';
import { CallControls, type OperationRunner } from './CallControls';
import type { CallDegradation } from '@/lib/ui/degraded';
import { DispositionPicker } from './DispositionPicker';
import { supervisorNote } from '@/lib/ui/monitoring-view';

/** The disposition combobox of a live call. */
export interface DispositionChoice {
  dispositions: readonly Disposition[];
  value: string | undefined;
  required: boolean;
  onChoose: (code: string) => void;
}

interface Props {
  record: CallRecord;
  now: number;
  isPending: (operation: PopupCallOperation) => boolean;
  onOperation: OperationRunner;
  /** For a consult call: the call it was started from (shown as a link between the two). */
  parent?: CallRecord;
  /** The other call of the pair, for SwapCalls. */
  swapWith?: string;
  /** How the party is named (the agent's attached-data key). */
  naming?: PartyNaming;
  /** Set during an outage: the card says so, its timer stops, its controls are disabled. */
  degraded?: CallDegradation;
  disposition?: DispositionChoice;
  /** Attached-data keys (or `PREFIX*` patterns) shown without Edit and Delete. */
  readOnlyKeys?: readonly string[];
}

const TIMER_LABEL = {
  ringing: 'timerRinging',
  talk: 'timerTalk',
  hold: 'timerHold',
  total: 'callDuration',
} as const;

const DIRECTION_ICON: Readonly<Record<string, string>> = {
  Inbound: '↙',
  Outbound: '↗',
  Internal: '⇆',
  Consult: '↪',
};

/** One live call: who, what state, how long, its data, and what can be done with it now. */
export function CallCard(props: Props) {
  const { record, now, isPending, onOperation, parent, swapWith, disposition, degraded } = props;
  const naming = props.naming ?? {};
  const readOnly = (key: string) => isReadOnlyKey(key, props.readOnlyKeys ?? []);
  const call = record.call;
  const party = otherParty(partyCallOf(record), naming);
  // Handed over after a consultation: the ANI is the agent who transferred, not the caller.
  const transferred = party.role === 'transferred';
  // Nothing about the call is known past the start of an outage: its clock stops there.
  const shownAt = degraded ? Math.min(now, degraded.since) : now;
  const timer = liveTimer(record, shownAt);
  const titleId = `call-${safeId(call.id)}`;
  const can = (op: PopupCallOperation) => call.capabilities.includes(op);
  const supervisor = supervisorNote(call);
  const card = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);

  // A pressed button can vanish (Hold becomes Retrieve) or be disabled while pending; keep
  // the keyboard user inside this call instead of dropping focus to the page top.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (hadFocus.current && (active === null || active === document.body)) card.current?.focus();
  });

  return (
    <article
      ref={card}
      class={`call-card state-${safeId(call.state).toLowerCase()}${parent ? ' consult' : ''}${degraded ? ' degraded' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-call-id={call.id}
      onFocusIn={() => (hadFocus.current = true)}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        hadFocus.current = next === null || card.current?.contains(next) === true;
      }}
    >
      <header class="call-head">
        <h3 id={titleId} class="call-title">
          {partyText(party)}
        </h3>
        <span class="badge call-state">{callStateLabel(call.state)}</span>
      </header>
      <p class="call-meta">
        <span class="call-type">
          <span aria-hidden="true">{DIRECTION_ICON[call.callType] ?? '•'} </span>
          {transferred ? t('callTransferred') : callTypeLabel(call.callType)}
        </span>
        <span class="call-duration" role="timer" aria-label={t(TIMER_LABEL[timer.kind])}>
          {formatDuration(timer.ms)}
        </span>
        {call.recordingState && call.recordingState !== 'Stopped' ? (
          <span class={`badge recording rec-${safeId(call.recordingState).toLowerCase()}`}>
            {recordingLabel(call.recordingState)}
          </span>
        ) : null}
        {supervisor ? <span class="badge supervisor-note">{supervisor}</span> : null}
      </p>
      {degraded ? (
        <p class="call-degraded">
          {t(degraded.kind === 'voice' ? 'callDegradedVoice' : 'callDegradedOffline')}
        </p>
      ) : null}
      {parent ? (
        <p class="consult-of">
          <span aria-hidden="true">↳ </span>
          {t('consultFor', [
            partyLabel(partyCallOf(parent), naming),
            callStateLabel(parent.call.state),
          ])}
        </p>
      ) : null}
      {call.participants.length > 0 ? (
        <ul class="participants" aria-label={t('participants')}>
          {call.participants.map((p, i) => (
            <ParticipantLine
              key={`${i}:${p.phoneNumber}`}
              participant={participantAsAsked(p, record.dialRewrite)}
              showNumber={call.participants.length > 1 || party.name !== undefined}
              removePending={isPending('RemoveParticipantFromConference')}
              onRemove={
                can('RemoveParticipantFromConference')
                  ? () =>
                      onOperation({
                        operation: 'RemoveParticipantFromConference',
                        params: { participant: p.phoneNumber },
                      })
                  : undefined
              }
            />
          ))}
        </ul>
      ) : null}
      {(call.ani && !transferred) || call.dnis ? (
        <dl class="ani-dnis">
          {call.ani && !transferred ? (
            <div>
              <dt>{t('ani')}</dt>
              <dd>{call.ani}</dd>
            </div>
          ) : null}
          {call.dnis ? (
            <div>
              <dt>{t('dnis')}</dt>
              <dd>{call.dnis}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <AttachedData
        userData={call.userData}
        open={call.state !== 'Held'}
        updatePending={isPending('UpdateUserData')}
        deletePending={isPending('DeleteUserDataPair')}
        onUpdate={
          can('UpdateUserData') && !degraded
            ? (key, value) =>
                onOperation({ operation: 'UpdateUserData', params: { userData: { [key]: value } } })
            : undefined
        }
        onDelete={
          can('DeleteUserDataPair') && !degraded
            ? (key) => onOperation({ operation: 'DeleteUserDataPair', params: { key } })
            : undefined
        }
        readOnly={readOnly}
      />
      {/* A disabled fieldset disables every control in it while calls cannot be controlled. */}
      <fieldset class="call-controls-set" disabled={degraded !== undefined}>
        {disposition ? (
          <DispositionPicker
            id={`disposition-${safeId(call.id)}`}
            dispositions={disposition.dispositions}
            value={disposition.value}
            required={disposition.required}
            pending={isPending('UpdateUserData')}
            onChoose={disposition.onChoose}
          />
        ) : null}
        <CallControls
          call={call}
          describedBy={titleId}
          isPending={isPending}
          onOperation={onOperation}
          isConsult={parent !== undefined}
          {...(swapWith === undefined ? {} : { swapWith })}
        />
      </fieldset>
    </article>
  );
}

/** Ids and class names built from server values keep only safe characters. */
function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}
