import browser from 'webextension-polyfill';
import type { PersistedSession, SessionPersistence } from '../session/persistence.ts';

const KEY = 'gwsSession';

/** SessionPersistence on `storage.session`: in memory only, cleared when the browser closes. */
export function storageSessionPersistence<TStore>(): SessionPersistence<TStore> {
  return {
    load: async () => {
      const got = await browser.storage.session.get(KEY);
      return got[KEY] as PersistedSession<TStore> | undefined;
    },
    save: async (session) => {
      await browser.storage.session.set({ [KEY]: session });
    },
    clear: async () => {
      await browser.storage.session.remove(KEY);
    },
  };
}
