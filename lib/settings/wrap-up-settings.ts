import { readPolicyView } from './policy-view.ts';
import { defineVersionedItem, mergeWithDefaults } from './versioned-item.ts';

/** One disposition code the agent can pick, with the words shown for it. */
export interface Disposition {
  code: string;
  label: string;
}

/** Codes and labels longer than this are cut; lists longer than MAX_DISPOSITIONS too. */
const MAX_TEXT = 200;
export const MAX_DISPOSITIONS = 200;

/**
 * How calls are wrapped up and remembered. Every field may also be set by policy (managed
 * storage, same names, `public/managed-schema.json`), which then wins.
 */
export const WRAP_UP_DEFAULTS = {
  /** The disposition codes offered; empty → those the GWS settings provide, if any. */
  dispositions: [] as Disposition[],
  /** Attached-data key the chosen code is written to (WWE's default). */
  dispositionKey: 'DispositionCode',
  /** The agent cannot go Ready while a finished call has no disposition. */
  dispositionRequired: false,
  /** After every answered call the agent goes to After Call Work by itself. */
  afterCallWork: false,
  /** Wrap-up time in seconds for automatic ACW; 0 → the server's, else no countdown. */
  wrapUpSeconds: 0,
  /** Attached-data keys kept in the call history and the call log. */
  historyKeys: [] as string[],
  /** Sign-out forgets the agent's call history (a shared browser profile). */
  clearHistoryOnSignOut: false,
  /** URL template the call record is POSTed to after wrap-up; empty → no call log. */
  callLogUrl: '',
  /** Attached-data keys the agent may not edit or delete; `*` at the end matches a prefix. */
  readOnlyKeys: [] as string[],
};

export type WrapUpSettings = typeof WRAP_UP_DEFAULTS;
export const WRAP_UP_SETTINGS_KEY = 'wrapUpSettings';

function cut(value: unknown): string | undefined {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, MAX_TEXT);
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Dispositions from any of the shapes an administrator is likely to write: `{code,label}`
 * objects, "CODE" strings, or "CODE=Label" strings. Duplicated codes keep their first label.
 */
export function readDispositions(value: unknown): Disposition[] {
  if (!Array.isArray(value)) return [];
  const out: Disposition[] = [];
  const seen = new Set<string>();
  for (const item of value.slice(0, MAX_DISPOSITIONS)) {
    let code: string | undefined;
    let label: string | undefined;
    if (typeof item === 'string') {
      const at = item.indexOf('=');
      code = cut(at === -1 ? item : item.slice(0, at));
      label = at === -1 ? undefined : cut(item.slice(at + 1));
    } else if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>;
      code = cut(record.code ?? record.name);
      label = cut(record.label ?? record.displayName ?? record.name);
    }
    if (!code || seen.has(code)) continue;
    seen.add(code);
    out.push({ code, label: label ?? code });
  }
  return out;
}

function readKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map(cut).filter((k): k is string => k !== undefined))].slice(0, 50);
}

/** Field checks beyond the type; also reads policy values, which no form checked. */
export function normalizeWrapUpSettings(value: unknown, defaults: WrapUpSettings): WrapUpSettings {
  const merged = mergeWithDefaults(value, defaults);
  merged.dispositions = readDispositions(merged.dispositions);
  merged.dispositionKey = cut(merged.dispositionKey) ?? defaults.dispositionKey;
  merged.historyKeys = readKeys(merged.historyKeys);
  merged.readOnlyKeys = readKeys(merged.readOnlyKeys);
  merged.callLogUrl = merged.callLogUrl.trim();
  const seconds = Math.floor(merged.wrapUpSeconds);
  merged.wrapUpSeconds = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 0;
  return merged;
}

/** The agent's (or the options page's) wrap-up settings in `storage.local`. */
export const wrapUpSettings = defineVersionedItem<WrapUpSettings>({
  key: WRAP_UP_SETTINGS_KEY,
  defaults: WRAP_UP_DEFAULTS,
  normalize: normalizeWrapUpSettings,
});

/** The policy's values of these settings (the one policy reader), only those it sets. */
export async function readManagedWrapUp(): Promise<Partial<WrapUpSettings>> {
  const policy = (await readPolicyView()) as Record<string, unknown>;
  const present = Object.keys(WRAP_UP_DEFAULTS).filter((k) => policy[k] !== undefined);
  if (present.length === 0) return {};
  const normalized = normalizeWrapUpSettings(policy, WRAP_UP_DEFAULTS) as Record<string, unknown>;
  return Object.fromEntries(present.map((k) => [k, normalized[k]])) as Partial<WrapUpSettings>;
}

/** The settings in force: the agent's, with what policy sets in their place. */
export async function loadWrapUpSettingsInForce(): Promise<WrapUpSettings> {
  const [own, managed] = await Promise.all([wrapUpSettings.get(), readManagedWrapUp()]);
  return { ...own, ...managed };
}

/** True when `key` matches one of the read-only patterns (`GSIP_*` is a prefix). */
export function isReadOnlyKey(key: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p));
}
