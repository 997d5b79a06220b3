import { useState } from 'preact/hooks';
import type { AgentStateDefinition } from '@/lib/gws/types';
import type { PendingWrapUp, WrapUpState } from '@/lib/wrap-up/wrap-up-state';
import { isComplete } from '@/lib/wrap-up/wrap-up-state';
import { t } from '@/lib/i18n/messages';
import { formatDuration } from '@/lib/ui/format';
import { definitionLabel } from '@/lib/ui/agent-state-view';
import { DispositionPicker } from './DispositionPicker';

interface Props {
  state: WrapUpState;
  now: number;
  onChoose: (callId: string, choice: { code?: string; notes?: string }) => void;
  onDone: (callId: string) => void;
}

/** The calls that ended and wait for their wrap-up: disposition, notes, countdown, Done. */
export function WrapUpPanel({ state, now, onChoose, onDone }: Props) {
  if (state.pending.length === 0) return null;
  return (
    <section class="wrap-up" aria-labelledby="wrap-up-title">
      <h2 id="wrap-up-title" class="section-title">
        {t('wrapUpTitle')}
      </h2>
      {state.pending.map((item) => (
        <WrapUpItem
          key={item.callId}
          item={item}
          state={state}
          now={now}
          onChoose={(choice) => onChoose(item.callId, choice)}
          onDone={() => onDone(item.callId)}
        />
      ))}
    </section>
  );
}

function WrapUpItem(props: {
  item: PendingWrapUp;
  state: WrapUpState;
  now: number;
  onChoose: (choice: { code?: string; notes?: string }) => void;
  onDone: () => void;
}) {
  const { item, state, now } = props;
  const [notes, setNotes] = useState(item.choice.notes ?? '');
  const id = item.callId.replace(/[^A-Za-z0-9_-]/g, '_');
  const complete = isComplete(item.choice, state);
  const left = item.acwUntil === undefined ? undefined : Math.max(0, item.acwUntil - now);
  return (
    <article class="wrap-up-item" aria-labelledby={`wrap-up-${id}`}>
      <h3 id={`wrap-up-${id}`} class="call-title">
        {item.name ?? item.number}
      </h3>
      {left !== undefined ? (
        <p class="wrap-up-countdown" role="timer" aria-label={t('wrapUpCountdownLabel')}>
          {left > 0 ? t('wrapUpCountdown', formatDuration(left + 999)) : t('wrapUpOver')}
        </p>
      ) : null}
      {state.dispositions.length > 0 ? (
        <DispositionPicker
          id={`disposition-${id}`}
          dispositions={state.dispositions}
          value={item.choice.code}
          required={state.required}
          onChoose={(code) => props.onChoose({ code })}
        />
      ) : null}
      <div class="field">
        <label for={`notes-${id}`}>{t('wrapUpNotes')}</label>
        <textarea
          id={`notes-${id}`}
          rows={2}
          maxLength={2000}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== (item.choice.notes ?? '') && props.onChoose({ notes })}
        />
      </div>
      {!complete ? (
        <p class="muted" id={`wrap-up-required-${id}`}>
          {t('wrapUpRequired')}
        </p>
      ) : null}
      <div class="button-row">
        <button
          type="button"
          class="btn btn-primary"
          aria-disabled={complete ? undefined : 'true'}
          aria-describedby={complete ? undefined : `wrap-up-required-${id}`}
          onClick={() => {
            if (notes !== (item.choice.notes ?? '')) props.onChoose({ notes });
            if (complete) props.onDone();
          }}
        >
          {t('wrapUpDone')}
        </button>
      </div>
    </article>
  );
}

interface NextStateProps {
  states: readonly AgentStateDefinition[];
  value: string | undefined;
  onChoose: (operationName: string | null) => void;
}

/** "After this call": a state to take once the call is over (e.g. Not Ready – Lunch). */
export function NextStatePicker({ states, value, onChoose }: NextStateProps) {
  const choices = states.filter((s) => s.operationName !== 'AfterCallWork');
  if (choices.length === 0) return null;
  return (
    <div class="field next-state">
      <label for="next-state-select">{t('nextStateLabel')}</label>
      <select
        id="next-state-select"
        value={value ?? ''}
        onChange={(e) => onChoose(e.currentTarget.value || null)}
      >
        <option value="">{t('nextStateNone')}</option>
        {choices.map((s) => (
          <option key={s.operationName} value={s.operationName}>
            {definitionLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
