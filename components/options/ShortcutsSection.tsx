import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { PendingButton } from '../PendingButton';
import { OptionsSection } from './OptionsSection';
import { NumbersShortcut } from './NumbersShortcut';

export interface Shortcut {
  name: string;
  description: string;
  /** The keys as the browser shows them; empty when none is assigned. */
  shortcut: string;
}

interface Props {
  load: () => Promise<Shortcut[]>;
  /** The CRM overlay's own shortcut, chosen here (the browser's are changed in the browser). */
  numbers?: { shortcut: string; onChange: (shortcut: string) => Promise<void> };
  /** Opens the browser's own shortcut editor, when it has one an extension may open. */
  openEditor?: () => void;
}

/** The keyboard shortcuts as the browser has them now; they are changed in the browser. */
export function ShortcutsSection({ load, numbers, openEditor }: Props) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | undefined>(undefined);
  useEffect(() => {
    load().then(setShortcuts, () => setShortcuts([]));
  }, []);
  return (
    <OptionsSection
      id="shortcuts"
      title={t('optionsShortcutsTitle')}
      help={t('optionsShortcutsHelp')}
    >
      {shortcuts && (shortcuts.length > 0 || numbers) ? (
        <dl class="shortcut-list">
          {numbers && <NumbersShortcut {...numbers} />}
          {shortcuts.map((s) => (
            <div class="shortcut" key={s.name}>
              <dt>{s.description || s.name}</dt>
              <dd>
                {s.shortcut ? (
                  <kbd>{s.shortcut}</kbd>
                ) : (
                  <span class="muted">{t('optionsShortcutNotSet')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {openEditor ? (
        <div class="button-row">
          <PendingButton label={t('optionsShortcutsChange')} onClick={openEditor} />
        </div>
      ) : null}
    </OptionsSection>
  );
}
