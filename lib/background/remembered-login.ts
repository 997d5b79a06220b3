import browser from 'webextension-polyfill';
import { openSecret, sealSecret, type SealedSecret } from '../credentials/sealed-secret.ts';
import { indexedDbKeyStore } from '../credentials/indexeddb-key-store.ts';
import type { Credentials } from '../session/gws-session.ts';

const KEY = 'rememberedLogin';

interface RememberedLogin {
  serverUrl: string;
  username: string;
  password: SealedSecret;
}

/**
 * "Remember me": server and user in `storage.local`, the password only as AES-GCM ciphertext
 * under a non-extractable key kept in IndexedDB. Nothing is stored in plain text.
 */
export async function rememberLogin(credentials: Credentials): Promise<void> {
  const remembered: RememberedLogin = {
    serverUrl: credentials.serverUrl,
    username: credentials.username,
    password: await sealSecret(credentials.password, indexedDbKeyStore),
  };
  await browser.storage.local.set({ [KEY]: remembered });
}

export async function forgetLogin(): Promise<void> {
  await browser.storage.local.remove(KEY);
  await indexedDbKeyStore.delete();
}

export async function recallLogin(): Promise<Credentials | undefined> {
  const got = (await browser.storage.local.get(KEY))[KEY] as RememberedLogin | undefined;
  if (!got?.password) return undefined;
  const password = await openSecret(got.password, indexedDbKeyStore);
  if (password === undefined) return undefined;
  return { serverUrl: got.serverUrl, username: got.username, password };
}
