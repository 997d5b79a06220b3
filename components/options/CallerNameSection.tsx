import { t } from '@/lib/i18n/messages';
import { OptionsSection } from './OptionsSection';
import { Field } from '../Field';
import { SaveStatus, useSaver } from './SaveStatus';
import { useStoredText } from './useStoredText';

interface Props {
  /** The attached-data key that names callers ('' = none). */
  nameKey: string;
  onChange: (key: string) => Promise<void>;
}

/** Which attached-data value names the caller on call cards and notifications. */
export function CallerNameSection({ nameKey, onChange }: Props) {
  const saver = useSaver();
  const [key, setKey] = useStoredText(nameKey);
  return (
    <OptionsSection id="caller-names" title={t('optionsCallerNameTitle')}>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const next = key.trim();
          void saver.run(t('optionsSaveFailed'), () => onChange(next));
        }}
      >
        <Field
          label={t('optionsCallerNameKey')}
          attrs={{ 'aria-describedby': 'caller-name-key-help' }}
        >
          {(attrs) => (
            <input
              type="text"
              name="partyNameKey"
              value={key}
              spellcheck={false}
              autoComplete="off"
              {...attrs}
              onInput={(e) => setKey(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="btn btn-plain" disabled={saver.pending}>
          {t('optionsSave')}
        </button>
      </form>
      <p class="muted help-text" id="caller-name-key-help">
        {t('optionsCallerNameKeyHelp')}
      </p>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
