import browser from 'webextension-polyfill';
import { checkBaseUrl } from '../screen-pop/url-safety.ts';
import { validateRules } from '../screen-pop/validate.ts';
import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';
import { agentSettings } from './agent-settings.ts';
import { loadScreenPopSettings, type ScreenPopSettings } from './screen-pop-rules.ts';

/** Managed-storage keys (public/managed-schema.json). */
export const MANAGED_RULES_KEY = 'screenPopRules';
export const MANAGED_CRM_BASE_URL_KEY = 'crmBaseUrl';

/**
 * Screen-pop settings an administrator fixed by policy. Present fields replace the agent's
 * own and are shown locked in the options page.
 */
export interface ManagedScreenPop {
  /** The rule list, in order, exactly as the policy gives it (rules with problems included). */
  rules?: ScreenPopRule[];
  crmBaseUrl?: string;
  /** What is wrong with the policy's values; a rule with problems is never evaluated. */
  problems: RuleProblem[];
}

/**
 * Reads the policy value as it arrives from managed storage. Chrome checks it against
 * public/managed-schema.json (a list of rules); Firefox's policies.json is not checked, so
 * the list there may also be JSON text, or an exported rules file. A policy value that cannot be read at all still locks the rules, as an empty list,
 * so a broken policy never falls back to rules the administrator meant to replace.
 */
export function parseManagedScreenPop(raw: Record<string, unknown>): ManagedScreenPop {
  const out: ManagedScreenPop = { problems: [] };
  const base = raw[MANAGED_CRM_BASE_URL_KEY];
  if (typeof base === 'string') {
    const checked = checkBaseUrl(base);
    if (checked.ok) out.crmBaseUrl = checked.url;
    else {
      out.problems.push({
        path: 'crmBaseUrl',
        code: 'unsafe-url',
        message: `The CRM base URL set by policy is not usable (${checked.reason})`,
        words: checked.words,
      });
    }
  }
  let rules: unknown = raw[MANAGED_RULES_KEY];
  if (rules === undefined) return out;
  if (typeof rules === 'string') {
    try {
      rules = JSON.parse(rules);
    } catch {
      rules = undefined;
    }
  }
  if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
    rules = (rules as { rules?: unknown }).rules;
  }
  if (!Array.isArray(rules)) {
    out.rules = [];
    out.problems.push({
      path: MANAGED_RULES_KEY,
      code: 'bad-value',
      message: 'The screen-pop rules set by policy are not a list of rules',
    });
    return out;
  }
  out.rules = structuredClone(rules) as ScreenPopRule[];
  out.problems.push(...validateRules(rules));
  return out;
}

/** What policy fixes for the screen-pop; nothing when no policy is installed. */
export async function readManagedScreenPop(): Promise<ManagedScreenPop> {
  try {
    const raw = await browser.storage.managed.get([MANAGED_RULES_KEY, MANAGED_CRM_BASE_URL_KEY]);
    return parseManagedScreenPop(raw as Record<string, unknown>);
  } catch {
    // No policy installed (Firefox without policies.json throws here): nothing managed.
    return { problems: [] };
  }
}

/** The agent's settings with what policy fixes put in their place. */
export function withManagedScreenPop(
  settings: ScreenPopSettings,
  managed: ManagedScreenPop,
): ScreenPopSettings {
  return {
    ...settings,
    ...(managed.rules ? { rules: managed.rules } : {}),
    ...(managed.crmBaseUrl ? { crmBaseUrl: managed.crmBaseUrl } : {}),
  };
}

/**
 * What the screen-pop and the alerts work with: the agent's screen-pop settings with what
 * policy fixes in their place, and the agent's region (the one the whole extension reads
 * national numbers in).
 */
export interface ScreenPopInForce extends ScreenPopSettings {
  region: string;
}

/** The screen-pop settings in force now. */
export async function loadScreenPopSettingsInForce(): Promise<ScreenPopInForce> {
  const [settings, managed, agent] = await Promise.all([
    loadScreenPopSettings(),
    readManagedScreenPop(),
    agentSettings.get(),
  ]);
  return { ...withManagedScreenPop(settings, managed), region: agent.region };
}
