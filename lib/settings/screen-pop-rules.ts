import { DEFAULT_CRM_BASE_URL, defaultRules } from '../screen-pop/defaults.ts';
import { checkBaseUrl } from '../screen-pop/url-safety.ts';
import { validateRules } from '../screen-pop/validate.ts';
import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';
import { defineVersionedItem, type Migration } from './versioned-item.ts';

/** The `storage.local` key of the screen-pop settings item. */
export const SCREEN_POP_SETTINGS_KEY = 'screenPopSettings';

export interface ScreenPopSettings {
  /** Base of relative rule URLs and tab patterns: the CRM, in one place. */
  crmBaseUrl: string;
  /** In order: the first matching rule wins. */
  rules: ScreenPopRule[];
  /** A system notification with Answer/Decline for each incoming call. */
  notifications: boolean;
  /** Attached-data key whose value the notification shows ('' = none). */
  notificationUserDataKey: string;
}

export function defaultScreenPopSettings(): ScreenPopSettings {
  return {
    crmBaseUrl: DEFAULT_CRM_BASE_URL,
    rules: defaultRules(),
    notifications: true,
    notificationUserDataKey: '',
  };
}

/**
 * Migration hook: `SCREEN_POP_MIGRATIONS[n]` turns a version n-1 value into version n.
 * Version 0 is the unversioned form, a bare list of rules.
 */
export const SCREEN_POP_MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (old) => (Array.isArray(old) ? { rules: old } : old),
};

/**
 * Field by field: an unusable field takes its default. Rules with problems are kept (the
 * rule editor shows and fixes them); they are never evaluated (see decidePop).
 */
export function normalizeScreenPopSettings(
  value: unknown,
  defaults: ScreenPopSettings,
): ScreenPopSettings {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out = { ...defaults };
  if (typeof v.crmBaseUrl === 'string') {
    const base = checkBaseUrl(v.crmBaseUrl);
    if (base.ok) out.crmBaseUrl = base.url;
  }
  if (Array.isArray(v.rules)) out.rules = structuredClone(v.rules) as ScreenPopRule[];
  if (typeof v.notifications === 'boolean') out.notifications = v.notifications;
  if (typeof v.notificationUserDataKey === 'string') {
    out.notificationUserDataKey = v.notificationUserDataKey;
  }
  return out;
}

/** The settings item in `storage.local` (`{ version, value }`, migrated on read). */
export const screenPopSettingsItem = defineVersionedItem<ScreenPopSettings>({
  key: SCREEN_POP_SETTINGS_KEY,
  defaults: defaultScreenPopSettings(),
  migrations: SCREEN_POP_MIGRATIONS,
  normalize: normalizeScreenPopSettings,
});

function baseUrlProblems(crmBaseUrl: string): RuleProblem[] {
  const base = checkBaseUrl(crmBaseUrl);
  return base.ok
    ? []
    : [
        {
          path: 'crmBaseUrl',
          code: 'unsafe-url',
          message: `The CRM base URL is not usable (${base.reason})`,
          words: base.words,
        },
      ];
}

/** Everything wrong with the settings (the editor lists these). */
export function screenPopSettingsProblems(settings: ScreenPopSettings): RuleProblem[] {
  return [...baseUrlProblems(settings.crmBaseUrl), ...validateRules(settings.rules)];
}

/**
 * What is wrong with a change: the base URL and the rules are judged when they change. Parts
 * left as stored are not judged again, so rules that went bad in storage (an older version,
 * an edit by hand) never block saving another setting, such as the notifications.
 */
export function screenPopChangeProblems(
  stored: ScreenPopSettings,
  next: ScreenPopSettings,
): RuleProblem[] {
  return [
    ...(next.crmBaseUrl === stored.crmBaseUrl ? [] : baseUrlProblems(next.crmBaseUrl)),
    ...(JSON.stringify(next.rules) === JSON.stringify(stored.rules)
      ? []
      : validateRules(next.rules)),
  ];
}

/** Reads the settings (migrated; an older item is written back upgraded). */
export function loadScreenPopSettings(): Promise<ScreenPopSettings> {
  return screenPopSettingsItem.get();
}

/** Saves settings; refuses (throws) a change with a problem (see screenPopChangeProblems). */
export async function saveScreenPopSettings(settings: ScreenPopSettings): Promise<void> {
  const problems = screenPopChangeProblems(await loadScreenPopSettings(), settings);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  await screenPopSettingsItem.set(settings);
}
