import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import type { MessageKey } from '@/lib/i18n/messages';
import type { WrapUpSettings } from '@/lib/settings/wrap-up-settings';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { SaveStatus, useSaver } from './SaveStatus';

interface Props {
  /** The agent's own settings; undefined while loading. */
  settings?: WrapUpSettings;
  /** What policy sets (those fields are shown locked). */
  managed: Partial<WrapUpSettings>;
  onSave: (next: WrapUpSettings) => Promise<void>;
}

type Drafts = Record<keyof WrapUpSettings, string | boolean>;

function toDrafts(s: WrapUpSettings): Drafts {
  return {
    dispositions: s.dispositions
      .map((d) => (d.label === d.code ? d.code : `${d.code}=${d.label}`))
      .join('\n'),
    dispositionKey: s.dispositionKey,
    dispositionRequired: s.dispositionRequired,
    afterCallWork: s.afterCallWork,
    wrapUpSeconds: String(s.wrapUpSeconds),
    historyKeys: s.historyKeys.join(', '),
    clearHistoryOnSignOut: s.clearHistoryOnSignOut,
    callLogUrl: s.callLogUrl,
    readOnlyKeys: s.readOnlyKeys.join(', '),
  };
}

/** The form's text back to settings; the settings item normalises the rest. */
function fromDrafts(d: Drafts, base: WrapUpSettings): WrapUpSettings {
  const text = (k: keyof WrapUpSettings) => String(d[k]);
  const list = (k: 'historyKeys' | 'readOnlyKeys') =>
    text(k)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    ...base,
    dispositions: text('dispositions')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=');
        const code = (at === -1 ? line : line.slice(0, at)).trim();
        return { code, label: at === -1 ? code : line.slice(at + 1).trim() || code };
      }),
    dispositionKey: text('dispositionKey').trim(),
    dispositionRequired: d.dispositionRequired === true,
    afterCallWork: d.afterCallWork === true,
    wrapUpSeconds: Number(text('wrapUpSeconds')) || 0,
    historyKeys: list('historyKeys'),
    clearHistoryOnSignOut: d.clearHistoryOnSignOut === true,
    callLogUrl: text('callLogUrl').trim(),
    readOnlyKeys: list('readOnlyKeys'),
  };
}

const TEXT_FIELDS: ReadonlyArray<{
  key: keyof WrapUpSettings;
  label: MessageKey;
  multiline?: boolean;
  numeric?: boolean;
}> = [
  { key: 'dispositions', label: 'optionsDispositions', multiline: true },
  { key: 'dispositionKey', label: 'optionsDispositionKey' },
  { key: 'wrapUpSeconds', label: 'optionsWrapUpSeconds', numeric: true },
  { key: 'historyKeys', label: 'optionsHistoryKeys' },
  { key: 'readOnlyKeys', label: 'optionsReadOnlyKeys' },
  { key: 'callLogUrl', label: 'optionsCallLogUrl' },
];

const CHECKBOXES: ReadonlyArray<{ key: keyof WrapUpSettings; label: MessageKey }> = [
  { key: 'dispositionRequired', label: 'optionsDispositionRequired' },
  { key: 'afterCallWork', label: 'optionsAfterCallWork' },
  { key: 'clearHistoryOnSignOut', label: 'optionsClearHistoryOnSignOut' },
];

/**
 * Wrap-up and call history: the disposition catalogue, after-call work, what the history
 * keeps, the call-log URL and the read-only attached-data keys. Saved together.
 */
export function WrapUpSection({ settings, managed, onSave }: Props) {
  const saver = useSaver();
  const [drafts, setDrafts] = useState<Drafts | undefined>(undefined);
  const shown = drafts ?? (settings ? toDrafts(settings) : undefined);
  const locked = (key: keyof WrapUpSettings) => managed[key] !== undefined;
  const anyLocked = Object.keys(managed).length > 0;
  const set = (key: keyof WrapUpSettings, value: string | boolean) =>
    shown && setDrafts({ ...shown, [key]: value });

  return (
    <OptionsSection id="wrap-up" title={t('optionsWrapUpTitle')} help={t('optionsWrapUpHelp')}>
      {anyLocked ? <LockedNote id="wrap-up-locked" /> : null}
      <form
        class="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!settings || !shown) return;
          const next = fromDrafts(shown, settings);
          void saver.run(t('optionsSaveFailed'), async () => {
            await onSave(next);
            setDrafts(undefined);
            return t('optionsSaved');
          });
        }}
      >
        {CHECKBOXES.map(({ key, label }) => (
          <label class="checkbox" key={key}>
            <input
              type="checkbox"
              name={key}
              checked={shown?.[key] === true}
              disabled={!shown || locked(key)}
              aria-describedby={locked(key) ? 'wrap-up-locked' : undefined}
              onChange={(e) => set(key, e.currentTarget.checked)}
            />
            <span>{t(label)}</span>
          </label>
        ))}
        {TEXT_FIELDS.map(({ key, label, multiline, numeric }) => (
          <label class="field" key={key}>
            <span>{t(label)}</span>
            {multiline ? (
              <textarea
                name={key}
                rows={4}
                value={String(shown?.[key] ?? '')}
                disabled={!shown || locked(key)}
                aria-describedby={locked(key) ? 'wrap-up-locked' : undefined}
                onInput={(e) => set(key, e.currentTarget.value)}
              />
            ) : (
              <input
                type="text"
                name={key}
                spellcheck={false}
                autoComplete="off"
                {...(numeric ? { inputMode: 'numeric' as const } : {})}
                value={String(shown?.[key] ?? '')}
                disabled={!shown || locked(key)}
                aria-describedby={locked(key) ? 'wrap-up-locked' : undefined}
                onInput={(e) => set(key, e.currentTarget.value)}
              />
            )}
          </label>
        ))}
        <div class="button-row">
          <button type="submit" class="btn btn-primary" disabled={!shown || saver.pending}>
            {t('optionsSave')}
          </button>
        </div>
      </form>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
