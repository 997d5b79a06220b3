import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { checkDialInput, dialProblemText } from '@/lib/ui/phone-view';
import { PendingButton } from './PendingButton';
import { Field } from './Field';

/** Operations that take a destination (gws-api.md §4.5). */
export type DestinationOperation =
  'InitiateTransfer' | 'SingleStepTransfer' | 'InitiateConference' | 'SingleStepConference';

/**
 * Display order; the first offered one is what Enter does. The consult (two-step) transfer
 * leads: it can still be cancelled, a single-step transfer cannot.
 */
export const DESTINATION_OPERATIONS: readonly DestinationOperation[] = [
  'InitiateTransfer',
  'SingleStepTransfer',
  'InitiateConference',
  'SingleStepConference',
];

const LABELS: Readonly<Record<DestinationOperation, MessageKey>> = {
  InitiateTransfer: 'controlConsultTransfer',
  SingleStepTransfer: 'controlSingleStepTransfer',
  InitiateConference: 'controlConsultConference',
  SingleStepConference: 'controlSingleStepConference',
};

interface Props {
  id: string;
  /** The operations the call offers now, in any order. */
  offered: readonly DestinationOperation[];
  isPending: (operation: DestinationOperation) => boolean;
  onRun: (operation: DestinationOperation, destination: string) => void;
  describedBy?: string;
}

/** One destination field (any number format) and a button per transfer/conference kind. */
export function TransferForm({ id, offered, isPending, onRun, describedBy }: Props) {
  const [destination, setDestination] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const ops = DESTINATION_OPERATIONS.filter((op) => offered.includes(op));
  const busy = ops.some(isPending);

  const run = (operation: DestinationOperation) => {
    const check = checkDialInput(destination);
    if (!check.ok) return setProblem(dialProblemText(check.problem));
    setProblem(undefined);
    onRun(operation, check.dial);
  };

  return (
    <div class="transfer" id={id} role="group" aria-label={t('transferTitle')}>
      <Field
        label={t('transferDestination')}
        problem={problem ? { id: `${id}-problem`, text: problem, announce: true } : undefined}
        {...(problem || !describedBy ? {} : { attrs: { 'aria-describedby': describedBy } })}
      >
        {(attrs) => (
          <input
            ref={input}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={destination}
            {...attrs}
            onInput={(e) => setDestination(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              const first = ops[0];
              if (first && !busy) run(first);
            }}
          />
        )}
      </Field>
      <div class="button-row">
        {ops.map((op) => (
          <PendingButton
            key={op}
            label={t(LABELS[op])}
            pending={isPending(op)}
            disabled={busy}
            describedBy={describedBy}
            onClick={() => run(op)}
          />
        ))}
      </div>
    </div>
  );
}
