import browser from 'webextension-polyfill';
import { directorySettings, type DirectorySettings } from '@/lib/directory/directory-settings';
import { sendCommand } from '@/lib/messaging/client';
import { t } from '@/lib/i18n/messages';
import { agentSettings, type AgentSettings, type UiLanguage } from '@/lib/settings/agent-settings';
import {
  loadLoginDefaults,
  saveLoginDefaults,
  type LoginDefaults,
} from '@/lib/settings/login-defaults';
import { overlaySettings, type OverlaySettings } from '@/lib/settings/overlay-settings';
import { browserSiteAccess, type SiteAccess } from '@/lib/settings/site-access';
import { readPolicyView, type PolicyView } from '@/lib/settings/policy-view';
import { dialPlanSettings, type DialPlanSettings } from '@/lib/settings/dial-plan-settings';
import {
  awaySettings,
  readManagedAway,
  type AwaySettingsValue,
} from '@/lib/settings/away-settings';
import {
  loadScreenPopSettings,
  saveScreenPopSettings,
  type ScreenPopSettings,
} from '@/lib/settings/screen-pop-rules';
import type { DiagnosticsDump } from '@/lib/diagnostics/diagnostics-log';
import { applyUiLanguage, uiLanguage } from '@/lib/i18n/messages';
import { setAgentRegion } from '@/lib/settings/agent-region';
import { playOneRing, RingPlayer } from '@/lib/ringtone/ring-player';
import type { Shortcut } from '@/components/options/ShortcutsSection';
import {
  readManagedWrapUp,
  wrapUpSettings,
  type WrapUpSettings,
} from '@/lib/settings/wrap-up-settings';

/** Everything the options page reads and changes; tests pass their own. */
export interface OptionsDeps {
  settings: { get(): Promise<AgentSettings>; set(value: AgentSettings): Promise<AgentSettings> };
  /** What policy sets (shown locked), without its password. */
  policy(): Promise<PolicyView>;
  /** The CRM page overlay's own settings. */
  overlay: {
    get(): Promise<OverlaySettings>;
    set(value: OverlaySettings): Promise<OverlaySettings>;
  };
  loginDefaults: { load(): Promise<LoginDefaults>; save(value: LoginDefaults): Promise<void> };
  sites: SiteAccess;
  screenPop: {
    load(): Promise<ScreenPopSettings>;
    /** Refuses (throws) settings with problems. */
    save(value: ScreenPopSettings): Promise<void>;
  };
  /** Wrap-up and call-history settings, and what policy sets of them. */
  wrapUp?: {
    get(): Promise<WrapUpSettings>;
    set(value: WrapUpSettings): Promise<WrapUpSettings>;
    managed(): Promise<Partial<WrapUpSettings>>;
  };
  /** Automatic Not Ready settings, and what policy sets of them. */
  away?: {
    get(): Promise<AwaySettingsValue>;
    set(value: AwaySettingsValue): Promise<AwaySettingsValue>;
    managed(): Promise<Partial<AwaySettingsValue>>;
  };
  /** The agent's own dial-plan rules (policy's come with `policy()`). */
  dialPlan?: {
    get(): Promise<DialPlanSettings>;
    set(value: DialPlanSettings): Promise<DialPlanSettings>;
  };
  /** The favourites and speed dials of the transfer and dial directory (`storage.local`). */
  directory?: {
    get(): Promise<DirectorySettings>;
    set(value: DirectorySettings): Promise<DirectorySettings>;
  };
  exportDiagnostics(): Promise<DiagnosticsDump>;
  download(fileName: string, text: string): void;
  shortcuts(): Promise<Shortcut[]>;
  openShortcutEditor?: () => void;
  /** Switches the page's language (and the region numbers are read in). */
  applyLanguage(language: UiLanguage): Promise<void>;
  applyRegion(region: string): void;
  /** Plays one ring of the ring tone in this page. */
  playRingSample(): Promise<void>;
  extensionVersion(): string;
}

function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Chrome's shortcut page cannot be linked to, only opened as a tab; Firefox has an API. */
function shortcutEditor(): (() => void) | undefined {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (typeof commands.openShortcutSettings === 'function') {
    return () => void commands.openShortcutSettings?.();
  }
  if (browser.runtime.getURL('').startsWith('chrome-extension:')) {
    return () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
  return undefined;
}

export function browserOptionsDeps(): OptionsDeps {
  const editor = shortcutEditor();
  return {
    settings: agentSettings,
    policy: readPolicyView,
    overlay: overlaySettings,
    loginDefaults: { load: loadLoginDefaults, save: saveLoginDefaults },
    sites: browserSiteAccess,
    screenPop: { load: loadScreenPopSettings, save: saveScreenPopSettings },
    wrapUp: { get: wrapUpSettings.get, set: wrapUpSettings.set, managed: readManagedWrapUp },
    dialPlan: { get: dialPlanSettings.get, set: dialPlanSettings.set },
    away: { get: awaySettings.get, set: awaySettings.set, managed: readManagedAway },
    directory: { get: directorySettings.get, set: directorySettings.set },
    exportDiagnostics: () => sendCommand('diagnostics.export'),
    download: downloadFile,
    shortcuts: async () =>
      (await browser.commands.getAll()).map((c) => ({
        name: c.name ?? '',
        // Chrome reports no description for the built-in "open the popup" command.
        description:
          c.description || (c.name?.startsWith('_execute_') ? t('commandOpenPopup') : ''),
        shortcut: c.shortcut ?? '',
      })),
    ...(editor ? { openShortcutEditor: editor } : {}),
    applyLanguage: async (language) => {
      await applyUiLanguage(language);
      document.documentElement.lang = uiLanguage();
    },
    applyRegion: setAgentRegion,
    playRingSample: () => playOneRing(new RingPlayer()),
    extensionVersion: () => browser.runtime.getManifest().version,
  };
}
