import { formatDuration } from '../../lib/ui/format.ts';
import type { OverlayActions } from '../../lib/overlay/overlay-model.ts';
import type { PageLookup } from '../../lib/messaging/page-messages.ts';
import { operationLabel } from '../../lib/overlay/operation-labels.ts';
import { callStateKey, callTypeKey } from '../../lib/i18n/keys.ts';
import { ot } from '../../lib/i18n/overlay-messages.ts';

interface Props {
  live: PageLookup;
  now: number;
  actions: OverlayActions;
}

/** A GWS call state in the overlay's language, as the popup words it ("Established": Connected). */
const stateText = (state: string) => ot(callStateKey(state), state);

/** The live calls this number is a party to, and the calls that could be brought to it. */
export function LiveCalls({ live, now, actions }: Props) {
  return (
    <>
      {live.calls.map((call) => (
        <section class="call" key={call.callId} aria-label={ot('overlayLiveCall')}>
          <div>
            <span class="call-state">{stateText(call.state)}</span> ·{' '}
            {ot(callTypeKey(call.callType), call.callType)} ·{' '}
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
                {call.state === 'Ringing' && op === 'Hangup'
                  ? ot('overlayDecline')
                  : operationLabel(op)}
              </button>
            ))}
          </div>
        </section>
      ))}
      {live.otherCalls.map((other) => (
        <section class="call" key={`o-${other.callId}`} aria-label={ot('overlayAnotherCall')}>
          <div>
            {ot('overlayCallWith', [
              other.party || ot('overlayAnotherParty'),
              stateText(other.state),
            ])}
          </div>
          <div class="row">
            {other.actions.map((op) => (
              <button
                type="button"
                key={op}
                class="act"
                onClick={(e) => actions.operate(e, other.callId, op)}
              >
                {operationLabel(op)}
              </button>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
