import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_FILE,
  CONTENT_SCRIPT_ID,
  CONTENT_STYLE_FILE,
  contentScriptsRegistrar,
  PageRegistration,
  scriptingRegistrar,
  type ScriptRegistrar,
} from '../../lib/background/page-registration.ts';
import type { SiteLists } from '../../lib/background/page-sites.ts';
import { urlMatchesPattern } from '../../lib/settings/site-patterns.ts';

const lists = (over: Partial<SiteLists> = {}): SiteLists => ({
  crmSites: ['http://127.0.0.1/*', 'https://crm.example.com/*', 'https://*.salesforce.example/*'],
  disabledSites: [],
  region: 'US',
  confirmBeforeDial: false,
  numbersShortcut: 'Alt+Shift+N',
  language: 'browser',
  partyNameKey: 'CustomerName',
  ...over,
});

/** A registrar that keeps what is registered, like the browser would. */
function memoryRegistrar() {
  const state = { registered: [] as string[], injected: [] as string[][] };
  const registrar: ScriptRegistrar = {
    sync: async (patterns) => {
      const previous = state.registered;
      state.registered = patterns;
      return previous;
    },
    injectIntoOpenTabs: async (patterns) => void state.injected.push(patterns),
  };
  return { state, registrar };
}

describe('content script registration', () => {
  it('registers the enabled CRM sites the agent granted, and follows changes', async () => {
    const { state, registrar } = memoryRegistrar();
    let current = lists();
    const granted = new Set(['http://127.0.0.1/*', 'https://crm.example.com/*']);
    const reg = new PageRegistration({
      registrar,
      readLists: async () => current,
      granted: async (p) => granted.has(p),
    });
    await reg.sync();
    expect(state.registered).toEqual(['http://127.0.0.1/*', 'https://crm.example.com/*']);
    // Pages opened before the script existed get it once, not on every sync.
    expect(state.injected).toEqual([['http://127.0.0.1/*', 'https://crm.example.com/*']]);
    current = lists({ disabledSites: ['https://crm.example.com/*'] });
    await reg.sync();
    expect(state.registered).toEqual(['http://127.0.0.1/*']);
    granted.add('https://*.salesforce.example/*');
    await reg.sync();
    expect(state.registered).toEqual(['http://127.0.0.1/*', 'https://*.salesforce.example/*']);
    expect(state.injected.at(-1)).toEqual(['https://*.salesforce.example/*']);
    current = lists({ crmSites: [] });
    await reg.sync();
    expect(state.registered).toEqual([]);
  });

  it('runs syncs one at a time and catches up with changes made meanwhile', async () => {
    const { state, registrar } = memoryRegistrar();
    let current = lists({ crmSites: ['http://127.0.0.1/*'] });
    let reads = 0;
    const reg = new PageRegistration({
      registrar,
      readLists: async () => {
        reads++;
        return current;
      },
      granted: async () => true,
    });
    const first = reg.sync();
    current = lists({ crmSites: ['https://crm.example.com/*'] });
    const second = reg.sync();
    const third = reg.sync();
    await Promise.all([first, second, third]);
    expect(reads).toBe(2);
    expect(state.registered).toEqual(['https://crm.example.com/*']);
  });

  it('uses scripting.registerContentScripts on Chrome: register, update, unregister', async () => {
    const calls: string[] = [];
    let registered: { matches?: string[] } | undefined;
    const scripting = {
      getRegisteredContentScripts: async () => (registered ? [registered] : []),
      registerContentScripts: async (s: unknown[]) => {
        calls.push('register');
        registered = s[0] as { matches: string[] };
      },
      updateContentScripts: async (s: unknown[]) => {
        calls.push('update');
        registered = s[0] as { matches: string[] };
      },
      unregisterContentScripts: async () => {
        calls.push('unregister');
        registered = undefined;
      },
      executeScript: async () => undefined,
      insertCSS: async () => undefined,
    };
    const r = scriptingRegistrar(scripting);
    expect(await r.sync(['http://127.0.0.1/*'])).toEqual([]);
    expect(registered).toMatchObject({
      id: CONTENT_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      css: [CONTENT_STYLE_FILE],
      matches: ['http://127.0.0.1/*'],
      allFrames: true,
    });
    expect(await r.sync(['https://crm.example.com/*'])).toEqual(['http://127.0.0.1/*']);
    await r.sync([]);
    expect(calls).toEqual(['register', 'update', 'unregister']);
    expect(registered).toBeUndefined();
  });

  it('uses contentScripts.register on Firefox MV2, replacing the registration', async () => {
    const live: string[][] = [];
    const api = {
      register: async (options: unknown) => {
        const { matches, js, allFrames } = options as {
          matches: string[];
          js: Array<{ file: string }>;
          allFrames: boolean;
        };
        expect(js).toEqual([{ file: `/${CONTENT_SCRIPT_FILE}` }]);
        expect(allFrames).toBe(true);
        live.push(matches);
        return { unregister: async () => void live.splice(live.indexOf(matches), 1) };
      },
    };
    const r = contentScriptsRegistrar(api);
    await r.sync(['http://127.0.0.1/*']);
    expect(await r.sync(['https://crm.example.com/*'])).toEqual(['http://127.0.0.1/*']);
    expect(live).toEqual([['https://crm.example.com/*']]);
    await r.sync([]);
    expect(live).toEqual([]);
  });
});

describe('match patterns', () => {
  it('match URLs the way browsers match content-script patterns', () => {
    expect(urlMatchesPattern('http://127.0.0.1:8091/crm/contacts?x=1', 'http://127.0.0.1/*')).toBe(
      true,
    );
    expect(urlMatchesPattern('https://127.0.0.1/', 'http://127.0.0.1/*')).toBe(false);
    expect(
      urlMatchesPattern('https://eu.salesforce.example/a', 'https://*.salesforce.example/*'),
    ).toBe(true);
    expect(urlMatchesPattern('https://salesforce.example/', 'https://*.salesforce.example/*')).toBe(
      true,
    );
    expect(
      urlMatchesPattern('https://evilsalesforce.example/', 'https://*.salesforce.example/*'),
    ).toBe(false);
    expect(
      urlMatchesPattern('https://crm.example.com/app/x', 'https://crm.example.com/app/*'),
    ).toBe(true);
    expect(
      urlMatchesPattern('https://crm.example.com/other', 'https://crm.example.com/app/*'),
    ).toBe(false);
    expect(urlMatchesPattern('http://crm.example.com:8080/', 'http://crm.example.com:9090/*')).toBe(
      false,
    );
    expect(urlMatchesPattern('ftp://crm.example.com/', '*://crm.example.com/*')).toBe(false);
    expect(urlMatchesPattern('https://crm.example.com/', '*://crm.example.com/*')).toBe(true);
    expect(urlMatchesPattern('not a url', '<all_urls>')).toBe(false);
    expect(urlMatchesPattern('https://a.b/', 'garbage')).toBe(false);
  });
});
