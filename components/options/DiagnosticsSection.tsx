import { t } from '@/lib/i18n/messages';
import { PendingButton } from '../PendingButton';
import { OptionsSection } from './OptionsSection';
import { SaveStatus, useSaver } from './SaveStatus';

interface Props {
  /** Fetches the diagnostics and saves them as a file; resolves with the file's name. */
  onExport: () => Promise<string>;
}

/** A JSON file for support: what the background saw recently (never a password). */
export function DiagnosticsSection({ onExport }: Props) {
  const saver = useSaver();
  return (
    <OptionsSection
      id="diagnostics"
      title={t('optionsDiagnosticsTitle')}
      help={t('optionsDiagnosticsHelp')}
    >
      <div class="button-row">
        <PendingButton
          label={t('optionsDiagnosticsExport')}
          icon="⤓"
          pending={saver.pending}
          onClick={() =>
            void saver.run(t('optionsDiagnosticsFailed'), async () =>
              t('optionsDiagnosticsExported', await onExport()),
            )
          }
        />
      </div>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
