import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  parseManagedPolicy,
  POLICY_KEYS,
  readManagedPolicy,
} from '../../lib/settings/managed-policy.ts';
import { policyView, readPolicyView } from '../../lib/settings/policy-view.ts';
import { signInLocks } from '../../lib/settings/sign-in-defaults.ts';
import { managedCredentials, startupCredentials } from '../../lib/background/settings-startup.ts';
import { activePatterns, readSiteLists, siteVerdict } from '../../lib/background/page-sites.ts';
import { PageRegistration, type ScriptRegistrar } from '../../lib/background/page-registration.ts';
import { overlaySettings } from '../../lib/settings/overlay-settings.ts';
import { loadWrapUpSettingsInForce, wrapUpSettings } from '../../lib/settings/wrap-up-settings.ts';

interface SchemaProperty {
  type: string;
  items?: { type: string };
}

/** What public/managed-schema.json says each key is (Chrome checks policy against it). */
function schemaTypes(): Record<string, { type: string; items?: string }> {
  const url = new URL('../../public/managed-schema.json', import.meta.url);
  const schema = JSON.parse(readFileSync(url, 'utf8')) as {
    properties: Record<string, SchemaProperty>;
  };
  return Object.fromEntries(
    Object.entries(schema.properties).map(([key, p]) => [
      key,
      p.items ? { type: p.type, items: p.items.type } : { type: p.type },
    ]),
  );
}

describe('the policy reader and public/managed-schema.json', () => {
  it('list the same keys with the same types', () => {
    const reader = Object.fromEntries(
      Object.entries(POLICY_KEYS).map(([key, { schema }]) => [
        key,
        'items' in schema ? { type: schema.type, items: schema.items.type } : { type: schema.type },
      ]),
    );
    expect(reader).toEqual(schemaTypes());
  });
});

describe('policy values are normalised once, with problems per key', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a CRM site is read as the options page reads the agent’s own; broad ones are refused', () => {
    const policy = parseManagedPolicy({
      crmSites: ['crm.example.com', '<all_urls>', '*://*/*', 'ftp://files.example', 7],
    });
    expect(policy.crmSites).toEqual(['https://crm.example.com/*']);
    expect(policy.problems.map((p) => [p.key, p.path])).toEqual([
      ['crmSites', 'crmSites[1]'],
      ['crmSites', 'crmSites[2]'],
      ['crmSites', 'crmSites[3]'],
      ['crmSites', 'crmSites[4]'],
    ]);
    expect(policy.problems[0]!.message).toBe(
      'The CRM site <all_urls> set by policy is not used: it would cover far too many sites',
    );
  });

  it('a value of the wrong type is not used and is reported under its key', () => {
    const policy = parseManagedPolicy({
      serverUrl: 'ftp://gws.example',
      username: 42,
      autoLogin: 'yes',
      crmSites: 'crm.example.com',
      unknownKey: true,
    });
    expect(policy).toEqual({ problems: expect.any(Array) });
    expect(policy.problems.map((p) => p.key)).toEqual([
      'serverUrl',
      'username',
      'crmSites',
      'autoLogin',
    ]);
  });

  it('internal numbers: a typo replaces the agent’s own with none, and is reported', () => {
    expect(parseManagedPolicy({ internalNumbers: '7XXX, 8xx' }).internalNumbers).toBe('7XXX, 8xx');
    const typo = parseManagedPolicy({ internalNumbers: '7XXX, 12-34' });
    expect(typo.internalNumbers).toBe('');
    expect(typo.problems.map((p) => p.key)).toEqual(['internalNumbers']);
  });

  it('the server URL is normalised as the sign-in form does it', () => {
    expect(parseManagedPolicy({ serverUrl: ' https://gws.example.com/ ' }).serverUrl).toBe(
      'https://gws.example.com',
    );
  });

  it('views get the policy without its password, and know only that one is set', () => {
    const policy = parseManagedPolicy({
      serverUrl: 'https://gws.example.com',
      username: 'kiosk',
      password: 'pa55-word',
      autoLogin: true,
    });
    expect(managedCredentials(policy)).toEqual({
      serverUrl: 'https://gws.example.com',
      username: 'kiosk',
      password: 'pa55-word',
    });
    const view = policyView(policy);
    expect(JSON.stringify(view)).not.toContain('pa55-word');
    expect('password' in view).toBe(false);
    expect(signInLocks(view)).toEqual({
      serverUrl: true,
      username: true,
      password: true,
      autoLogin: true,
    });
  });

  it('the background and the views read the same managed storage', async () => {
    await fakeBrowser.storage.managed.set({
      serverUrl: 'https://gws.example.com',
      username: 'kiosk',
      password: 'pa55-word',
      autoLogin: true,
    });
    expect(await startupCredentials()).toEqual({
      serverUrl: 'https://gws.example.com',
      username: 'kiosk',
      password: 'pa55-word',
    });
    const view = await readPolicyView();
    expect(view).toMatchObject({ serverUrl: 'https://gws.example.com', passwordSet: true });
    expect(JSON.stringify(view)).not.toContain('pa55-word');
  });
});

describe('no policy', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('nothing is managed when managed storage throws (Firefox without policies.json)', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    expect(await readManagedPolicy()).toEqual({ problems: [] });
  });

  it('nothing is managed when managed storage never answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));
    const reading = readManagedPolicy();
    await vi.runAllTimersAsync();
    expect(await reading).toEqual({ problems: [] });
  });
});

describe('CRM sites set by policy in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('wrap-up settings set by policy come through the same reader and win', async () => {
    await wrapUpSettings.update((s) => ({
      ...s,
      dispositionRequired: false,
      dispositionKey: 'Mine',
    }));
    await fakeBrowser.storage.managed.set({
      dispositionRequired: true,
      dispositions: ['SALE=Sale', 'NO'],
    });
    const inForce = await loadWrapUpSettingsInForce();
    expect(inForce.dispositionRequired).toBe(true);
    expect(inForce.dispositions).toEqual([
      { code: 'SALE', label: 'Sale' },
      { code: 'NO', label: 'NO' },
    ]);
    // What policy leaves alone stays the agent's.
    expect(inForce.dispositionKey).toBe('Mine');
  });

  it('"Confirm before dialling" from policy replaces the agent\'s own choice, on and off', async () => {
    await overlaySettings.update((s) => ({ ...s, confirmBeforeDial: false }));
    expect((await readSiteLists()).confirmBeforeDial).toBe(false);
    await fakeBrowser.storage.managed.set({ confirmBeforeDial: true });
    expect((await readSiteLists()).confirmBeforeDial).toBe(true);
    await overlaySettings.update((s) => ({ ...s, confirmBeforeDial: true }));
    await fakeBrowser.storage.managed.set({ confirmBeforeDial: false });
    expect((await readSiteLists()).confirmBeforeDial).toBe(false);
  });

  it('a bare host works: the overlay is registered for it and pages on it are CRM pages', async () => {
    await fakeBrowser.storage.managed.set({ crmSites: ['crm.example.com', '<all_urls>'] });
    const lists = await readSiteLists();
    expect(lists.crmSites).toEqual(['https://crm.example.com/*']);
    expect(siteVerdict('https://crm.example.com/contacts/7', lists)).toEqual({
      on: true,
      pattern: 'https://crm.example.com/*',
    });
    // `<all_urls>` is honoured nowhere.
    expect(siteVerdict('https://bank.example/', lists)).toEqual({
      on: false,
      reason: 'not-a-crm-site',
    });
    expect(activePatterns(lists)).toEqual(['https://crm.example.com/*']);

    let registered: string[] = [];
    const registrar: ScriptRegistrar = {
      sync: async (patterns) => {
        const previous = registered;
        registered = patterns;
        return previous;
      },
      injectIntoOpenTabs: async () => undefined,
    };
    // Granted stands in for the browser's permission check (fake-browser has no permissions).
    await new PageRegistration({ registrar, granted: async () => true }).sync();
    expect(registered).toEqual(['https://crm.example.com/*']);
  });
});
