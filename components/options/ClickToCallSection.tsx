import { t } from '@/lib/i18n/messages';
import { LockedNote } from './LockedNote';
import { OptionsSection } from './OptionsSection';

interface Props {
  confirmBeforeDial: boolean;
  /** Set by enterprise policy: shown, not changeable. */
  locked: boolean;
  onChange: (confirmBeforeDial: boolean) => Promise<void>;
}

/**
 * How a click on a phone number in a CRM page behaves. Premium-rate, shared-cost and unknown
 * numbers, and links that hide what they dial, always ask first; this asks for every dial.
 */
export function ClickToCallSection({ confirmBeforeDial, locked, onChange }: Props) {
  return (
    <OptionsSection
      id="click-to-call"
      title={t('optionsClickToCallTitle')}
      help={t('optionsClickToCallHelp')}
    >
      <label class="checkbox">
        <input
          type="checkbox"
          name="confirmBeforeDial"
          checked={confirmBeforeDial}
          disabled={locked}
          aria-describedby={locked ? 'confirm-before-dial-locked' : undefined}
          onChange={(e) => void onChange(e.currentTarget.checked)}
        />
        <span>{t('optionsConfirmBeforeDial')}</span>
      </label>
      {locked && <LockedNote id="confirm-before-dial-locked" />}
    </OptionsSection>
  );
}
