import browser from 'webextension-polyfill';
import { openSecret, sealSecret } from '../credentials/sealed-secret.ts';
import {
  indexedDbKeyStore,
  indexedDbLoginStore,
  type RememberedLogin,
} from '../credentials/indexeddb-key-store.ts';
import type { Credentials } from '../session/gws-session.ts';
import { readManagedPolicy, type ManagedPolicy } from '../settings/managed-policy.ts';

/** Where earlier versions kept the remembered login; content scripts can read `storage.local`. */
const LEGACY_KEY = 'rememberedLogin';

/** "Remember me" is allowed unless policy says `allowRememberMe: false`. */
export function rememberMeAllowed(policy: Pick<ManagedPolicy, 'allowRememberMe'>): boolean {
  return policy.allowRememberMe !== false;
}

/**
 * "Remember me": server, user and the password sealed with AES-GCM, all in the extension's
 * IndexedDB beside the non-extractable key. This keeps the password from content scripts,
 * page scripts and storage dumps; it does not keep it from someone holding a copy of the
 * browser profile (see `KeyStore` in sealed-secret.ts). Refused (and anything kept removed)
 * when policy turns it off.
 */
export async function rememberLogin(credentials: Credentials): Promise<void> {
  if (!rememberMeAllowed(await readManagedPolicy())) return forgetLogin();
  await indexedDbLoginStore.put({
    serverUrl: credentials.serverUrl,
    username: credentials.username,
    password: await sealSecret(credentials.password, indexedDbKeyStore),
  });
  await browser.storage.local.remove(LEGACY_KEY);
}

export async function forgetLogin(): Promise<void> {
  await browser.storage.local.remove(LEGACY_KEY);
  await indexedDbLoginStore.delete();
  await indexedDbKeyStore.delete();
}

/** Moves a login remembered by an earlier version out of `storage.local`, at every start. */
export async function moveLegacyLogin(): Promise<void> {
  const legacy = (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY] as
    RememberedLogin | undefined;
  if (legacy?.password) await indexedDbLoginStore.put(legacy);
  await browser.storage.local.remove(LEGACY_KEY);
}

export async function recallLogin(): Promise<Credentials | undefined> {
  const got = await indexedDbLoginStore.get();
  if (!got?.password) return undefined;
  const password = await openSecret(got.password, indexedDbKeyStore);
  if (password === undefined) return undefined;
  return { serverUrl: got.serverUrl, username: got.username, password };
}
