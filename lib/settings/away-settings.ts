import { readPolicyView } from './policy-view.ts';
import { defineVersionedItem, mergeWithDefaults } from './versioned-item.ts';

/** Chrome's shortest idle threshold is 15 s; a day is longer than any shift. */
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

/**
 * Automatic Not Ready when the agent is away from the workstation. Off by default: the agent
 * decides their state. Every field may also be set by policy (managed storage, same names,
 * `public/managed-schema.json`), which then wins.
 */
export const AWAY_DEFAULTS = {
  /** Not Ready when the workstation locks. */
  notReadyOnLock: false,
  /** Not Ready after `idleMinutes` without keyboard or mouse input. */
  notReadyOnIdle: false,
  idleMinutes: 5,
  /**
   * The Not Ready state to set, by operationName, reason or reason code of the agent's
   * states (e.g. `Away`); '' plain Not Ready.
   */
  notReadyState: '',
};

export type AwaySettingsValue = typeof AWAY_DEFAULTS;
export const AWAY_SETTINGS_KEY = 'awaySettings';

/** Field checks beyond the type; also reads policy values, which no form checked. */
export function normalizeAwaySettings(
  value: unknown,
  defaults: AwaySettingsValue,
): AwaySettingsValue {
  const merged = mergeWithDefaults(value, defaults);
  const minutes = Math.round(merged.idleMinutes);
  merged.idleMinutes = Number.isFinite(minutes)
    ? Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, minutes))
    : defaults.idleMinutes;
  merged.notReadyState = merged.notReadyState.trim().slice(0, 128);
  return merged;
}

export const awaySettings = defineVersionedItem<AwaySettingsValue>({
  key: AWAY_SETTINGS_KEY,
  defaults: AWAY_DEFAULTS,
  normalize: normalizeAwaySettings,
});

/** The policy's values of these settings (the one policy reader), only those it sets. */
export async function readManagedAway(): Promise<Partial<AwaySettingsValue>> {
  const policy = (await readPolicyView()) as Record<string, unknown>;
  const present = Object.keys(AWAY_DEFAULTS).filter((k) => policy[k] !== undefined);
  if (present.length === 0) return {};
  const normalized = normalizeAwaySettings(policy, AWAY_DEFAULTS) as Record<string, unknown>;
  return Object.fromEntries(present.map((k) => [k, normalized[k]])) as Partial<AwaySettingsValue>;
}

/** The settings in force: the agent's, with what policy sets in their place. */
export async function loadAwaySettingsInForce(): Promise<AwaySettingsValue> {
  const [own, managed] = await Promise.all([awaySettings.get(), readManagedAway()]);
  return { ...own, ...managed };
}
