import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SCREEN_POP_SETTINGS_KEY,
  defaultScreenPopSettings,
  loadScreenPopSettings,
  saveScreenPopSettings,
  screenPopSettingsItem,
  screenPopSettingsProblems,
} from '@/lib/settings/screen-pop-rules';
import { DEFAULT_CRM_BASE_URL, defaultRules } from '@/lib/screen-pop/defaults';

const stored = async () =>
  (await fakeBrowser.storage.local.get(SCREEN_POP_SETTINGS_KEY))[SCREEN_POP_SETTINGS_KEY];

describe('screen-pop settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('nothing stored: the defaults, with the demo CRM as the one base URL', async () => {
    const settings = await loadScreenPopSettings();
    expect(settings).toEqual(defaultScreenPopSettings());
    expect(settings.crmBaseUrl).toBe(DEFAULT_CRM_BASE_URL);
    expect(screenPopSettingsProblems(settings)).toEqual([]);
    expect(await stored()).toBeUndefined();
  });

  it('migrates the unversioned form (a bare rule list) and writes the result back', async () => {
    const rules = defaultRules().map((r) => ({ ...r, id: 'legacy' }));
    await fakeBrowser.storage.local.set({ [SCREEN_POP_SETTINGS_KEY]: rules });
    const settings = await loadScreenPopSettings();
    expect(settings.rules).toEqual(rules);
    expect(settings.crmBaseUrl).toBe(DEFAULT_CRM_BASE_URL);
    expect(await stored()).toEqual({ version: screenPopSettingsItem.version, value: settings });
  });

  it('an unusable field takes its default; rules with problems are kept for the editor', () => {
    const { value } = screenPopSettingsItem.decode({
      version: 1,
      value: {
        crmBaseUrl: 'javascript:alert(1)',
        region: 'gb',
        rules: [{ id: 'x' }],
        notifications: 'yes',
      },
    });
    expect(value.crmBaseUrl).toBe(DEFAULT_CRM_BASE_URL);
    // The agent's region is the one in force (see loadScreenPopSettingsInForce).
    expect(value).not.toHaveProperty('region');
    expect(value.notifications).toBe(true);
    expect(value.rules).toEqual([{ id: 'x' }]);
    expect(screenPopSettingsProblems(value).every((p) => p.ruleId === 'x')).toBe(true);
    expect(screenPopSettingsProblems(value).length).toBeGreaterThan(0);
  });

  it('an item written by a newer version is read, never rewritten by a read', async () => {
    const newer = { version: 99, value: { crmBaseUrl: 'https://crm.example/', futureField: 1 } };
    await fakeBrowser.storage.local.set({ [SCREEN_POP_SETTINGS_KEY]: newer });
    expect((await loadScreenPopSettings()).crmBaseUrl).toBe('https://crm.example');
    expect(await stored()).toEqual(newer);
  });

  it('save refuses unsafe URLs and invalid rules, and stores what it accepts', async () => {
    const base = defaultScreenPopSettings();
    await expect(
      saveScreenPopSettings({ ...base, rules: [{ ...defaultRules()[0]!, url: 'file:///{ani}' }] }),
    ).rejects.toThrow(/must start with http/);
    await expect(saveScreenPopSettings({ ...base, crmBaseUrl: 'data:,x' })).rejects.toThrow(
      /CRM base URL is not usable/,
    );
    await saveScreenPopSettings({ ...base, crmBaseUrl: 'http://127.0.0.1:5000/' });
    expect((await loadScreenPopSettings()).crmBaseUrl).toBe('http://127.0.0.1:5000');
  });

  it('rules that went bad in storage do not block saving another setting, nor stay bad', async () => {
    const broken = { ...defaultRules()[0]!, url: 'file:///{ani}' };
    await fakeBrowser.storage.local.set({
      [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { rules: [broken] } },
    });
    const stored = await loadScreenPopSettings();
    await saveScreenPopSettings({ ...stored, notificationUserDataKey: 'CaseId' });
    expect((await loadScreenPopSettings()).notificationUserDataKey).toBe('CaseId');
    // Changing the rules is judged: still broken is refused, fixed is saved.
    await expect(
      saveScreenPopSettings({ ...stored, rules: [{ ...broken, name: 'renamed' }] }),
    ).rejects.toThrow(/must start with http/);
    await saveScreenPopSettings({ ...stored, rules: defaultRules() });
    expect((await loadScreenPopSettings()).rules).toEqual(defaultRules());
  });
});
