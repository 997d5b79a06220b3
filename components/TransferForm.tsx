import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { checkDialInput, dialProblemText } from '@/lib/ui/phone-view';
import { PendingButton } from './PendingButton';
import { DirectoryContext } from './DirectoryContext';
import { DirectoryPicker } from './DirectoryPicker';

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

/**
 * One destination field (any number format, or a pick from the directory: favourites, recent
 * destinations, agents) and a button per transfer/conference kind. A pick fills the field; the
 * buttons then send it exactly as a typed number.
 */
export function TransferForm({ id, offered, isPending, onRun, describedBy }: Props) {
  const [destination, setDestination] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const directory = useContext(DirectoryContext);
  useEffect(() => input.current?.focus(), []);
  const ops = DESTINATION_OPERATIONS.filter((op) => offered.includes(op));
  // A transfer or conference destination goes through the dial plan like a Dial: say so first.
  const typed =
    directory.dialsAs && destination.trim() !== '' ? checkDialInput(destination) : undefined;
  const dialsAs = typed?.ok ? directory.dialsAs?.(typed.dial) : undefined;
  const previewId = `${id}-dial-plan`;
  const hints = [dialsAs ? previewId : undefined, describedBy].filter(Boolean).join(' ');
  const busy = ops.some(isPending);

  const run = (operation: DestinationOperation) => {
    const check = checkDialInput(destination);
    if (!check.ok) return setProblem(dialProblemText(check.problem));
    setProblem(undefined);
    onRun(operation, check.dial);
  };

  return (
    <div class="transfer" id={id} role="group" aria-label={t('transferTitle')}>
      <DirectoryPicker
        id={`${id}-destination`}
        label={t('transferDestination')}
        inputRef={input}
        value={destination}
        attrs={
          problem
            ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-problem` }
            : hints
              ? { 'aria-describedby': hints }
              : {}
        }
        entries={directory.entries.filter((e) => e.number !== '')}
        agentStatus={directory.agentStatus}
        onOpen={directory.refresh}
        onInput={(el) => {
          setProblem(undefined);
          setDestination(el.value);
        }}
        onPick={(entry) => {
          setProblem(undefined);
          setDestination(entry.number);
        }}
        onSubmitTyped={() => {
          const first = ops[0];
          if (first && !busy) run(first);
        }}
      />
      {problem ? (
        <p class="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : dialsAs ? (
        <p class="muted dial-plan-preview" id={previewId}>
          {t('dialPlanDials', dialsAs)}
        </p>
      ) : null}
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
