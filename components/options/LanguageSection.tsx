import { t, type MessageKey } from '@/lib/i18n/messages';
import { UI_LANGUAGES, type UiLanguage } from '@/lib/settings/agent-settings';
import { OptionsSection } from './OptionsSection';
import { SaveStatus, useSaver } from './SaveStatus';
import { Field } from '../Field';

const NAMES: Readonly<Record<UiLanguage, MessageKey>> = {
  browser: 'optionsLanguageBrowser',
  en: 'optionsLanguageEn',
  fr: 'optionsLanguageFr',
  de: 'optionsLanguageDe',
  es: 'optionsLanguageEs',
  'pt-BR': 'optionsLanguagePtBr',
};

interface Props {
  language: UiLanguage;
  onChange: (language: UiLanguage) => Promise<void>;
}

/** The extension's language: the browser's, or one chosen here (popup and this page). */
export function LanguageSection({ language, onChange }: Props) {
  const saver = useSaver();
  return (
    <OptionsSection id="language" title={t('optionsLanguageTitle')}>
      <Field label={t('optionsLanguage')}>
        {(attrs) => (
          <select
            {...attrs}
            name="language"
            value={language}
            disabled={saver.pending}
            onChange={(e) => {
              const next = e.currentTarget.value as UiLanguage;
              void saver.run(t('optionsSaveFailed'), () => onChange(next));
            }}
          >
            {UI_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code === 'browser' ? undefined : code}>
                {t(NAMES[code])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
