import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadScreenPopSettingsInForce, managedScreenPop } from '@/lib/settings/managed-screen-pop';
import { parseManagedPolicy, readManagedPolicy } from '@/lib/settings/managed-policy';
import { exportRules } from '@/lib/screen-pop/import-export';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { decidePop } from '@/lib/screen-pop/decide';
import { sampleCall } from '@/lib/screen-pop/test-rule';
import { saveScreenPopSettings, defaultScreenPopSettings } from '@/lib/settings/screen-pop-rules';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { agentSettings } from '@/lib/settings/agent-settings';

const parseManagedScreenPop = (raw: Record<string, unknown>) =>
  managedScreenPop(parseManagedPolicy(raw));

function policyRule(overrides: Partial<ScreenPopRule> = {}): ScreenPopRule {
  return {
    ...defaultRules()[0]!,
    id: 'policy-case',
    name: 'Case by ticket',
    url: 'https://crm.corp.example/case/{userData.CaseId}',
    tab: { matchUrl: 'https://crm.corp.example/*', reusePopTab: true, newWindow: false },
    ...overrides,
  };
}

describe('screen-pop rules from policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('no policy: nothing is locked and the agent’s own settings are in force', async () => {
    const own = { ...defaultScreenPopSettings(), crmBaseUrl: 'https://crm.mine.example' };
    await saveScreenPopSettings(own);
    expect(managedScreenPop(await readManagedPolicy())).toEqual({ problems: [] });
    expect(await loadScreenPopSettingsInForce()).toEqual({ ...own, region: 'US' });
  });

  it('policy rules and base URL replace the agent’s and decide the pop', async () => {
    await saveScreenPopSettings(defaultScreenPopSettings());
    await agentSettings.set({ ...(await agentSettings.get()), region: 'GB' });
    await fakeBrowser.storage.managed.set({
      screenPopRules: [policyRule()],
      crmBaseUrl: 'https://crm.corp.example/',
    });
    const inForce = await loadScreenPopSettingsInForce();
    expect(inForce.rules.map((r) => r.id)).toEqual(['policy-case']);
    expect(inForce.crmBaseUrl).toBe('https://crm.corp.example');
    // Callers' national numbers are read in the agent's region.
    expect(inForce.region).toBe('GB');
    const decision = decidePop({
      ruleSet: inForce,
      call: sampleCall({ ani: '+442079460958', userData: { CaseId: 'C 7/8' } }),
      trigger: 'ringing',
      alreadyPopped: () => false,
    });
    expect(decision).toMatchObject({
      kind: 'pop',
      plan: { url: 'https://crm.corp.example/case/C%207%2F8' },
    });
  });

  it('accepts the rules as JSON text or as an exported rules file', () => {
    const asText = parseManagedScreenPop({ screenPopRules: JSON.stringify([policyRule()]) });
    expect(asText.rules?.map((r) => r.id)).toEqual(['policy-case']);
    expect(asText.problems).toEqual([]);
    const asFile = parseManagedScreenPop({ screenPopRules: exportRules([policyRule()]) });
    expect(asFile.rules?.map((r) => r.id)).toEqual(['policy-case']);
  });

  it('a broken policy still locks the rules (to none) and says what is wrong', () => {
    const broken = parseManagedScreenPop({ screenPopRules: '{not json' });
    expect(broken.rules).toEqual([]);
    expect(broken.problems.map((p) => p.message)).toEqual([
      'The screen-pop rules set by policy are not a list of rules',
    ]);
  });

  it('a policy rule with a problem is kept, reported and never evaluated', () => {
    const managed = parseManagedScreenPop({
      screenPopRules: [policyRule({ url: 'javascript:alert(1)//{ani}' })],
      crmBaseUrl: 'ftp://crm.corp.example',
    });
    expect(managed.rules).toHaveLength(1);
    expect(managed.crmBaseUrl).toBeUndefined();
    expect(managed.problems.map((p) => p.path)).toEqual(['crmBaseUrl', 'url']);
    const decision = decidePop({
      ruleSet: { crmBaseUrl: 'https://crm.corp.example', region: 'GB', rules: managed.rules! },
      call: sampleCall({ ani: '+442079460958' }),
      trigger: 'ringing',
      alreadyPopped: () => false,
    });
    expect(decision).toEqual({ kind: 'skip', reason: 'no rule matches' });
  });
});
