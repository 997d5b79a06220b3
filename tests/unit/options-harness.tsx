/**
 * The options page with its browser glue replaced by in-memory fakes, for the rule-editor
 * tests (not a test file itself). Same pattern as options-page.test.tsx: settings are kept in
 * memory, the screen-pop store refuses settings with problems as the real one does, and
 * policy comes from `policy`, read by the real policy reader.
 */
import { render, screen } from '@testing-library/preact';
import { OptionsApp } from '@/entrypoints/options/OptionsApp';
import type { OptionsDeps } from '@/entrypoints/options/deps';
import { AGENT_SETTINGS_DEFAULTS, type AgentSettings } from '@/lib/settings/agent-settings';
import { OVERLAY_SETTINGS_DEFAULTS, type OverlaySettings } from '@/lib/settings/overlay-settings';
import {
  defaultScreenPopSettings,
  screenPopChangeProblems,
  type ScreenPopSettings,
} from '@/lib/settings/screen-pop-rules';
import { parseManagedPolicy } from '@/lib/settings/managed-policy';
import { policyView } from '@/lib/settings/policy-view';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import {
  WRAP_UP_DEFAULTS,
  normalizeWrapUpSettings,
  type WrapUpSettings,
} from '@/lib/settings/wrap-up-settings';
import {
  DIAL_PLAN_DEFAULTS,
  normalizeDialPlanSettings,
  type DialPlanSettings,
} from '@/lib/settings/dial-plan-settings';
import {
  AWAY_DEFAULTS,
  normalizeAwaySettings,
  type AwaySettingsValue,
} from '@/lib/settings/away-settings';
import {
  normalizeDirectorySettings,
  type DirectorySettings,
} from '@/lib/directory/directory-settings';
import { settle } from './popup-harness';

export interface OptionsInit {
  screenPop?: Partial<ScreenPopSettings>;
  /** Managed storage as an administrator sets it, read by the real policy reader. */
  policy?: Record<string, unknown>;
  /** The wrap-up settings item, normalised like the real one, and what policy sets. */
  wrapUp?: { settings?: Partial<WrapUpSettings>; managed?: Partial<WrapUpSettings> };
  /** The agent's dial-plan settings item, normalised like the real one. */
  dialPlan?: Partial<DialPlanSettings>;
  /** The away settings item, normalised like the real one, and what policy sets. */
  away?: { settings?: Partial<AwaySettingsValue>; managed?: Partial<AwaySettingsValue> };
  /** The agent's favourites and speed dials, normalised like the real item. */
  directory?: Partial<DirectorySettings>;
}

export function renderOptionsPage(init: OptionsInit = {}) {
  let settings: AgentSettings = structuredClone(AGENT_SETTINGS_DEFAULTS);
  let screenPop: ScreenPopSettings = { ...defaultScreenPopSettings(), ...init.screenPop };
  let wrapUp = normalizeWrapUpSettings(init.wrapUp?.settings ?? {}, WRAP_UP_DEFAULTS);
  let dialPlan = normalizeDialPlanSettings(init.dialPlan ?? {}, DIAL_PLAN_DEFAULTS);
  let away = normalizeAwaySettings(init.away?.settings ?? {}, AWAY_DEFAULTS);
  let directory = normalizeDirectorySettings(init.directory ?? {});
  const log = {
    saves: 0,
    downloads: [] as Array<{ fileName: string; text: string }>,
  };
  let overlay: OverlaySettings = structuredClone(OVERLAY_SETTINGS_DEFAULTS);
  const deps: OptionsDeps = {
    overlay: {
      get: async () => structuredClone(overlay),
      set: async (value) => (overlay = structuredClone(value)),
    },
    settings: {
      get: async () => structuredClone(settings),
      set: async (value) => (settings = structuredClone(value)),
    },
    policy: async () => policyView(parseManagedPolicy(init.policy ?? {})),
    loginDefaults: {
      load: async () => ({ serverUrl: 'http://127.0.0.1:8090', username: 'agent1' }),
      save: async () => undefined,
    },
    sites: {
      request: async () => true,
      revoke: async () => undefined,
      granted: async () => false,
      required: () => [],
    },
    screenPop: {
      load: async () => structuredClone(screenPop),
      // Like saveScreenPopSettings: a change with a problem is refused.
      save: async (value) => {
        const problems = screenPopChangeProblems(screenPop, value);
        if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
        log.saves++;
        screenPop = structuredClone(value);
      },
    },
    exportDiagnostics: async () => ({
      exportedAt: 0,
      entries: { meta: [], error: [], notification: [], session: [] },
      dropped: { meta: 0, error: 0, notification: 0, session: 0 },
    }),
    download: (fileName, text) => void log.downloads.push({ fileName, text }),
    playRingSample: async () => undefined,
    shortcuts: async () => [],
    applyLanguage: async () => undefined,
    applyRegion: () => undefined,
    extensionVersion: () => '0.1.0',
    wrapUp: {
      get: async () => structuredClone(wrapUp),
      set: async (value) => (wrapUp = normalizeWrapUpSettings(value, WRAP_UP_DEFAULTS)),
      managed: async () => init.wrapUp?.managed ?? {},
    },
    away: {
      get: async () => structuredClone(away),
      set: async (value) => (away = normalizeAwaySettings(value, AWAY_DEFAULTS)),
      managed: async () => init.away?.managed ?? {},
    },
    dialPlan: {
      get: async () => structuredClone(dialPlan),
      set: async (value) => (dialPlan = normalizeDialPlanSettings(value, DIAL_PLAN_DEFAULTS)),
    },
    directory: {
      get: async () => structuredClone(directory),
      set: async (value) => (directory = normalizeDirectorySettings(value)),
    },
  };
  render(<OptionsApp deps={deps} />);
  return {
    log,
    rules: (): ScreenPopRule[] => screenPop.rules,
    screenPop: () => screenPop,
    wrapUp: () => wrapUp,
    dialPlan: () => dialPlan,
    away: () => away,
    directory: () => directory,
  };
}

export async function pageReady() {
  await screen.findByRole('heading', { level: 1, name: 'GWS CTI Overlay settings' });
  await settle();
}

export function region(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

/** A valid rule for the tests, with the fields given. */
export function testRule(patch: Partial<ScreenPopRule> & { id: string }): ScreenPopRule {
  return {
    name: patch.id.toUpperCase(),
    enabled: true,
    when: { callTypes: ['Inbound'], direction: 'incoming' },
    trigger: 'ringing',
    url: `/crm/${patch.id}?phone={ani}`,
    tab: { reusePopTab: true, newWindow: false },
    ...patch,
  };
}
