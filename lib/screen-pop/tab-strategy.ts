import { matchesUrlPattern } from './url-safety.ts';
import type { ResolvedTabStrategy } from './decide.ts';

/** What the tab decision needs to know of a tab (a subset of tabs.Tab). */
export interface TabInfo {
  id?: number;
  windowId?: number;
  /** Only set for tabs on hosts the extension may see (its host permissions). */
  url?: string;
  pendingUrl?: string;
  active?: boolean;
  lastAccessed?: number;
  incognito?: boolean;
}

export type TabAction =
  | {
      kind: 'navigate';
      tabId: number;
      windowId?: number;
      reason: 'matching-tab' | 'pop-tab';
      /** The tab already shows this URL: focus it, do not reload what the agent is typing in. */
      sameUrl: boolean;
    }
  | { kind: 'create'; newWindow: boolean };

function tabUrl(tab: TabInfo): string | undefined {
  return tab.pendingUrl || tab.url || undefined;
}

/**
 * Where a pop goes: an existing tab matching the rule's pattern (the previous pop tab when it
 * is one of them, else the one the agent used last), else the previous pop tab, else a new
 * tab or window. With many matching tabs exactly one is chosen.
 */
export function decideTab(
  tabs: TabInfo[],
  strategy: ResolvedTabStrategy,
  popUrl: string,
  lastPopTabId: number | undefined,
): TabAction {
  const usable = tabs.filter(
    (t): t is TabInfo & { id: number } => typeof t.id === 'number' && t.id >= 0 && !t.incognito,
  );
  const navigate = (
    tab: TabInfo & { id: number },
    reason: 'matching-tab' | 'pop-tab',
  ): TabAction => ({
    kind: 'navigate',
    tabId: tab.id,
    ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
    reason,
    sameUrl: tabUrl(tab) === popUrl,
  });
  const pattern = strategy.matchUrl;
  if (pattern) {
    const matching = usable.filter((t) => {
      const url = tabUrl(t);
      return url !== undefined && matchesUrlPattern(pattern, url);
    });
    const best =
      matching.find((t) => t.id === lastPopTabId) ??
      [...matching].sort(
        (a, b) =>
          (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0) ||
          Number(b.active ?? false) - Number(a.active ?? false) ||
          b.id - a.id,
      )[0];
    if (best) return navigate(best, 'matching-tab');
  }
  if (strategy.reusePopTab && lastPopTabId !== undefined) {
    const popTab = usable.find((t) => t.id === lastPopTabId);
    if (popTab) return navigate(popTab, 'pop-tab');
  }
  return { kind: 'create', newWindow: strategy.newWindow };
}
