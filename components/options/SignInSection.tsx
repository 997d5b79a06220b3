import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { checkServerUrl, type LoginDefaults } from '@/lib/settings/login-defaults';
import type { SignInLocks } from '@/lib/settings/sign-in-defaults';
import { PendingButton } from '../PendingButton';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { Field } from '../Field';
import { SaveStatus, useSaver } from './SaveStatus';

export interface SignInValues extends LoginDefaults {
  signInAtStartup: boolean;
}

interface Props {
  values: SignInValues;
  locks: SignInLocks;
  onSave: (values: SignInValues) => Promise<void>;
}

/**
 * The GWS server and user the sign-in form starts with, and whether a browser start signs
 * in by itself. Fields an administrator set by policy are shown, read-only, with a note.
 */
export function SignInSection({ values, locks, onSave }: Props) {
  const [serverUrl, setServerUrl] = useState(values.serverUrl);
  const [username, setUsername] = useState(values.username);
  const [atStartup, setAtStartup] = useState(values.signInAtStartup);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const saver = useSaver();

  const submit = (event: Event) => {
    event.preventDefault();
    if (saver.pending) return;
    const url = locks.serverUrl ? values.serverUrl : checkServerUrl(serverUrl);
    if (!url) return setProblem(t('loginInvalidServerUrl'));
    setProblem(undefined);
    void saver.run(t('optionsSaveFailed'), async () => {
      await onSave({ serverUrl: url, username: username.trim(), signInAtStartup: atStartup });
      setServerUrl(url);
    });
  };

  return (
    <OptionsSection id="sign-in" title={t('optionsSignInTitle')} help={t('optionsSignInHelp')}>
      <form class="options-form" onSubmit={submit} noValidate>
        <Field
          label={t('loginServerUrl')}
          lockedId={locks.serverUrl ? 'server-locked' : undefined}
          problem={problem ? { id: 'server-problem', text: problem, announce: true } : undefined}
        >
          {(attrs) => (
            <input
              type="url"
              name="serverUrl"
              value={serverUrl}
              spellcheck={false}
              readOnly={locks.serverUrl}
              {...attrs}
              onInput={(e) => setServerUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('loginUser')} lockedId={locks.username ? 'user-locked' : undefined}>
          {(attrs) => (
            <input
              type="text"
              name="username"
              value={username}
              spellcheck={false}
              autoComplete="username"
              readOnly={locks.username}
              {...attrs}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          )}
        </Field>
        {locks.password ? <p class="muted">{t('optionsPasswordLocked')}</p> : null}
        <label class="checkbox">
          <input
            type="checkbox"
            name="signInAtStartup"
            checked={atStartup}
            disabled={locks.autoLogin}
            aria-describedby={locks.autoLogin ? 'startup-locked' : undefined}
            onChange={(e) => setAtStartup(e.currentTarget.checked)}
          />
          <span>{t('optionsSignInAtStartup')}</span>
        </label>
        {locks.autoLogin ? <LockedNote id="startup-locked" /> : null}
        <div class="button-row">
          <PendingButton
            type="submit"
            variant="primary"
            label={t('optionsSave')}
            pending={saver.pending}
          />
        </div>
        <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
      </form>
    </OptionsSection>
  );
}
