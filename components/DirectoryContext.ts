import { createContext } from 'preact';
import type { AgentListStatus, DirectoryEntry } from '@/lib/directory/types';

/**
 * What destination fields (transfer form, dial pad, a monitoring form) offer to pick from, and
 * what the dial plan makes of a number typed there.
 */
export interface DirectoryData {
  entries: readonly DirectoryEntry[];
  agentStatus: AgentListStatus;
  /** Reads the agent list again if it is stale (a picker opened). */
  refresh: () => void;
  /**
   * The number the switch will be asked to dial for `dial`, as the "Dials …" line shows it,
   * when the dial plan in force rewrites it; undefined when it goes out as typed.
   */
  dialsAs?: (dial: string) => string | undefined;
}

/** Without a provider (tests of other parts): an empty directory, no agent notice. */
export const DirectoryContext = createContext<DirectoryData>({
  entries: [],
  agentStatus: 'ok',
  refresh: () => undefined,
});
