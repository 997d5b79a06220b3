import browser from 'webextension-polyfill';
import { applyDialPlan } from '../dial-plan/apply.ts';
import type { DialPlanFn } from '../dial-plan/plan-operation.ts';
import { AGENT_SETTINGS_KEY, agentSettings } from '../settings/agent-settings.ts';
import { DIAL_PLAN_SETTINGS_KEY, loadDialRulesInForce } from '../settings/dial-plan-settings.ts';

/** The rules in force (policy's, else the agent's) bound to the agent's region. */
export async function readDialPlanInForce(): Promise<DialPlanFn> {
  const [rules, settings] = await Promise.all([loadDialRulesInForce(), agentSettings.get()]);
  return (number) => applyDialPlan(rules, number, settings.region);
}

/**
 * The background's dial plan: read once, again after any change of the rules, the policy or
 * the region, so a dial costs no storage read and an edit applies to the very next dial.
 */
export class DialPlanInForce {
  private cached: Promise<DialPlanFn> | undefined;
  private readonly read: () => Promise<DialPlanFn>;

  constructor(read: () => Promise<DialPlanFn> = readDialPlanInForce) {
    this.read = read;
  }

  /** Registered at the worker's top level with the other listeners. */
  listen(): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (
        area === 'managed' ||
        DIAL_PLAN_SETTINGS_KEY in changes ||
        AGENT_SETTINGS_KEY in changes
      ) {
        this.cached = undefined;
      }
    });
  }

  current(): Promise<DialPlanFn> {
    const reading = (this.cached ??= this.read());
    // A failed read is not kept: the next dial reads again.
    reading.catch(() => {
      if (this.cached === reading) this.cached = undefined;
    });
    return reading;
  }
}
