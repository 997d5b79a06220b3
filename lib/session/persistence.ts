/**
 * What must survive a service-worker restart: enough to resume the GWS session without
 * asking the agent again, and the last known call model so views show it at once.
 * In the extension this lives in `storage.session` (memory only, never written to disk,
 * readable only by extension pages and the background).
 */
export interface PersistedSession<TStore = unknown> {
  serverUrl: string;
  username: string;
  password: string;
  /** CSRF header of the live HTTP session, so a resumed worker can use the session as is. */
  csrf?: { header: string; token: string };
  store?: TStore;
  savedAt: number;
}

export interface SessionPersistence<TStore = unknown> {
  load(): Promise<PersistedSession<TStore> | undefined>;
  save(session: PersistedSession<TStore>): Promise<void>;
  clear(): Promise<void>;
}
