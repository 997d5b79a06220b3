import type { AgentStateDefinition, UserState } from '@/lib/gws/types';
import { t } from '@/lib/i18n/messages';
import { formatDuration } from '@/lib/ui/format';
import {
  currentDefinition,
  definitionLabel,
  stateTone,
  userStateLabel,
} from '@/lib/ui/agent-state-view';

interface Props {
  states: readonly AgentStateDefinition[];
  current?: UserState;
  /** When the current state began. */
  since?: number;
  now: number;
  /** A state change is in flight. */
  pending: boolean;
  onSelect: (operationName: string) => void;
}

/**
 * The agent-state catalogue (system states and custom ones, gws-api.md §4.2) as a select:
 * one tab stop, arrow keys to move, and it scales to any number of custom states. The
 * select shows the state GWS reported, not the one asked for, until the change arrives.
 */
export function AgentStatePicker({ states, current, since, now, pending, onSelect }: Props) {
  const selected = currentDefinition(states, current);
  const tone = stateTone(current);
  return (
    <div class={`agent-state tone-${tone}`}>
      <label class="agent-state-label" for="agent-state-select">
        <span class="status-dot" aria-hidden="true" />
        {t('agentStateLabel')}
      </label>
      <div class="agent-state-row">
        <select
          id="agent-state-select"
          value={selected?.operationName ?? ''}
          disabled={pending || states.length === 0}
          aria-busy={pending ? 'true' : undefined}
          onChange={(e) => {
            const op = e.currentTarget.value;
            if (op && op !== selected?.operationName) onSelect(op);
          }}
        >
          {selected ? null : (
            <option value="" disabled>
              {current ? userStateLabel(current) : t('agentStateUnknown')}
            </option>
          )}
          {states.map((def) => (
            <option key={def.operationName} value={def.operationName}>
              {definitionLabel(def)}
            </option>
          ))}
        </select>
        {pending ? <span class="spinner" aria-hidden="true" /> : null}
        {since !== undefined ? (
          <span class="time-in-state" role="timer" aria-label={t('timeInState')}>
            {formatDuration(now - since)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
