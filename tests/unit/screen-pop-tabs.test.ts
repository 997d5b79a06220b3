import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideTab, type TabInfo } from '@/lib/screen-pop/tab-strategy';
import { matchesUrlPattern } from '@/lib/screen-pop/url-safety';

const CRM = 'http://127.0.0.1:8091';
const POP = `${CRM}/crm/contacts?phone=%2B14155550132`;
const strategy = { matchUrl: `${CRM}/crm/*`, reusePopTab: true, newWindow: false };

const tabs: TabInfo[] = [
  { id: 1, windowId: 1, url: 'chrome-extension://x/popup.html', lastAccessed: 900 },
  { id: 2, windowId: 1, url: `${CRM}/crm/dashboard`, lastAccessed: 100 },
  { id: 3, windowId: 2, url: `${CRM}/crm/contacts`, lastAccessed: 300, active: true },
  { id: 4, windowId: 1, url: `${CRM}/crm/activity`, lastAccessed: 200 },
  { id: 5, windowId: 1, url: 'https://news.example/', lastAccessed: 950 },
  // A tab on a host without permission: its URL is not visible.
  { id: 6, windowId: 1, lastAccessed: 990 },
];

describe('tab patterns', () => {
  it('`*` is any text, everything else literal (regex characters included)', () => {
    expect(matchesUrlPattern(`${CRM}/crm/*`, `${CRM}/crm/contacts?phone=1`)).toBe(true);
    expect(matchesUrlPattern(`${CRM}/crm/*`, `${CRM}/crmx`)).toBe(false);
    expect(matchesUrlPattern('http://127.0.0.1:8091/*', 'http://127.0.0.1:80912/')).toBe(false);
    expect(matchesUrlPattern('http://a.b/?x=(1)', 'http://a.b/?x=(1)')).toBe(true);
    expect(matchesUrlPattern('http://a.b/?x=(1)', 'http://aXb/?x=(1)')).toBe(false);
    expect(matchesUrlPattern('*://crm.example/*', 'https://crm.example/a')).toBe(true);
  });
});

describe('tab patterns on hostile URLs', () => {
  it('a pattern with several `*` answers at once on a long URL any page can choose', () => {
    // As a backtracking RegExp (`^h.*a.*a.*a.*a.*z$`) this ran for more than a minute.
    const url = 'http://crm.example/' + 'a'.repeat(100_000);
    expect(matchesUrlPattern('http://crm.example/*a*a*a*a*z', url)).toBe(false);
    expect(matchesUrlPattern('http://crm.example/*a*a*a*a*', url)).toBe(true);
  });

  it('agrees with the literal-text-and-`.*` reading on random patterns and URLs', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab*/.?]{0,8}$/),
        fc.stringMatching(/^[ab/.?]{0,12}$/),
        (pattern, url) => {
          const body = pattern
            .split('*')
            .map((piece) => piece.replace(/[.?/]/g, '\\$&'))
            .join('.*');
          expect(matchesUrlPattern(pattern, url)).toBe(new RegExp(`^${body}$`, 's').test(url));
        },
      ),
    );
  });
});

describe('choosing the pop tab', () => {
  it('with several matching tabs, exactly one: the one the agent used last', () => {
    expect(decideTab(tabs, strategy, POP, undefined)).toEqual({
      kind: 'navigate',
      tabId: 3,
      windowId: 2,
      reason: 'matching-tab',
      sameUrl: false,
    });
  });

  it('prefers the previous pop tab among the matching ones', () => {
    expect(decideTab(tabs, strategy, POP, 4)).toMatchObject({ tabId: 4, reason: 'matching-tab' });
  });

  it('falls back to the previous pop tab, then to a new tab or window', () => {
    const noCrm = tabs.filter((t) => !t.url?.startsWith(CRM));
    expect(decideTab(noCrm, strategy, POP, 5)).toMatchObject({ tabId: 5, reason: 'pop-tab' });
    expect(decideTab(noCrm, strategy, POP, 42)).toEqual({ kind: 'create', newWindow: false });
    expect(decideTab(noCrm, { ...strategy, reusePopTab: false }, POP, 5)).toEqual({
      kind: 'create',
      newWindow: false,
    });
    expect(decideTab(noCrm, { ...strategy, newWindow: true }, POP, undefined)).toEqual({
      kind: 'create',
      newWindow: true,
    });
  });

  it('no pattern: no tab is searched', () => {
    const { matchUrl: _ignored, ...noPattern } = strategy;
    expect(decideTab(tabs, noPattern, POP, 2)).toMatchObject({ tabId: 2, reason: 'pop-tab' });
  });

  it('a tab already showing the page is focused, not reloaded; pending navigations count', () => {
    const showing = [...tabs, { id: 7, windowId: 1, url: POP, lastAccessed: 1 }];
    expect(decideTab(showing, strategy, POP, 7)).toMatchObject({ tabId: 7, sameUrl: true });
    const pending = [{ id: 8, url: `${CRM}/crm/dashboard`, pendingUrl: POP }];
    expect(decideTab(pending, strategy, POP, undefined)).toMatchObject({ tabId: 8, sameUrl: true });
  });

  it('skips incognito tabs and tabs without an id', () => {
    const odd = [
      { id: 9, url: `${CRM}/crm/a`, incognito: true, lastAccessed: 999 },
      { url: `${CRM}/crm/b`, lastAccessed: 998 },
      { id: 10, url: `${CRM}/crm/c`, lastAccessed: 1 },
    ];
    expect(decideTab(odd, strategy, POP, undefined)).toMatchObject({ tabId: 10 });
  });
});
