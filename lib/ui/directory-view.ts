import { signal, type Signal } from '@preact/signals';
import type { PartyNameResolver } from '../calls/index.ts';
import { AGENT_DIRECTORY_KEY, readAgentDirectory } from '../directory/agent-directory.ts';
import {
  DIRECTORY_DEFAULTS,
  directorySettings,
  loadDirectorySettingsInForce,
  type DirectorySettings,
} from '../directory/directory-settings.ts';
import { directoryEntries, directoryNameResolver } from '../directory/entries.ts';
import {
  decodeRecentBook,
  RECENT_DESTINATIONS_KEY,
  recentOf,
  type RecentBook,
} from '../directory/recent-destinations.ts';
import {
  emptyAgentDirectory,
  type AgentDirectory,
  type DirectoryEntry,
} from '../directory/types.ts';
import { watchStored } from './stored-value.ts';
import { sendCommand } from '../messaging/client.ts';

/**
 * What a view knows of the directory: the agent list the background keeps in
 * `storage.session`, the favourites and speed dials in force, the recent destinations in
 * `storage.local`; each followed as it changes. Views never ask GWS themselves, nor write the
 * recent destinations: the background records every destination GWS accepted.
 */
export interface DirectoryView {
  readonly agents: Signal<AgentDirectory>;
  readonly settings: Signal<DirectorySettings>;
  readonly recent: Signal<RecentBook>;
  /** Names internal parties from the directory (an agent's DN, a favourite's number). */
  readonly resolveName: PartyNameResolver;
  /** The picker's entries for the signed-in agent (`agentKey`). */
  entries(agent: string): DirectoryEntry[];
  /** Asks the background to read the agent list again if it is stale (a picker opened). */
  refresh(): void;
  stop(): void;
}

export interface DirectoryViewOptions {
  /** How the background is asked (default: `directory.agents` over runtime messaging). */
  refreshAgents?: () => Promise<unknown>;
}

export function createDirectoryView(options: DirectoryViewOptions = {}): DirectoryView {
  const refreshAgents =
    options.refreshAgents ?? (() => sendCommand('directory.agents', { refresh: 'if-stale' }));
  const agents = signal<AgentDirectory>(emptyAgentDirectory());
  const settings = signal<DirectorySettings>(DIRECTORY_DEFAULTS);
  const recent = signal<RecentBook>({ agents: {} });
  let resolver: PartyNameResolver = () => undefined;
  const rebuild = () => {
    resolver = directoryNameResolver(agents.peek().agents, settings.peek());
  };
  const reloadSettings = () =>
    loadDirectorySettingsInForce().then(
      (value) => {
        settings.value = value;
        rebuild();
      },
      () => undefined,
    );
  void reloadSettings();
  const stops = [
    watchStored('session', AGENT_DIRECTORY_KEY, (raw) => {
      agents.value = readAgentDirectory(raw);
      rebuild();
    }),
    watchStored('local', RECENT_DESTINATIONS_KEY, (raw) => {
      recent.value = decodeRecentBook(raw);
    }),
    directorySettings.watch(() => void reloadSettings()),
  ];
  return {
    agents,
    settings,
    recent,
    resolveName: (party) => resolver(party),
    refresh: () => void refreshAgents().catch(() => undefined),
    entries(agent) {
      const list = agents.value;
      return directoryEntries(
        settings.value,
        recentOf(recent.value, agent),
        list.agent === agent ? list.agents : [],
      );
    },
    stop() {
      for (const stop of stops) stop();
    },
  };
}
