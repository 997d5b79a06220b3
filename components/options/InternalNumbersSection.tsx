import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { overlaySettings } from '@/lib/settings/overlay-settings';
import { parseInternalPatterns } from '@/lib/phone/internal-numbers';
import { OptionsSection } from './OptionsSection';
import { SaveStatus, useSaver } from './SaveStatus';
import { useStoredText } from './useStoredText';

/**
 * Internal numbers the CRM overlay makes dialable, as dial-plan patterns ("7XXX"). Off by
 * default: a short number on a page is far more often a quantity or a code. A policy
 * (`internalNumbers`) replaces what is set here.
 */
export function InternalNumbersSection() {
  const [stored, setStored] = useState<string | undefined>(undefined);
  const [text, setText] = useStoredText(stored);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const saver = useSaver();
  useEffect(() => {
    void overlaySettings.get().then(
      (s) => setStored(s.internalNumbers),
      () => setStored(''),
    );
  }, []);
  const save = () => {
    const parsed = parseInternalPatterns(text);
    if (!parsed.ok) {
      setInvalid(parsed.invalid);
      return;
    }
    setInvalid(undefined);
    const value = parsed.patterns.join(', ');
    void saver.run(t('optionsSaveFailed'), async () => {
      await overlaySettings.update((current) => ({ ...current, internalNumbers: value }));
      setStored(value);
    });
  };
  return (
    <OptionsSection
      id="internal-numbers"
      title={t('optionsInternalNumbersTitle')}
      help={t('optionsInternalNumbersHelp')}
    >
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label class="field">
          <span>{t('optionsInternalNumbers')}</span>
          <input
            name="internalNumbers"
            value={text}
            placeholder="7XXX"
            aria-invalid={invalid ? 'true' : undefined}
            disabled={saver.pending || stored === undefined}
            onInput={(e) => setText(e.currentTarget.value)}
            onBlur={save}
          />
        </label>
        {invalid ? (
          <p class="field-problem" role="alert">
            {t('optionsInternalNumbersInvalid', [invalid])}
          </p>
        ) : null}
      </form>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
