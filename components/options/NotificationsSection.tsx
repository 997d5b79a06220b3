import { t } from '@/lib/ui/i18n';
import { OptionsSection } from './OptionsSection';
import { SaveStatus, useSaver } from './SaveStatus';

interface Props {
  /** Desktop notifications for incoming calls; undefined while unknown. */
  desktop?: boolean;
  sound: boolean;
  onDesktop: (on: boolean) => Promise<void>;
  onSound: (on: boolean) => Promise<void>;
}

/** How an incoming call is announced outside the page: a desktop notification, its sound. */
export function NotificationsSection({ desktop, sound, onDesktop, onSound }: Props) {
  const saver = useSaver();
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
            void saver.run(t('optionsSaveFailed'), () => onDesktop(on));
          }}
        />
        <span>{t('optionsDesktopNotifications')}</span>
      </label>
      <label class="checkbox">
        <input
          type="checkbox"
          name="notificationSound"
          checked={sound}
          disabled={desktop === false || saver.pending}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void saver.run(t('optionsSaveFailed'), () => onSound(on));
          }}
        />
        <span>{t('optionsNotificationSound')}</span>
      </label>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
