import type { Credentials } from '../session/gws-session.ts';
import { agentSettings } from '../settings/agent-settings.ts';
import { readManagedPolicy, type ManagedPolicy } from '../settings/managed-policy.ts';
import {
  forgetLogin,
  moveLegacyLogin,
  recallLogin,
  rememberMeAllowed,
} from './remembered-login.ts';

/**
 * Whether a browser start may sign in with the login kept by "Remember me": the policy's
 * `autoLogin` when an administrator set it, else the agent's own setting.
 */
export function mayUseRememberedLogin(
  policy: Pick<ManagedPolicy, 'autoLogin'>,
  signInAtStartup: boolean,
): boolean {
  return policy.autoLogin ?? signInAtStartup;
}

/** Credentials for automatic sign-in, when policy provides all of them and asks for it. */
export function managedCredentials(policy: ManagedPolicy): Credentials | undefined {
  const { serverUrl, username, password, autoLogin } = policy;
  if (!autoLogin || !serverUrl || !username || password === undefined) return undefined;
  return { serverUrl, username, password };
}

/**
 * The credentials a browser start signs in with: the policy's when it provides all of them
 * and asks for it, else the remembered login when policy and settings allow it, else none.
 */
export async function startupCredentials(): Promise<Credentials | undefined> {
  const policy = await readManagedPolicy();
  const fromPolicy = managedCredentials(policy);
  if (fromPolicy) return fromPolicy;
  if (!rememberMeAllowed(policy)) {
    // Turned off by policy after a login was remembered: it goes now.
    await forgetLogin().catch(() => undefined);
    return undefined;
  }
  await moveLegacyLogin().catch(() => undefined);
  const settings = await agentSettings.get().catch(() => agentSettings.defaults());
  if (!mayUseRememberedLogin(policy, settings.signInAtStartup)) return undefined;
  return recallLogin().catch(() => undefined);
}
