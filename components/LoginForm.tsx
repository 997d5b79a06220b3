import { useState } from 'preact/hooks';
import type { LoginRequest } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/messages';
import { checkServerUrl, type LoginDefaults } from '@/lib/settings/login-defaults';
import type { ErrorText } from '@/lib/errors/describe-error';
import { PendingButton } from './PendingButton';
import { Field } from './Field';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  defaults: LoginDefaults;
  pending: boolean;
  /** Why the last attempt failed, if it did. */
  error?: ErrorText;
  onSubmit: (request: LoginRequest) => void;
}

/** Server, user, password and "remember me"; checks the form before anything is sent. */
export function LoginForm({ defaults, pending, error, onSubmit }: Props) {
  const [serverUrl, setServerUrl] = useState(defaults.serverUrl);
  const [username, setUsername] = useState(defaults.username);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = (event: Event) => {
    event.preventDefault();
    if (pending) return;
    const url = checkServerUrl(serverUrl);
    if (!url) return setProblem(t('loginInvalidServerUrl'));
    if (!username.trim()) return setProblem(t('loginMissingUser'));
    setProblem(undefined);
    const keep = remember && defaults.rememberAllowed !== false;
    onSubmit({ serverUrl: url, username: username.trim(), password, remember: keep });
  };

  return (
    <form class="login" onSubmit={submit} aria-labelledby="login-title" noValidate>
      <h2 id="login-title">{t('loginTitle')}</h2>
      <Field label={t('loginServerUrl')}>
        {(attrs) => (
          <input
            type="url"
            name="serverUrl"
            value={serverUrl}
            autoComplete="url"
            spellcheck={false}
            {...attrs}
            onInput={(e) => setServerUrl(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t('loginUser')}>
        {(attrs) => (
          <input
            type="text"
            name="username"
            value={username}
            autoComplete="username"
            spellcheck={false}
            {...attrs}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t('loginPassword')}>
        {(attrs) => (
          <input
            type="password"
            name="password"
            value={password}
            autoComplete="current-password"
            {...attrs}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        )}
      </Field>
      {defaults.rememberAllowed !== false ? (
        <label class="checkbox">
          <input
            type="checkbox"
            name="remember"
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
          />
          <span>{t('loginRemember')}</span>
        </label>
      ) : null}
      {problem ? (
        <p class="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {error && !problem ? <ErrorNotice action={t('loginFailed')} error={error} /> : null}
      <PendingButton type="submit" variant="primary" label={t('loginSubmit')} pending={pending} />
    </form>
  );
}
