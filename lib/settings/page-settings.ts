import { AGENT_SETTINGS_DEFAULTS, agentSettings, type AgentSettings } from './agent-settings.ts';
import { setAgentRegion } from './agent-region.ts';
import { applyUiLanguage, uiLanguage } from '../i18n/messages.ts';

/**
 * What an extension page (popup, options) applies before its first render: the agent's
 * region for number formatting and the chosen language. A broken or unreadable setting
 * leaves the page in its defaults rather than blank.
 */
export async function applyPageSettings(): Promise<AgentSettings> {
  const settings = await agentSettings.get().catch(() => structuredClone(AGENT_SETTINGS_DEFAULTS));
  setAgentRegion(settings.region);
  await applyUiLanguage(settings.language).catch(() => applyUiLanguage('browser'));
  document.documentElement.lang = uiLanguage();
  return settings;
}
