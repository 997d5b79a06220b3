import { DEFAULT_AGENT_REGION } from './agent-settings.ts';

let current = DEFAULT_AGENT_REGION;

/**
 * The region numbers without a country code are read in, for code that formats numbers
 * synchronously while rendering. Pages set it from the settings before their first render.
 */
export function agentRegion(): string {
  return current;
}

export function setAgentRegion(region: string): void {
  current = /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : DEFAULT_AGENT_REGION;
}
