import { siteToPattern } from './crm-sites.ts';
import { defineVersionedItem, mergeWithDefaults, type Migration } from './versioned-item.ts';

/**
 * Languages the extension speaks, as BCP 47 tags; `browser` follows the browser's UI
 * language. Each has a catalogue in `public/_locales/` (`pt-BR` in `pt_BR/`).
 */
export const UI_LANGUAGES = ['browser', 'en', 'fr', 'de', 'es', 'pt-BR'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Region for numbers typed or sent without a country code, until the agent picks one. */
export const DEFAULT_AGENT_REGION = 'US';

/**
 * The agent's preferences. The type of the settings derives from these defaults; adding a
 * field here is all it takes for a new preference to be stored, merged and defaulted.
 */
export const AGENT_SETTINGS_DEFAULTS = {
  /** ISO 3166-1 alpha-2 region national-format numbers are read in. */
  region: DEFAULT_AGENT_REGION,
  language: 'browser' as UiLanguage,
  /**
   * Sign in by itself when the browser starts, with the login kept by "Remember me".
   * Policy (`autoLogin` in managed storage) overrides it.
   */
  signInAtStartup: true,
  /** Match patterns of the CRM sites the overlay runs on (optional host permissions). */
  crmSites: [] as string[],
  /**
   * A ring tone in the browser while a call rings. Off by default: the desk phone or the
   * softphone rings already.
   */
  ringTone: false,
  /**
   * The attached-data key whose value names the caller on call cards and notifications
   * (`CustomerName`, as routing strategies commonly attach it); '' names no one from data.
   */
  partyNameKey: 'CustomerName',
};

export type AgentSettings = typeof AGENT_SETTINGS_DEFAULTS;

export const AGENT_SETTINGS_KEY = 'agentSettings';

/** Longest attached-data key a setting names (GWS keys are short identifiers). */
const MAX_DATA_KEY_LENGTH = 128;

/**
 * Ordered migrations: `2: (v1) => v2` goes here when the shape of the settings changes.
 * Version 1 is the first shape; a field that is dropped or added needs none (the merge with
 * the defaults drops unknown fields and fills new ones).
 */
export const AGENT_SETTINGS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

function isLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** Field checks beyond the type: a two-letter region, a known language, usable site patterns. */
export function normalizeAgentSettings(value: unknown, defaults: AgentSettings): AgentSettings {
  const merged = mergeWithDefaults(value, defaults);
  const region = merged.region.trim().toUpperCase();
  merged.region = /^[A-Z]{2}$/.test(region) ? region : defaults.region;
  if (!isLanguage(merged.language)) merged.language = defaults.language;
  const sites = new Set<string>();
  for (const site of merged.crmSites as unknown[]) {
    if (typeof site !== 'string') continue;
    const check = siteToPattern(site);
    if (check.ok) sites.add(check.pattern);
  }
  merged.crmSites = [...sites].sort();
  const nameKey = merged.partyNameKey.trim();
  merged.partyNameKey = nameKey.length <= MAX_DATA_KEY_LENGTH ? nameKey : defaults.partyNameKey;
  return merged;
}

/** The agent's settings in `storage.local`. */
export const agentSettings = defineVersionedItem<AgentSettings>({
  key: AGENT_SETTINGS_KEY,
  defaults: AGENT_SETTINGS_DEFAULTS,
  migrations: AGENT_SETTINGS_MIGRATIONS,
  normalize: normalizeAgentSettings,
});
