import type { KeyStore, SealedSecret } from './sealed-secret.ts';

const DB_NAME = 'gws-cti-keys';
const STORE_NAME = 'keys';
const KEY_ID = 'remember-me';
const LOGIN_ID = 'remember-me-login';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE_NAME);
  return request(req);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await request(fn(db.transaction(STORE_NAME, mode).objectStore(STORE_NAME)));
  } finally {
    db.close();
  }
}

/** Keeps the non-extractable wrapping key in the extension's IndexedDB (structured clone keeps CryptoKey). */
export const indexedDbKeyStore: KeyStore = {
  get: () => withStore('readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>),
  put: async (key) => {
    await withStore('readwrite', (s) => s.put(key, KEY_ID));
  },
  delete: async () => {
    await withStore('readwrite', (s) => s.delete(KEY_ID));
  },
};

/** The login "Remember me" keeps: server and user in clear, the password sealed. */
export interface RememberedLogin {
  serverUrl: string;
  username: string;
  password: SealedSecret;
}

/**
 * The remembered login sits beside its key, in the extension's own IndexedDB: content scripts
 * run in the page's origin and cannot open it, while `storage.local` is readable by them.
 */
export const indexedDbLoginStore = {
  get: () =>
    withStore('readonly', (s) => s.get(LOGIN_ID) as IDBRequest<RememberedLogin | undefined>),
  put: async (login: RememberedLogin) => {
    await withStore('readwrite', (s) => s.put(login, LOGIN_ID));
  },
  delete: async () => {
    await withStore('readwrite', (s) => s.delete(LOGIN_ID));
  },
};
