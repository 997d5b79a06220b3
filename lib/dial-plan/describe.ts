import type { DialPlanResult } from './apply.ts';

/** One line for the diagnostics: what was asked, the rule, and what is dialled. */
export function describeDialPlan(plan: DialPlanResult): string {
  if (!plan.ok) return `dial plan: rule "${plan.rule.name}" leaves nothing of ${plan.input}`;
  if (!plan.rule) return `dial plan: ${plan.input} dialled as given`;
  return `dial plan: ${plan.input} → ${plan.dial} (rule ${plan.rule.index + 1} "${plan.rule.name}")`;
}
