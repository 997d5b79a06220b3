import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { comboOf, formatShortcut } from '@/lib/settings/numbers-shortcut';

interface Props {
  shortcut: string;
  onChange: (shortcut: string) => Promise<void>;
}

/**
 * The keys that bring focus to a CRM page's phone numbers. They are the page overlay's own
 * (not a browser command), so they are chosen here: "Change", then press the new keys.
 */
export function NumbersShortcut({ shortcut, onChange }: Props) {
  const [recording, setRecording] = useState(false);
  const [refused, setRefused] = useState(false);
  const onKeyDown = (e: KeyboardEvent) => {
    if (['Alt', 'Shift', 'Control', 'Meta'].includes(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') {
      setRecording(false);
      return;
    }
    const combo = comboOf(e);
    setRefused(!combo);
    if (!combo) return;
    setRecording(false);
    void onChange(formatShortcut(combo));
  };
  return (
    <div class="shortcut">
      <dt id="numbers-shortcut-label">{t('optionsNumbersShortcut')}</dt>
      <dd>
        <kbd>{shortcut}</kbd>{' '}
        <button
          type="button"
          class="btn btn-plain btn-small"
          aria-describedby="numbers-shortcut-label"
          aria-pressed={recording}
          onClick={() => {
            setRefused(false);
            setRecording(!recording);
          }}
          onKeyDown={recording ? onKeyDown : undefined}
          onBlur={() => setRecording(false)}
        >
          {recording ? t('optionsNumbersShortcutPress') : t('optionsNumbersShortcutChange')}
        </button>
        {refused && (
          <p class="field-problem" role="alert">
            {t('optionsNumbersShortcutRefused')}
          </p>
        )}
      </dd>
    </div>
  );
}
