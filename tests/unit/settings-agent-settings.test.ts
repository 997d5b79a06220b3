import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AGENT_SETTINGS_DEFAULTS,
  AGENT_SETTINGS_KEY,
  agentSettings,
} from '@/lib/settings/agent-settings';
import { mayUseRememberedLogin } from '@/lib/background/settings-startup';
import { parseManagedPolicy } from '@/lib/settings/managed-policy';
import { policyView } from '@/lib/settings/policy-view';
import { signInLocks, withManaged } from '@/lib/settings/sign-in-defaults';
import { diagnosticsFile } from '@/lib/settings/diagnostics-file';
import { agentRegion, setAgentRegion } from '@/lib/settings/agent-region';

describe('agent settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: US numbers, the browser language, automatic sign-in, no CRM site', async () => {
    expect(await agentSettings.get()).toEqual(AGENT_SETTINGS_DEFAULTS);
    expect(AGENT_SETTINGS_DEFAULTS).toMatchObject({
      region: 'US',
      language: 'browser',
      signInAtStartup: true,
      crmSites: [],
    });
  });

  it('checks each field beyond its type', () => {
    const { value } = agentSettings.decode({
      version: 1,
      value: {
        region: 'gb ',
        language: 'xx',
        crmSites: ['crm.example.com', 'https://crm.example.com/*', '<all_urls>', 7, '*.com'],
        notificationSound: false,
        ringTone: 'yes',
      },
    });
    expect(value).toEqual({
      ...AGENT_SETTINGS_DEFAULTS,
      region: 'GB',
      crmSites: ['https://crm.example.com/*'],
    });
    // A field of an older shape is dropped; a mistyped one takes its default (off).
    expect(value).not.toHaveProperty('notificationSound');
    expect(value.ringTone).toBe(false);
    expect(agentSettings.decode({ version: 1, value: { region: 'Europe' } }).value.region).toBe(
      'US',
    );
  });

  it('refuses to store a broad site even when asked to', async () => {
    await agentSettings.set({ ...AGENT_SETTINGS_DEFAULTS, crmSites: ['*://*/*', 'http://*/*'] });
    const raw = (await fakeBrowser.storage.local.get(AGENT_SETTINGS_KEY))[AGENT_SETTINGS_KEY];
    expect(raw).toEqual({ version: 1, value: { ...AGENT_SETTINGS_DEFAULTS, crmSites: [] } });
  });
});

describe('policy over settings', () => {
  it('a policy autoLogin decides; without one, the agent setting does', () => {
    const policy = (raw: Record<string, unknown>) => parseManagedPolicy(raw);
    expect(mayUseRememberedLogin(policy({ autoLogin: false }), true)).toBe(false);
    expect(mayUseRememberedLogin(policy({ autoLogin: true }), false)).toBe(true);
    expect(mayUseRememberedLogin(policy({}), false)).toBe(false);
    expect(mayUseRememberedLogin(policy({ serverUrl: 'https://gws.example' }), true)).toBe(true);
    // A value of the wrong type decides nothing.
    expect(mayUseRememberedLogin(policy({ autoLogin: 'false' }), true)).toBe(true);
  });

  it('policy values replace the last sign-in and lock their fields', () => {
    const view = (raw: Record<string, unknown>) => policyView(parseManagedPolicy(raw));
    const saved = { serverUrl: 'http://127.0.0.1:8090', username: 'agent1' };
    expect(withManaged(saved, view({ serverUrl: 'https://gws.corp.example/' }))).toEqual({
      serverUrl: 'https://gws.corp.example',
      username: 'agent1',
    });
    expect(signInLocks(view({ username: 'u', autoLogin: false }))).toEqual({
      serverUrl: false,
      username: true,
      password: false,
      autoLogin: true,
    });
  });
});

describe('diagnostics file', () => {
  it('is named after its UTC moment and holds the dump with its context', () => {
    const dump = {
      exportedAt: Date.UTC(2026, 10, 24, 9, 5, 7),
      entries: { meta: [], error: [], notification: [], session: [] },
      dropped: { meta: 0, error: 0, notification: 0, session: 3 },
    };
    const file = diagnosticsFile(dump, {
      extensionVersion: '0.1.0',
      userAgent: 'test',
      settings: AGENT_SETTINGS_DEFAULTS,
    });
    expect(file.fileName).toBe('gws-cti-diagnostics-20261124-090507Z.json');
    expect(JSON.parse(file.text)).toEqual({
      format: 'gws-cti-diagnostics',
      exportedAt: '2026-11-24T09:05:07.000Z',
      extensionVersion: '0.1.0',
      userAgent: 'test',
      settings: AGENT_SETTINGS_DEFAULTS,
      diagnostics: dump,
    });
  });
});

describe('agent region', () => {
  it('takes a two-letter region and falls back to the default for anything else', () => {
    setAgentRegion('fr');
    expect(agentRegion()).toBe('FR');
    setAgentRegion('Neverland');
    expect(agentRegion()).toBe('US');
  });
});
