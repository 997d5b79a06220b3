import browser from 'webextension-polyfill';
import { siteToPattern } from './crm-sites.ts';

/**
 * CRM sites an administrator set by policy (managed storage key `crmSites`), as match
 * patterns. Shown locked in the options; the overlay adds them to the agent's own.
 */
export async function readManagedSites(): Promise<string[]> {
  try {
    const raw = ((await browser.storage.managed.get('crmSites')) as { crmSites?: unknown })
      .crmSites;
    if (!Array.isArray(raw)) return [];
    const patterns = raw
      .filter((s): s is string => typeof s === 'string')
      .map(siteToPattern)
      .flatMap((c) => (c.ok ? [c.pattern] : []));
    return [...new Set(patterns)].sort();
  } catch {
    // No policy installed (Firefox without policies.json throws): nothing managed.
    return [];
  }
}
