import browser from 'webextension-polyfill';
import type { PartyNameResolver } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { ViewState } from '../messaging/view-state.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { GwsApiError, GwsAuthError } from '../gws/errors.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { agentKey } from '../history/call-history-book.ts';
import { readUserList } from '../directory/parse-users.ts';
import { directoryNameResolver } from '../directory/entries.ts';
import {
  DIRECTORY_DEFAULTS,
  directorySettings,
  loadDirectorySettingsInForce,
  type DirectorySettings,
} from '../directory/directory-settings.ts';
import {
  emptyAgentDirectory,
  type AgentDirectory,
  type AgentListStatus,
} from '../directory/types.ts';
import { AGENT_DIRECTORY_KEY, readAgentDirectory } from '../directory/agent-directory.ts';

/** A list older than this is read again when a picker opens; names use it meanwhile. */
export const AGENT_LIST_MAX_AGE_MS = 60_000;

/** When the list is read again: only if it is stale, or now (the agent asked). */
export type AgentListRefresh = 'if-stale' | 'now';

export interface DirectoryOptions {
  session: () => GwsSession;
  diagnostics: () => Pick<DiagnosticsLog, 'record'>;
  now?: () => number;
}

/**
 * The agents GWS lists, for the transfer and dial directory and for naming internal parties:
 * read once per sign-in and again when a picker opens on a stale list (never polled), kept in
 * `storage.session` (a worker restart keeps the names; views watch it). A refusal or failure is
 * recorded as the list's status: the directory then works with favourites and recents only.
 */
export class Directory {
  private readonly options: DirectoryOptions;
  private readonly now: () => number;
  private current: AgentDirectory = emptyAgentDirectory();
  private settings: DirectorySettings = DIRECTORY_DEFAULTS;
  private resolver: PartyNameResolver = () => undefined;
  private inFlight: Promise<AgentDirectory> | undefined;
  private signedInAs = '';
  private restored: Promise<void> = Promise.resolve();

  constructor(options: DirectoryOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Restores the list of the previous worker and follows the favourites. */
  start(): void {
    this.restored = browser.storage.session
      .get(AGENT_DIRECTORY_KEY)
      .then((got) => {
        const saved = readAgentDirectory(got[AGENT_DIRECTORY_KEY]);
        if (this.current.fetchedAt === 0) this.use(saved);
      })
      .catch(() => undefined);
    const reloadSettings = () =>
      loadDirectorySettingsInForce().then(
        (settings) => {
          this.settings = settings;
          this.rebuildNames();
        },
        () => undefined,
      );
    void reloadSettings();
    directorySettings.watch(() => void reloadSettings());
  }

  /** Names internal parties: an agent's DN, a favourite's number. */
  readonly resolveName: PartyNameResolver = (party) => this.resolver(party);

  /** Every change of the session's view: sign-in reads the list, sign-out forgets it. */
  onChange(view: ViewState): void {
    const connected = view.calls.connection.kind === 'connected';
    const agent = view.username && view.serverUrl ? agentKey(view.username, view.serverUrl) : '';
    if (agent === this.signedInAs) {
      if (connected && agent && this.current.agent !== agent) void this.agents('if-stale');
      return;
    }
    const previous = this.signedInAs;
    this.signedInAs = agent;
    if (view.calls.connection.kind === 'loggedOut' && previous) void this.signedOut();
    if (agent === '') return;
    if (connected) void this.agents('now');
  }

  /** The agent list for a view; read from GWS first when stale (or `now`). */
  async agents(refresh: AgentListRefresh): Promise<AgentDirectory> {
    await this.restored;
    const agent = this.signedInAs;
    if (!agent) return emptyAgentDirectory();
    const fresh =
      this.current.agent === agent &&
      this.current.status !== 'none' &&
      this.now() - this.current.fetchedAt < AGENT_LIST_MAX_AGE_MS;
    if (refresh === 'if-stale' && fresh) return this.current;
    this.inFlight ??= this.read(agent).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async read(agent: string): Promise<AgentDirectory> {
    const session = this.options.session();
    let status: AgentListStatus = 'ok';
    let agents = this.current.agent === agent ? this.current.agents : [];
    try {
      const rest = session.client;
      const user = session.calls.agent.user;
      const body = await rest.getUsers();
      const reading = readUserList(body, rest.apiBaseUrl, {
        ...(user?.id ? { userId: user.id } : {}),
        ...(user?.userName ? { userName: user.userName } : {}),
      });
      if (reading.listed) agents = reading.agents;
      else status = 'unavailable';
    } catch (error) {
      // statusCode 3/5 or a 403 that a new login did not cure: this user may not list users.
      const refused =
        error instanceof GwsAuthError ||
        (error instanceof GwsApiError && (error.statusCode === 3 || error.statusCode === 5));
      status = refused ? 'forbidden' : 'unavailable';
      this.options.diagnostics().record('session', 'agent list not read', serializeError(error));
    }
    if (this.signedInAs !== agent) return emptyAgentDirectory();
    const next: AgentDirectory = { agent, status, agents, fetchedAt: this.now() };
    this.use(next);
    await browser.storage.session.set({ [AGENT_DIRECTORY_KEY]: next }).catch(() => undefined);
    return next;
  }

  private use(directory: AgentDirectory): void {
    this.current = directory;
    this.rebuildNames();
  }

  private rebuildNames(): void {
    const agents = this.current.agent === this.signedInAs ? this.current.agents : [];
    this.resolver = directoryNameResolver(agents, this.settings);
  }

  /** Sign-out: the list goes (recent destinations are `RecentDestinations`' to clear). */
  private async signedOut(): Promise<void> {
    this.use(emptyAgentDirectory());
    await browser.storage.session.remove(AGENT_DIRECTORY_KEY).catch(() => undefined);
  }
}
