import type { Credentials } from '../session/gws-session.ts';
import { agentSettings } from '../settings/agent-settings.ts';
import { managedCredentials, readManagedSettings, type ManagedSettings } from './managed-login.ts';
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
export function mayUseRememberedLogin(managed: ManagedSettings, signInAtStartup: boolean): boolean {
  return managed.autoLogin ?? signInAtStartup;
}

/**
 * The credentials a browser start signs in with: the policy's when it provides all of them
 * and asks for it, else the remembered login when policy and settings allow it, else none.
 */
export async function startupCredentials(): Promise<Credentials | undefined> {
  const managed = await readManagedSettings();
  const fromPolicy = managedCredentials(managed);
  if (fromPolicy) return fromPolicy;
  if (!rememberMeAllowed(managed)) {
    // Turned off by policy after a login was remembered: it goes now.
    await forgetLogin().catch(() => undefined);
    return undefined;
  }
  await moveLegacyLogin().catch(() => undefined);
  const settings = await agentSettings.get().catch(() => agentSettings.defaults());
  if (!mayUseRememberedLogin(managed, settings.signInAtStartup)) return undefined;
  return recallLogin().catch(() => undefined);
}
