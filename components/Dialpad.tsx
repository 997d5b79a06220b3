import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { backspaceDial, checkDialInput, dialProblemText, formatTyping } from '@/lib/ui/phone-view';
import { Keypad, type KeypadKey } from './Keypad';
import { PendingButton } from './PendingButton';
import { DirectoryContext } from './DirectoryContext';
import { DirectoryPicker } from './DirectoryPicker';

interface Props {
  /** A Dial request is in flight. */
  pending: boolean;
  /** Called with the normalized dial string once the input is valid. */
  onDial: (dial: string) => void;
  /** What the dial plan turns a valid number into, when it changes it. */
  preview?: (dial: string) => string | undefined;
  autoFocus?: boolean;
}

/**
 * A number field that formats as you type and takes pasted numbers in any format, with the
 * directory under it (a name, a number or a speed-dial code finds an entry; taking one dials
 * it; the destinations used last are its Recent group), and a dial pad. Enter dials; an
 * unusable number is explained here and never sent.
 */
export function Dialpad({ pending, onDial, preview, autoFocus }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [padOpen, setPadOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const directory = useContext(DirectoryContext);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  const dial = (number = value) => {
    if (pending) return;
    const check = checkDialInput(number);
    if (!check.ok) return setProblem(dialProblemText(check.problem));
    setProblem(undefined);
    onDial(check.dial);
  };

  const onInput = (el: HTMLInputElement) => {
    setProblem(undefined);
    // Reformat only while adding at the end: editing in the middle keeps the caret, and a
    // deletion is never undone by the formatter putting a bracket or dash back.
    const atEnd = el.selectionStart === null || el.selectionStart >= el.value.length;
    const growing = el.value.length > value.length;
    const next = atEnd && growing ? formatTyping(el.value) : el.value;
    if (next !== el.value) el.value = next;
    setValue(next);
  };

  const typed = preview && value.trim() !== '' ? checkDialInput(value) : undefined;
  const dialsAs = typed?.ok ? preview?.(typed.dial) : undefined;

  const press = (key: KeypadKey) => {
    setProblem(undefined);
    setValue((v) => formatTyping(v + key));
  };

  return (
    <section class="dial" aria-labelledby="dial-title">
      <h2 id="dial-title" class="section-title">
        {t('dialTitle')}
      </h2>
      <form
        class="dial-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          dial();
        }}
      >
        <DirectoryPicker
          id="dial-number"
          label={t('dialNumber')}
          labelClass="visually-hidden"
          inputRef={input}
          placeholder={t('dialPlaceholder')}
          value={value}
          attrs={
            problem
              ? { 'aria-invalid': 'true', 'aria-describedby': 'dial-problem' }
              : dialsAs
                ? { 'aria-describedby': 'dial-plan-preview' }
                : {}
          }
          entries={directory.entries.filter((e) => e.number !== '')}
          agentStatus={directory.agentStatus}
          onOpen={directory.refresh}
          onInput={onInput}
          onPick={(entry) => {
            setValue(entry.number);
            dial(entry.number);
          }}
          onSubmitTyped={() => dial()}
        />
        <PendingButton
          type="submit"
          variant="success"
          icon="✆"
          label={t('dialCall')}
          pending={pending}
        />
        <PendingButton
          label={t('dialPadToggle')}
          icon="#"
          expanded={padOpen}
          controls={padOpen ? 'dial-pad' : undefined}
          onClick={() => setPadOpen(!padOpen)}
        />
      </form>
      {problem ? (
        <p id="dial-problem" class="field-error" role="alert">
          {problem}
        </p>
      ) : dialsAs ? (
        <p id="dial-plan-preview" class="muted dial-plan-preview">
          {t('dialPlanDials', dialsAs)}
        </p>
      ) : null}
      {padOpen ? (
        <div id="dial-pad" class="dial-pad">
          <Keypad label={t('dialPad')} onKey={press} />
          <div class="button-row">
            <button
              type="button"
              class="btn btn-plain btn-small"
              disabled={value === ''}
              onClick={() => setValue((v) => backspaceDial(v))}
            >
              <span aria-hidden="true">⌫ </span>
              {t('dialBackspace')}
            </button>
            <button
              type="button"
              class="btn btn-plain btn-small"
              disabled={value === ''}
              onClick={() => setValue('')}
            >
              {t('dialClear')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
