import { useMemo } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { regionChoices } from '@/lib/settings/regions';
import { uiLanguage } from '@/lib/i18n/messages';
import { OptionsSection } from './OptionsSection';
import { SaveStatus, useSaver } from './SaveStatus';
import { Field } from '../Field';

interface Props {
  region: string;
  onChange: (region: string) => Promise<void>;
}

/** The agent's country: numbers without a country code are read as numbers of it. */
export function RegionSection({ region, onChange }: Props) {
  const language = uiLanguage();
  const choices = useMemo(() => regionChoices(language), [language]);
  const saver = useSaver();
  return (
    <OptionsSection id="region" title={t('optionsRegionTitle')} help={t('optionsRegionHelp')}>
      <Field label={t('optionsRegion')}>
        {(attrs) => (
          <select
            {...attrs}
            name="region"
            value={region}
            disabled={saver.pending}
            onChange={(e) => {
              const next = e.currentTarget.value;
              void saver.run(t('optionsSaveFailed'), () => onChange(next));
            }}
          >
            {choices.some((c) => c.code === region) ? null : (
              <option value={region}>{region}</option>
            )}
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {t('optionsRegionOption', [c.name, c.callingCode])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
