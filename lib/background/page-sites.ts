import { agentSettings, type UiLanguage } from '../settings/agent-settings.ts';
import { readManagedPolicy } from '../settings/managed-policy.ts';
import { overlaySettings } from '../settings/overlay-settings.ts';
import { matchingPattern } from '../settings/site-patterns.ts';
import type { PageOffReason } from '../messaging/page-messages.ts';
import { parseInternalPatterns } from '../phone/internal-numbers.ts';

/** The site lists the overlay's reach derives from. */
export interface SiteLists {
  /** The agent's CRM sites (options page) and those an administrator set by policy. */
  crmSites: string[];
  /** CRM sites the overlay is switched off on. */
  disabledSites: string[];
  region: string;
  confirmBeforeDial: boolean;
  /** The keys that bring focus to a page's numbers ("Alt+Shift+N"). */
  numbersShortcut: string;
  /** The agent's language for what the overlay shows ('browser': the browser's). */
  language: UiLanguage;
  /** The attached-data key that names a call's customer (agent settings). */
  partyNameKey: string;
  /**
   * Dial-plan patterns of internal numbers dialable from pages ("7XXX"): the administrator's
   * (policy `internalNumbers`) when set, else the agent's; none by default.
   */
  internalNumbers?: string[];
}

/** The patterns of a setting; a malformed one dials no internal numbers. */
function patternsOf(spec: string): string[] {
  const parsed = parseInternalPatterns(spec);
  return parsed.ok ? parsed.patterns : [];
}

export async function readSiteLists(): Promise<SiteLists> {
  const [agent, overlay, policy] = await Promise.all([
    agentSettings.get().catch(() => agentSettings.defaults()),
    overlaySettings.get().catch(() => overlaySettings.defaults()),
    readManagedPolicy(),
  ]);
  return {
    // Both lists are match patterns normalised the same way (crm-sites.ts).
    crmSites: [...new Set([...agent.crmSites, ...(policy.crmSites ?? [])])],
    disabledSites: overlay.disabledSites,
    region: agent.region,
    // Policy replaces the agent's choice either way (shown locked in the options page).
    confirmBeforeDial: policy.confirmBeforeDial ?? overlay.confirmBeforeDial,
    numbersShortcut: overlay.numbersShortcut,
    language: agent.language,
    partyNameKey: agent.partyNameKey,
    internalNumbers: patternsOf(policy.internalNumbers ?? overlay.internalNumbers),
  };
}

/** The patterns the content script is registered for: CRM sites not switched off. */
export function activePatterns(lists: SiteLists): string[] {
  const off = new Set(lists.disabledSites);
  return lists.crmSites.filter((p) => !off.has(p)).sort();
}

export type SiteVerdict = { on: true; pattern: string } | { on: false; reason: PageOffReason };

/** Whether the overlay may run on `url`, and under which CRM site pattern. */
export function siteVerdict(url: string | undefined, lists: SiteLists): SiteVerdict {
  const pattern = url ? matchingPattern(url, lists.crmSites) : undefined;
  if (!pattern) return { on: false, reason: 'not-a-crm-site' };
  if (lists.disabledSites.includes(pattern)) return { on: false, reason: 'turned-off' };
  return { on: true, pattern };
}
