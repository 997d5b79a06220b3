import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import {
  MAX_IDLE_MINUTES,
  MIN_IDLE_MINUTES,
  type AwaySettingsValue,
} from '@/lib/settings/away-settings';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { SaveStatus, useSaver } from './SaveStatus';
import { Field } from '../Field';

interface Props {
  /** The agent's own settings; undefined while loading. */
  settings?: AwaySettingsValue;
  /** What policy sets (those fields are shown locked, with the policy's value). */
  managed: Partial<AwaySettingsValue>;
  onSave: (next: AwaySettingsValue) => Promise<void>;
}

interface Draft {
  notReadyOnLock: boolean;
  notReadyOnIdle: boolean;
  idleMinutes: string;
  notReadyState: string;
}

const toDraft = (s: AwaySettingsValue): Draft => ({ ...s, idleMinutes: String(s.idleMinutes) });

/**
 * Automatic Not Ready when the workstation locks or the agent is idle, the idle time and the
 * Not Ready state to use. Saved together; the minutes are checked first (nothing is saved
 * while they are not a whole number in range).
 */
export function AwaySection({ settings, managed, onSave }: Props) {
  const saver = useSaver();
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [minutesProblem, setMinutesProblem] = useState(false);
  const inForce = settings ? { ...settings, ...managed } : undefined;
  const shown = draft ?? (inForce ? toDraft(inForce) : undefined);
  const locked = (key: keyof AwaySettingsValue) => managed[key] !== undefined;
  const lockedId = (key: keyof AwaySettingsValue) => (locked(key) ? 'away-locked' : undefined);
  const set = (patch: Partial<Draft>) => shown && setDraft({ ...shown, ...patch });

  const save = () => {
    if (!settings || !shown) return;
    const minutes = Number(shown.idleMinutes.trim());
    const minutesOk =
      Number.isInteger(minutes) && minutes >= MIN_IDLE_MINUTES && minutes <= MAX_IDLE_MINUTES;
    setMinutesProblem(!minutesOk);
    if (!minutesOk) return;
    const next: AwaySettingsValue = {
      notReadyOnLock: shown.notReadyOnLock,
      notReadyOnIdle: shown.notReadyOnIdle,
      idleMinutes: minutes,
      notReadyState: shown.notReadyState.trim(),
    };
    // What policy sets stays the agent's own value underneath; policy keeps winning.
    for (const key of Object.keys(managed) as Array<keyof AwaySettingsValue>) {
      (next as Record<string, unknown>)[key] = settings[key];
    }
    void saver.run(t('optionsSaveFailed'), async () => {
      await onSave(next);
      setDraft(undefined);
    });
  };

  return (
    <OptionsSection id="away" title={t('optionsAwayTitle')} help={t('optionsAwayHelp')}>
      {Object.keys(managed).length > 0 ? <LockedNote id="away-locked" /> : null}
      <form
        class="stack-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {(['notReadyOnLock', 'notReadyOnIdle'] as const).map((key) => (
          <label class="checkbox" key={key}>
            <input
              type="checkbox"
              name={key}
              checked={shown?.[key] === true}
              disabled={!shown || locked(key)}
              aria-describedby={lockedId(key)}
              onChange={(e) => set({ [key]: e.currentTarget.checked })}
            />
            <span>{t(key === 'notReadyOnLock' ? 'optionsAwayOnLock' : 'optionsAwayOnIdle')}</span>
          </label>
        ))}
        <Field
          label={t('optionsAwayIdleMinutes')}
          problem={
            minutesProblem
              ? {
                  id: 'away-minutes-problem',
                  text: t('optionsAwayIdleMinutesInvalid', [
                    String(MIN_IDLE_MINUTES),
                    String(MAX_IDLE_MINUTES),
                  ]),
                }
              : undefined
          }
          attrs={lockedId('idleMinutes') ? { 'aria-describedby': 'away-locked' } : {}}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="text"
              inputMode="numeric"
              name="idleMinutes"
              value={shown?.idleMinutes ?? ''}
              disabled={!shown || locked('idleMinutes')}
              onInput={(e) => set({ idleMinutes: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t('optionsAwayState')}
          help={{ id: 'away-state-help', text: t('optionsAwayStateHelp') }}
          attrs={lockedId('notReadyState') ? { 'aria-describedby': 'away-locked' } : {}}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="text"
              name="notReadyState"
              spellcheck={false}
              autoComplete="off"
              value={shown?.notReadyState ?? ''}
              disabled={!shown || locked('notReadyState')}
              onInput={(e) => set({ notReadyState: e.currentTarget.value })}
            />
          )}
        </Field>
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
