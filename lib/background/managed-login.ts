import browser from 'webextension-polyfill';
import type { Credentials } from '../session/gws-session.ts';

/** Settings an administrator set by policy (public/managed-schema.json). */
export interface ManagedSettings {
  serverUrl?: string;
  username?: string;
  password?: string;
  autoLogin?: boolean;
  /** False: "Remember me" is not offered and nothing is remembered. */
  allowRememberMe?: boolean;
}

export async function readManagedSettings(): Promise<ManagedSettings> {
  try {
    const raw = (await browser.storage.managed.get()) as Record<string, unknown>;
    const out: ManagedSettings = {};
    if (typeof raw.serverUrl === 'string') out.serverUrl = raw.serverUrl;
    if (typeof raw.username === 'string') out.username = raw.username;
    if (typeof raw.password === 'string') out.password = raw.password;
    if (typeof raw.autoLogin === 'boolean') out.autoLogin = raw.autoLogin;
    if (typeof raw.allowRememberMe === 'boolean') out.allowRememberMe = raw.allowRememberMe;
    return out;
  } catch {
    // No policy installed (Firefox without policies.json throws here): nothing managed.
    return {};
  }
}

/** Credentials for automatic sign-in, when policy provides all of them and asks for it. */
export function managedCredentials(settings: ManagedSettings): Credentials | undefined {
  const { serverUrl, username, password, autoLogin } = settings;
  if (!autoLogin || !serverUrl || !username || password === undefined) return undefined;
  return { serverUrl, username, password };
}
