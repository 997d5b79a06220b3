import browser from 'webextension-polyfill';

/** The simulator's address: what a new installation signs in to unless told otherwise. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8090';

const KEY = 'lastLogin';

/** Server and user of the last sign-in, to prefill the form. Never the password. */
export interface LoginDefaults {
  serverUrl: string;
  username: string;
  /** False when policy turned "Remember me" off (`allowRememberMe`): the box is not shown. */
  rememberAllowed?: boolean;
}

export async function loadLoginDefaults(): Promise<LoginDefaults> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<LoginDefaults> | undefined;
  const defaults: LoginDefaults = {
    serverUrl: typeof stored?.serverUrl === 'string' ? stored.serverUrl : DEFAULT_SERVER_URL,
    username: typeof stored?.username === 'string' ? stored.username : '',
  };
  if ((await readAllowRememberMe()) === false) defaults.rememberAllowed = false;
  return defaults;
}

/** The policy's `allowRememberMe`; undefined without a policy (Firefox without one throws). */
async function readAllowRememberMe(): Promise<boolean | undefined> {
  try {
    const value = (await browser.storage.managed.get('allowRememberMe')).allowRememberMe;
    return typeof value === 'boolean' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function saveLoginDefaults(defaults: LoginDefaults): Promise<void> {
  await browser.storage.local.set({
    [KEY]: { serverUrl: defaults.serverUrl, username: defaults.username },
  });
}

/** A server URL the extension can use: http(s) with a host. Returns the normalized text. */
export function checkServerUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
