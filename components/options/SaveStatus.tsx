import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { describeError, type ErrorText } from '@/lib/errors/describe-error';
import { PAGE_ERROR_WORDS } from '@/lib/ui/error-text';
import { ErrorNotice } from '../ErrorNotice';

/** The outcome of the last change in a section: a quiet confirmation, or what went wrong. */
export type Outcome = { ok: true; text: string } | { ok: false; action: string; error: ErrorText };

interface Props {
  outcome?: Outcome;
  onDismiss?: () => void;
}

export function SaveStatus({ outcome, onDismiss }: Props) {
  if (outcome && !outcome.ok) {
    return (
      <ErrorNotice
        action={outcome.action}
        error={outcome.error}
        {...(onDismiss ? { onDismiss } : {})}
      />
    );
  }
  // Always present, so that screen readers announce the text when it appears.
  return (
    <p class="save-status" role="status">
      {outcome?.text ?? ''}
    </p>
  );
}

/** A failure the section explains in its own words (rather than as a command error). */
export class ExplainedError extends Error {
  readonly text: ErrorText;

  constructor(summary: string, detail?: string) {
    super(summary);
    this.text = detail === undefined ? { summary } : { summary, detail };
  }
}

/** The usual confirmation. */
export function saved(text: string = t('optionsSaved')): Outcome {
  return { ok: true, text };
}

/**
 * Runs a section's changes one outcome at a time: `run(failed, task)` shows the task's text
 * (or "Saved.") when it succeeds and the error, in words, after `failed` when it does not.
 */
export function useSaver() {
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const run = async (failed: string, task: () => Promise<string | void>): Promise<boolean> => {
    setPending(true);
    setOutcome(undefined);
    try {
      const text = await task();
      setOutcome(saved(text || undefined));
      return true;
    } catch (error) {
      const text =
        error instanceof ExplainedError ? error.text : describeError(error, PAGE_ERROR_WORDS);
      setOutcome({ ok: false, action: failed, error: text });
      return false;
    } finally {
      setPending(false);
    }
  };
  return {
    outcome,
    pending,
    run,
    show: setOutcome,
    clear: () => setOutcome(undefined),
  };
}
