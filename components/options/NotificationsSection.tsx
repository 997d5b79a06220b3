import { t } from '@/lib/i18n/messages';
import { OptionsSection } from './OptionsSection';
import { Field } from '../Field';
import { SaveStatus, useSaver } from './SaveStatus';
import { useStoredText } from './useStoredText';

interface Props {
  /** Desktop notifications for incoming calls; undefined while unknown. */
  desktop?: boolean;
  /** Attached-data key whose value the notification shows ('' = none); undefined while unknown. */
  userDataKey?: string;
  ringTone: boolean;
  onDesktop: (on: boolean) => Promise<void>;
  onUserDataKey: (key: string) => Promise<void>;
  onRingTone: (on: boolean) => Promise<void>;
  /** Plays one ring here, inside the click (so autoplay rules allow it). */
  playSample: () => Promise<void>;
}

/**
 * How an incoming call is announced outside the page: a desktop notification (with one
 * chosen attached-data value) and the optional ring tone.
 */
export function NotificationsSection(props: Props) {
  const { desktop, userDataKey, ringTone } = props;
  const saver = useSaver();
  const [key, setKey] = useStoredText(userDataKey);
  const save = (task: () => Promise<void>) => void saver.run(t('optionsSaveFailed'), task);

  return (
    <OptionsSection id="notifications" title={t('optionsNotificationsTitle')}>
      <label class="checkbox">
        <input
          type="checkbox"
          name="desktopNotifications"
          checked={desktop === true}
          disabled={desktop === undefined || saver.pending}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            save(() => props.onDesktop(on));
          }}
        />
        <span>{t('optionsDesktopNotifications')}</span>
      </label>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const next = key.trim();
          save(() => props.onUserDataKey(next));
        }}
      >
        <Field
          label={t('optionsNotificationUserDataKey')}
          attrs={{ 'aria-describedby': 'notification-key-help' }}
        >
          {(attrs) => (
            <input
              type="text"
              name="notificationUserDataKey"
              value={key}
              spellcheck={false}
              autoComplete="off"
              {...attrs}
              disabled={userDataKey === undefined || desktop === false}
              onInput={(e) => setKey(e.currentTarget.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          class="btn btn-plain"
          disabled={userDataKey === undefined || desktop === false || saver.pending}
        >
          {t('optionsSave')}
        </button>
      </form>
      <p class="muted help-text" id="notification-key-help">
        {t('optionsNotificationUserDataKeyHelp')}
      </p>
      <label class="checkbox">
        <input
          type="checkbox"
          name="ringTone"
          checked={ringTone}
          disabled={saver.pending}
          aria-describedby="ring-tone-help"
          onChange={(e) => {
            const on = e.currentTarget.checked;
            save(() => props.onRingTone(on));
          }}
        />
        <span>{t('optionsRingTone')}</span>
      </label>
      <p class="muted help-text" id="ring-tone-help">
        {t('optionsRingToneHelp')}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="btn btn-plain"
          onClick={() =>
            void saver.run(t('optionsRingSampleFailed'), async () => {
              await props.playSample();
              return t('optionsRingSamplePlayed');
            })
          }
        >
          <span aria-hidden="true">♪ </span>
          {t('optionsRingSample')}
        </button>
      </div>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
