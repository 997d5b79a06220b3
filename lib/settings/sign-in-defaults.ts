import { loadLoginDefaults, type LoginDefaults } from './login-defaults.ts';
import { readPolicyView, type PolicyView } from './policy-view.ts';

/** Sign-in fields an administrator fixed by policy (managed storage). */
export interface SignInLocks {
  serverUrl: boolean;
  username: boolean;
  password: boolean;
  autoLogin: boolean;
}

export function signInLocks(policy: PolicyView): SignInLocks {
  return {
    serverUrl: policy.serverUrl !== undefined,
    username: policy.username !== undefined,
    password: policy.passwordSet,
    autoLogin: policy.autoLogin !== undefined,
  };
}

/** The last sign-in's server and user, with whatever policy sets taking their place. */
export function withManaged(saved: LoginDefaults, policy: PolicyView): LoginDefaults {
  return {
    serverUrl: policy.serverUrl ?? saved.serverUrl,
    username: policy.username ?? saved.username,
    ...(policy.allowRememberMe === false ? { rememberAllowed: false } : {}),
  };
}

/** What the sign-in form starts with: policy values first, else the last sign-in. */
export async function loadSignInDefaults(): Promise<LoginDefaults> {
  const [saved, policy] = await Promise.all([loadLoginDefaults(), readPolicyView()]);
  return withManaged(saved, policy);
}
