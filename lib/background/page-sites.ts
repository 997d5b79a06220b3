import browser from 'webextension-polyfill';
import { agentSettings, type UiLanguage } from '../settings/agent-settings.ts';
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

/** Longest wait for managed storage: it has been seen never to answer right after startup. */
const MANAGED_TIMEOUT_MS = 1000;

interface ManagedOverlay {
  crmSites: string[];
  internalNumbers?: string;
}

/** CRM sites and internal-number patterns set by policy (managed storage), when any. */
async function managedOverlay(): Promise<ManagedOverlay> {
  try {
    const raw = (await Promise.race([
      browser.storage.managed.get(['crmSites', 'internalNumbers']),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('managed storage did not answer')), MANAGED_TIMEOUT_MS),
      ),
    ])) as { crmSites?: unknown; internalNumbers?: unknown };
    const crmSites = Array.isArray(raw.crmSites)
      ? raw.crmSites.filter((s): s is string => typeof s === 'string')
      : [];
    return typeof raw.internalNumbers === 'string'
      ? { crmSites, internalNumbers: raw.internalNumbers }
      : { crmSites };
  } catch {
    // No policy (Firefox without policies.json throws): nothing managed.
    return { crmSites: [] };
  }
}

/** The patterns of a setting; a malformed one (a policy typo) dials no internal numbers. */
function patternsOf(spec: string): string[] {
  const parsed = parseInternalPatterns(spec);
  return parsed.ok ? parsed.patterns : [];
}

export async function readSiteLists(): Promise<SiteLists> {
  const [agent, overlay, managed] = await Promise.all([
    agentSettings.get().catch(() => agentSettings.defaults()),
    overlaySettings.get().catch(() => overlaySettings.defaults()),
    managedOverlay(),
  ]);
  return {
    crmSites: [...new Set([...agent.crmSites, ...managed.crmSites])],
    disabledSites: overlay.disabledSites,
    region: agent.region,
    confirmBeforeDial: overlay.confirmBeforeDial,
    language: agent.language,
    partyNameKey: agent.partyNameKey,
    internalNumbers: patternsOf(managed.internalNumbers ?? overlay.internalNumbers),
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
