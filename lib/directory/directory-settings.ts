/**
 * The administrator's favourites and speed dials in `storage.local` (the options page), and the
 * lists in force: a list policy sets (`directoryFavourites`, `directorySpeedDials` in
 * managed storage, read by the one policy reader) replaces the stored one and is locked.
 */
import { readPolicyView, type PolicyView } from '../settings/policy-view.ts';
import { defineVersionedItem } from '../settings/versioned-item.ts';
import { readAdminEntries, type AdminEntry } from './admin-entries.ts';

export interface DirectorySettings {
  favourites: AdminEntry[];
  speedDials: AdminEntry[];
}

export const DIRECTORY_SETTINGS_KEY = 'directorySettings';
export const DIRECTORY_DEFAULTS: DirectorySettings = { favourites: [], speedDials: [] };

/** Stored lists are checked like policy ones: an entry that would be refused is dropped. */
export function normalizeDirectorySettings(value: unknown): DirectorySettings {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  return {
    favourites: readAdminEntries(record.favourites ?? [], 'favourites', false).entries,
    speedDials: readAdminEntries(record.speedDials ?? [], 'speedDials', true).entries,
  };
}

export const directorySettings = defineVersionedItem<DirectorySettings>({
  key: DIRECTORY_SETTINGS_KEY,
  defaults: DIRECTORY_DEFAULTS,
  normalize: normalizeDirectorySettings,
});

/** Which lists policy sets (and so locks). */
export interface DirectoryLocks {
  favourites: boolean;
  speedDials: boolean;
}

export function directoryLocks(policy: PolicyView): DirectoryLocks {
  return {
    favourites: policy.directoryFavourites !== undefined,
    speedDials: policy.directorySpeedDials !== undefined,
  };
}

/** The agent's lists with what policy sets in their place. */
export function directoryInForce(own: DirectorySettings, policy: PolicyView): DirectorySettings {
  return {
    favourites: policy.directoryFavourites ?? own.favourites,
    speedDials: policy.directorySpeedDials ?? own.speedDials,
  };
}

export async function loadDirectorySettingsInForce(): Promise<DirectorySettings> {
  const [own, policy] = await Promise.all([directorySettings.get(), readPolicyView()]);
  return directoryInForce(own, policy);
}
