import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { checkDialInput, dialProblemText } from '@/lib/ui/phone-view';
import { PendingButton } from './PendingButton';

interface Props {
  /** The device's capabilities (gws-api.md §6.3): each control appears only when offered. */
  capabilities: readonly string[];
  doNotDisturb: boolean;
  forwardTo?: string;
  dndPending: boolean;
  forwardPending: boolean;
  onDoNotDisturb: (on: boolean) => void;
  /** A destination turns forwarding on; null turns it off. */
  onForward: (destination: string | null) => void;
}

/** Do-not-disturb and call forwarding, when the phone device offers them (§4.3). */
export function DeviceOptions(props: Props) {
  const caps = props.capabilities;
  const dndOn = caps.includes('DoNotDisturbOff');
  const dndOffered = dndOn || caps.includes('DoNotDisturbOn');
  const forwardOn = caps.includes('ForwardCallsOff');
  const forwardOffered = forwardOn || caps.includes('ForwardCallsOn');
  const [destination, setDestination] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!dndOffered && !forwardOffered) return null;

  const forward = () => {
    const check = checkDialInput(destination);
    if (!check.ok) return setProblem(dialProblemText(check.problem));
    setProblem(undefined);
    props.onForward(check.dial);
  };

  return (
    <div class="device-options">
      {dndOffered ? (
        <PendingButton
          class="toggle"
          label={t('doNotDisturb')}
          pressed={dndOn}
          pending={props.dndPending}
          onClick={() => props.onDoNotDisturb(!dndOn)}
        />
      ) : null}
      {forwardOffered && forwardOn ? (
        <div class="forwarding">
          <span class="forwarding-text">
            {props.forwardTo ? t('forwardingTo', props.forwardTo) : t('forwardingOn')}
          </span>
          <PendingButton
            label={t('forwardStop')}
            pending={props.forwardPending}
            onClick={() => props.onForward(null)}
          />
        </div>
      ) : null}
      {forwardOffered && !forwardOn ? (
        <div class="forwarding">
          <label class="visually-hidden" for="forward-destination">
            {t('forwardDestination')}
          </label>
          <input
            id="forward-destination"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder={t('forwardDestination')}
            value={destination}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'forward-problem' : undefined}
            onInput={(e) => setDestination(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (!props.forwardPending) forward();
            }}
          />
          <PendingButton
            label={t('forwardStart')}
            pending={props.forwardPending}
            onClick={forward}
          />
          {problem ? (
            <p id="forward-problem" class="field-error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
