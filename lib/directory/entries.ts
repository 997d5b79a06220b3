/**
 * The directory as the picker shows it, put together from its four sources, and the names it
 * gives to the numbers it knows (an internal call from a colleague's DN shows the colleague).
 */
import type { PartyNameResolver } from '../calls/other-party.ts';
import { adminDirectoryEntries } from './admin-entries.ts';
import type { DirectorySettings } from './directory-settings.ts';
import { recentDirectoryEntries, type RecentDestination } from './recent-destinations.ts';
import type { DirectoryAgent, DirectoryEntry } from './types.ts';

function digits(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

export function agentEntry(agent: DirectoryAgent): DirectoryEntry {
  return {
    kind: 'agent',
    name: agent.name,
    number: agent.dn ?? '',
    destinationKind: 'agent',
    agent,
  };
}

/**
 * Speed dials, favourites, recent destinations (named after the agent whose DN they are, when
 * they were typed) and agents, in that order.
 */
export function directoryEntries(
  settings: DirectorySettings,
  recent: readonly RecentDestination[],
  agents: readonly DirectoryAgent[],
): DirectoryEntry[] {
  const byDn = new Map<string, DirectoryAgent>();
  for (const a of agents) if (a.dn) byDn.set(digits(a.dn), a);
  const recents = recentDirectoryEntries(recent).map((entry) => {
    const agent = byDn.get(digits(entry.number));
    if (!agent) return entry;
    const named = entry.name === entry.number ? agent.name : entry.name;
    return { ...entry, name: named, destinationKind: 'agent' as const, agent };
  });
  return [
    ...adminDirectoryEntries(settings.favourites, settings.speedDials),
    ...recents,
    ...agents.map(agentEntry),
  ];
}

/**
 * Names a call's party from the directory: an agent whose DN it is, else a favourite or speed
 * dial with that number. Numbers are compared by their digits; short or empty ones never match.
 */
export function directoryNameResolver(
  agents: readonly DirectoryAgent[],
  settings: DirectorySettings = { favourites: [], speedDials: [] },
): PartyNameResolver {
  const names = new Map<string, string>();
  for (const e of [...settings.speedDials, ...settings.favourites]) {
    const key = digits(e.number);
    if (key.length >= 2) names.set(key, e.name);
  }
  // Agents last: their own names win over an administrator's label for the same DN.
  for (const a of agents) {
    const key = a.dn ? digits(a.dn) : '';
    if (key.length >= 2) names.set(key, a.name);
  }
  return (party) => (party.digits ? names.get(party.digits) : undefined);
}
