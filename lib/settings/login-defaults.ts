import browser from 'webextension-polyfill';

/** The simulator's address: what a new installation signs in to unless told otherwise. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8090';

const KEY = 'lastLogin';

/** Server and user of the last sign-in, to prefill the form. Never the password. */
export interface LoginDefaults {
  serverUrl: string;
  username: string;
  /**
   * False when policy turned "Remember me" off (`allowRememberMe`): the box is not shown.
   * Set from the policy by sign-in-defaults.ts.
   */
  rememberAllowed?: boolean;
}

export async function loadLoginDefaults(): Promise<LoginDefaults> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<LoginDefaults> | undefined;
  return {
    serverUrl: typeof stored?.serverUrl === 'string' ? stored.serverUrl : DEFAULT_SERVER_URL,
    username: typeof stored?.username === 'string' ? stored.username : '',
  };
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
