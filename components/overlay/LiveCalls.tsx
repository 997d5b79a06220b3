import { formatDuration } from '../../lib/ui/format.ts';
import type { OverlayActions } from '../../lib/overlay/overlay-model.ts';
import type {
  PageCallAction,
  PageLookup,
  PageTransferAction,
} from '../../lib/overlay/page-messages.ts';

const ACTION_LABELS: Record<PageCallAction | PageTransferAction, string> = {
  Answer: 'Answer',
  Hangup: 'Hang up',
  Hold: 'Hold',
  Retrieve: 'Retrieve',
  SingleStepTransfer: 'Transfer here',
  SingleStepConference: 'Conference in',
};

interface Props {
  live: PageLookup;
  now: number;
  actions: OverlayActions;
}

/** The live calls this number is a party to, and the calls that could be brought to it. */
export function LiveCalls({ live, now, actions }: Props) {
  return (
    <>
      {live.calls.map((call) => (
        <section class="call" key={call.callId} aria-label="Live call">
          <div>
            <span class="call-state">{call.state}</span> · {call.callType} ·{' '}
            <span>{formatDuration(now - call.startedAt)}</span>
          </div>
          {call.userData.length > 0 && (
            <dl class="data">
              {call.userData.flatMap(([key, value], i) => [
                <dt key={`k${i}`}>{key}</dt>,
                <dd key={`v${i}`}>{value}</dd>,
              ])}
            </dl>
          )}
          <div class="row">
            {call.actions.map((op) => (
              <button
                type="button"
                key={op}
                class={`act${op === 'Answer' ? ' primary' : op === 'Hangup' ? ' danger' : ''}`}
                onClick={(e) => actions.operate(e, call.callId, op)}
              >
                {ACTION_LABELS[op]}
              </button>
            ))}
          </div>
        </section>
      ))}
      {live.otherCalls.map((other) => (
        <section class="call" key={`o-${other.callId}`} aria-label="Another call">
          <div>
            Call with {other.party || 'another party'} ({other.state})
          </div>
          <div class="row">
            {other.actions.map((op) => (
              <button
                type="button"
                key={op}
                class="act"
                onClick={(e) => actions.operate(e, other.callId, op)}
              >
                {ACTION_LABELS[op]}
              </button>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
