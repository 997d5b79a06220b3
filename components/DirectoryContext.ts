import { createContext } from 'preact';
import type { AgentListStatus, DirectoryEntry } from '@/lib/directory/types';

/** What destination fields (transfer form, dial pad, a monitoring form) offer to pick from. */
export interface DirectoryData {
  entries: readonly DirectoryEntry[];
  agentStatus: AgentListStatus;
  /** Reads the agent list again if it is stale (a picker opened). */
  refresh: () => void;
}

/** Without a provider (tests of other parts): an empty directory, no agent notice. */
export const DirectoryContext = createContext<DirectoryData>({
  entries: [],
  agentStatus: 'ok',
  refresh: () => undefined,
});
