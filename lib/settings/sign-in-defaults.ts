import { readManagedSettings, type ManagedSettings } from '../background/managed-login.ts';
import { loadLoginDefaults, type LoginDefaults } from '../ui/login-defaults.ts';

/** Sign-in fields an administrator fixed by policy (managed storage). */
export interface SignInLocks {
  serverUrl: boolean;
  username: boolean;
  password: boolean;
  autoLogin: boolean;
}

export function signInLocks(managed: ManagedSettings): SignInLocks {
  return {
    serverUrl: managed.serverUrl !== undefined,
    username: managed.username !== undefined,
    password: managed.password !== undefined,
    autoLogin: managed.autoLogin !== undefined,
  };
}

/** The last sign-in's server and user, with whatever policy sets taking their place. */
export function withManaged(saved: LoginDefaults, managed: ManagedSettings): LoginDefaults {
  return {
    serverUrl: managed.serverUrl ?? saved.serverUrl,
    username: managed.username ?? saved.username,
  };
}

/** What the sign-in form starts with: policy values first, else the last sign-in. */
export async function loadSignInDefaults(): Promise<LoginDefaults> {
  const [saved, managed] = await Promise.all([loadLoginDefaults(), readManagedSettings()]);
  return withManaged(saved, managed);
}
