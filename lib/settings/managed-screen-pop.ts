import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';
import { agentSettings } from './agent-settings.ts';
import { readManagedPolicy } from './managed-policy.ts';
import type { PolicyView } from './policy-view.ts';
import { loadScreenPopSettings, type ScreenPopSettings } from './screen-pop-rules.ts';

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

/** The screen-pop part of the policy (read and checked by the one policy reader). */
export function managedScreenPop(policy: Omit<PolicyView, 'passwordSet'>): ManagedScreenPop {
  return {
    ...(policy.screenPopRules ? { rules: policy.screenPopRules } : {}),
    ...(policy.crmBaseUrl ? { crmBaseUrl: policy.crmBaseUrl } : {}),
    problems: policy.problems.filter((p) => p.key === 'crmBaseUrl' || p.key === 'screenPopRules'),
  };
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
    readManagedPolicy().then(managedScreenPop),
    agentSettings.get(),
  ]);
  return { ...withManagedScreenPop(settings, managed), region: agent.region };
}
