import browser, { type Storage } from 'webextension-polyfill';
import { DEFAULT_CRM_BASE_URL, DEFAULT_REGION, defaultRules } from '../screen-pop/defaults.ts';
import { checkBaseUrl } from '../screen-pop/url-safety.ts';
import { validateRules } from '../screen-pop/validate.ts';
import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';

/** The `storage.local` key of the screen-pop settings item. */
export const SCREEN_POP_SETTINGS_KEY = 'screenPopSettings';
export const SCREEN_POP_SETTINGS_VERSION = 1;

export interface ScreenPopSettings {
  version: typeof SCREEN_POP_SETTINGS_VERSION;
  /** Base of relative rule URLs and tab patterns: the CRM, in one place. */
  crmBaseUrl: string;
  /** ISO region national-format caller numbers are read in. */
  region: string;
  /** In order: the first matching rule wins. */
  rules: ScreenPopRule[];
  /** A system notification with Answer/Decline for each incoming call. */
  notifications: boolean;
  /** Attached-data key whose value the notification shows ('' = none). */
  notificationUserDataKey: string;
}

export function defaultScreenPopSettings(): ScreenPopSettings {
  return {
    version: SCREEN_POP_SETTINGS_VERSION,
    crmBaseUrl: DEFAULT_CRM_BASE_URL,
    region: DEFAULT_REGION,
    rules: defaultRules(),
    notifications: true,
    notificationUserDataKey: '',
  };
}

type Stored = Record<string, unknown>;

/**
 * Migration hook: `SCREEN_POP_MIGRATIONS[n]` turns a version n-1 item into version n.
 * Version 0 is the unversioned form, a bare list of rules.
 */
export const SCREEN_POP_MIGRATIONS: Record<number, (old: Stored) => Stored> = {
  1: (old) => ({ ...old, version: 1 }),
};

export interface LoadedSettings {
  settings: ScreenPopSettings;
  /** What was wrong with the stored item; the affected parts fell back to defaults. */
  problems: RuleProblem[];
  /** The stored item was older and has been brought up to date (worth writing back). */
  migrated: boolean;
}

/**
 * Turns whatever is stored into current settings: runs the migrations, then checks each
 * field; an unusable field takes its default. Rules with problems are kept (the editor shows
 * them) and reported; they are never evaluated. Never throws.
 */
export function migrateScreenPopSettings(raw: unknown): LoadedSettings {
  const defaults = defaultScreenPopSettings();
  if (raw === undefined || raw === null)
    return { settings: defaults, problems: [], migrated: false };
  let item: Stored = Array.isArray(raw)
    ? { version: 0, rules: raw }
    : typeof raw === 'object'
      ? { ...(raw as Stored) }
      : { version: 0 };
  const storedVersion = typeof item.version === 'number' ? item.version : 0;
  // A newer extension wrote it: read the fields this one understands, never downgrade.
  for (let v = storedVersion + 1; v <= SCREEN_POP_SETTINGS_VERSION; v++) {
    const step = SCREEN_POP_MIGRATIONS[v];
    if (step) item = step(item);
  }
  const problems: RuleProblem[] = [];
  const settings = { ...defaults };
  if (typeof item.crmBaseUrl === 'string') {
    const base = checkBaseUrl(item.crmBaseUrl);
    if (base.ok) settings.crmBaseUrl = base.url;
    else {
      problems.push({
        path: 'crmBaseUrl',
        code: 'unsafe-url',
        message: `The CRM base URL is not usable (${base.reason})`,
      });
    }
  }
  if (typeof item.region === 'string' && /^[A-Za-z]{2}$/.test(item.region)) {
    settings.region = item.region.toUpperCase();
  }
  if (Array.isArray(item.rules)) {
    settings.rules = item.rules as ScreenPopRule[];
    problems.push(...validateRules(item.rules));
  } else if (item.rules !== undefined) {
    problems.push({ path: 'rules', code: 'bad-value', message: 'The rules must be a list' });
  }
  if (typeof item.notifications === 'boolean') settings.notifications = item.notifications;
  if (typeof item.notificationUserDataKey === 'string') {
    settings.notificationUserDataKey = item.notificationUserDataKey;
  }
  return { settings, problems, migrated: storedVersion < SCREEN_POP_SETTINGS_VERSION };
}

/** Reads the settings item (migrated; written back when it was older). */
export async function loadScreenPopSettings(
  area: Storage.StorageArea = browser.storage.local,
): Promise<LoadedSettings> {
  const raw = (await area.get(SCREEN_POP_SETTINGS_KEY))[SCREEN_POP_SETTINGS_KEY];
  const loaded = migrateScreenPopSettings(raw);
  if (loaded.migrated && raw !== undefined) {
    await area.set({ [SCREEN_POP_SETTINGS_KEY]: loaded.settings });
  }
  return loaded;
}

/** Saves settings after validating them; refuses (throws) when any rule has a problem. */
export async function saveScreenPopSettings(
  settings: Omit<ScreenPopSettings, 'version'>,
  area: Storage.StorageArea = browser.storage.local,
): Promise<void> {
  const checked = migrateScreenPopSettings({ ...settings, version: SCREEN_POP_SETTINGS_VERSION });
  if (checked.problems.length > 0) {
    throw new Error(checked.problems.map((p) => p.message).join('; '));
  }
  await area.set({ [SCREEN_POP_SETTINGS_KEY]: checked.settings });
}

/**
 * Calls `onChange` with the new settings whenever the item changes in `storage.local`.
 * Returns the function that stops watching.
 */
export function watchScreenPopSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
    if (areaName !== 'local' || !Object.hasOwn(changes, SCREEN_POP_SETTINGS_KEY)) return;
    onChange(migrateScreenPopSettings(changes[SCREEN_POP_SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
