import browser from 'webextension-polyfill';
import { browserPattern, originPattern, patternCovers } from './crm-sites.ts';

/** Host access for CRM sites, as optional host permissions. */
export interface SiteAccess {
  /**
   * Asks the browser for the site. Call it directly from the click that adds the site,
   * before any `await`: browsers grant optional permissions only inside a user gesture.
   */
  request(pattern: string): Promise<boolean>;
  /** Gives the permission back. */
  revoke(pattern: string): Promise<void>;
  granted(pattern: string): Promise<boolean>;
  /** Host patterns the manifest grants at install (never revoked). */
  required(): readonly string[];
}

export type RevokeDecision = 'revoke' | 'required' | 'in-use';

/**
 * Whether removing a site from the list may give its permission back: not when the manifest
 * grants it anyway (the browser refuses), nor when the GWS server lives there (signing in
 * and the push channel need it).
 */
export function revokeDecision(
  pattern: string,
  required: readonly string[],
  serverUrls: readonly string[],
): RevokeDecision {
  if (required.some((r) => patternCovers(r, pattern))) return 'required';
  const servers = serverUrls.map(originPattern).filter((p): p is string => p !== undefined);
  if (servers.some((server) => patternCovers(pattern, server))) return 'in-use';
  return 'revoke';
}

/** Whether the browser's match patterns take a port (Chrome's do, Firefox's do not). */
export function patternsTakePorts(): boolean {
  return !browser.runtime.getURL('').startsWith('moz-extension:');
}

const forBrowser = (pattern: string) => browserPattern(pattern, patternsTakePorts());

export const browserSiteAccess: SiteAccess = {
  request: (pattern) => browser.permissions.request({ origins: [forBrowser(pattern)] }),
  revoke: async (pattern) => {
    await browser.permissions.remove({ origins: [forBrowser(pattern)] });
  },
  granted: (pattern) => browser.permissions.contains({ origins: [forBrowser(pattern)] }),
  required: () => {
    const manifest = browser.runtime.getManifest() as {
      host_permissions?: string[];
      permissions?: string[];
    };
    // MV3 lists hosts apart; Firefox's MV2 build mixes them into `permissions`.
    return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((p) =>
      /^(\*|https?):\/\/|^<all_urls>$/.test(p),
    );
  },
};
