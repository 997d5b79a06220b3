import { readDialRules } from '../dial-plan/validate.ts';
import type { DialRule } from '../dial-plan/types.ts';
import { defineVersionedItem, mergeWithDefaults } from './versioned-item.ts';
import { readPolicyView } from './policy-view.ts';

/**
 * The agent's (or the options page's) dial plan. Empty by default: numbers go out exactly as
 * they always did. Policy `dialPlanRules` replaces it.
 */
export const DIAL_PLAN_DEFAULTS = {
  rules: [] as DialRule[],
};

export type DialPlanSettings = typeof DIAL_PLAN_DEFAULTS;
export const DIAL_PLAN_SETTINGS_KEY = 'dialPlanSettings';

/** Only checked rules are kept: the editor saves nothing with a problem, and this holds it. */
export function normalizeDialPlanSettings(
  value: unknown,
  defaults: DialPlanSettings,
): DialPlanSettings {
  const merged = mergeWithDefaults(value, defaults);
  return { rules: readDialRules(merged.rules).rules };
}

export const dialPlanSettings = defineVersionedItem<DialPlanSettings>({
  key: DIAL_PLAN_SETTINGS_KEY,
  defaults: DIAL_PLAN_DEFAULTS,
  normalize: normalizeDialPlanSettings,
});

/** The rules in force: the policy's when it sets them (even none), else the agent's own. */
export function dialRulesInForce(
  own: DialPlanSettings,
  policy: { dialPlanRules?: DialRule[] },
): DialRule[] {
  return policy.dialPlanRules ?? own.rules;
}

/** The rules in force now, for any context (the policy without its password suffices). */
export async function loadDialRulesInForce(): Promise<DialRule[]> {
  const [own, policy] = await Promise.all([dialPlanSettings.get(), readPolicyView()]);
  return dialRulesInForce(own, policy);
}
