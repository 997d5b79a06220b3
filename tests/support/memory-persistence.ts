import type { SessionPersistence, PersistedSession } from '../../lib/session/persistence.ts';

/**
 * Persistence for Node tests, where `storage.session` does not exist. Handing the same
 * object to a second session is what a service-worker restart looks like: memory gone,
 * storage.session kept. Values are cloned both ways like the real storage does.
 */
export function memoryPersistence<TStore>(): SessionPersistence<TStore> {
  let saved: PersistedSession<TStore> | undefined;
  return {
    load: async () => (saved ? structuredClone(saved) : undefined),
    save: async (session) => {
      saved = structuredClone(session);
    },
    clear: async () => {
      saved = undefined;
    },
  };
}
