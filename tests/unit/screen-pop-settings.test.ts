import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SCREEN_POP_SETTINGS_KEY,
  SCREEN_POP_SETTINGS_VERSION,
  defaultScreenPopSettings,
  loadScreenPopSettings,
  migrateScreenPopSettings,
  saveScreenPopSettings,
  watchScreenPopSettings,
} from '@/lib/settings/screen-pop-rules';
import { DEFAULT_CRM_BASE_URL, defaultRules } from '@/lib/screen-pop/defaults';

describe('screen-pop settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('nothing stored: the defaults, with the demo CRM as the one base URL', () => {
    const { settings, problems, migrated } = migrateScreenPopSettings(undefined);
    expect(settings).toEqual(defaultScreenPopSettings());
    expect(settings.crmBaseUrl).toBe(DEFAULT_CRM_BASE_URL);
    expect(problems).toEqual([]);
    expect(migrated).toBe(false);
  });

  it('migrates the unversioned form (a bare rule list) and writes the result back', async () => {
    const rules = defaultRules().map((r) => ({ ...r, id: 'legacy' }));
    await fakeBrowser.storage.local.set({ [SCREEN_POP_SETTINGS_KEY]: rules });
    const loaded = await loadScreenPopSettings();
    expect(loaded.migrated).toBe(true);
    expect(loaded.settings.rules).toEqual(rules);
    const stored = (await fakeBrowser.storage.local.get(SCREEN_POP_SETTINGS_KEY))[
      SCREEN_POP_SETTINGS_KEY
    ];
    expect(stored).toMatchObject({ version: SCREEN_POP_SETTINGS_VERSION, rules });
  });

  it('an unusable field falls back to its default and is reported; bad rules are kept and reported', () => {
    const { settings, problems } = migrateScreenPopSettings({
      version: 1,
      crmBaseUrl: 'javascript:alert(1)',
      region: 'gb',
      rules: [{ id: 'x' }],
      notifications: 'yes',
    });
    expect(settings.crmBaseUrl).toBe(DEFAULT_CRM_BASE_URL);
    expect(settings.region).toBe('GB');
    expect(settings.notifications).toBe(true);
    expect(settings.rules).toEqual([{ id: 'x' }]);
    expect(problems[0]).toMatchObject({ path: 'crmBaseUrl', code: 'unsafe-url' });
    expect(problems.filter((p) => p.ruleId === 'x').length).toBeGreaterThan(0);
  });

  it('an item written by a newer version is read, not downgraded', () => {
    const { settings, migrated } = migrateScreenPopSettings({
      version: 99,
      crmBaseUrl: 'https://crm.example/',
      futureField: true,
    });
    expect(settings.crmBaseUrl).toBe('https://crm.example');
    expect(migrated).toBe(false);
  });

  it('save refuses invalid rules; watchers see saved changes', async () => {
    const seen: string[] = [];
    const stop = watchScreenPopSettings((loaded) => seen.push(loaded.settings.crmBaseUrl));
    const base = defaultScreenPopSettings();
    await expect(
      saveScreenPopSettings({ ...base, rules: [{ ...defaultRules()[0]!, url: 'file:///{ani}' }] }),
    ).rejects.toThrow(/must start with http/);
    await saveScreenPopSettings({ ...base, crmBaseUrl: 'http://127.0.0.1:4000' });
    stop();
    await saveScreenPopSettings({ ...base, crmBaseUrl: 'http://127.0.0.1:5000' });
    expect(seen).toEqual(['http://127.0.0.1:4000']);
    expect((await loadScreenPopSettings()).settings.crmBaseUrl).toBe('http://127.0.0.1:5000');
  });
});
