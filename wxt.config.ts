import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { libphonenumberPatternCache } from './build/libphonenumber-patterns.ts';

// No host is granted at install. Every origin (the GWS server, CRM sites, and the bundled
// simulator and demo CRM on loopback too) is asked for one at a time, when configured (see
// README, "Permissions"); the demo and the test harness grant loopback themselves
// (tests/support/loopback-grant.ts).
const REQUESTABLE_ORIGINS = ['https://*/*', 'http://*/*'];

// Keyboard shortcuts (lib/background/keyboard-commands.ts). Chrome takes suggested keys for at
// most four commands; "toggle-ready" has none until the agent assigns one. Chromium on Linux
// keeps Alt+Shift+A/B/C/N/P/R/T/W/X/Z for itself, so: D(ial pad), U (pick up), H(ang up), (h)O(ld).
function keyboardCommands(manifestVersion: number) {
  return {
    [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
      suggested_key: { default: 'Alt+Shift+D' },
      description: '__MSG_commandOpenPopup__',
    },
    'answer-call': {
      suggested_key: { default: 'Alt+Shift+U' },
      description: '__MSG_commandAnswer__',
    },
    'hang-up-call': {
      suggested_key: { default: 'Alt+Shift+H' },
      description: '__MSG_commandHangup__',
    },
    'toggle-hold': {
      suggested_key: { default: 'Alt+Shift+O' },
      description: '__MSG_commandHold__',
    },
    'toggle-ready': { description: '__MSG_commandReady__' },
  };
}

const NATIVE_API = '\0native-extension-api';

/**
 * The CRM content script, injected into every frame of every enabled CRM page, uses the
 * browser's own promise-based extension API (`browser` in Firefox, `chrome` in Chrome MV3)
 * instead of webextension-polyfill: what it calls (runtime.sendMessage / connect / id,
 * storage.onChanged) returns promises natively in both, and the polyfill was 2.4 kB gzipped of
 * the script. The other contexts keep the polyfill.
 */
function nativeApiInContentScript(): Plugin {
  let contentScript = false;
  return {
    name: 'native-extension-api-in-content-script',
    enforce: 'pre',
    buildStart(options) {
      contentScript = JSON.stringify(options.input ?? '').includes('crm.content');
    },
    resolveId(id) {
      if (!contentScript) return null;
      if (id === 'webextension-polyfill' || id === '@wxt-dev/webextension-polyfill/browser')
        return NATIVE_API;
      return null;
    },
    load(id) {
      if (id !== NATIVE_API) return null;
      return "import { browser } from '@wxt-dev/browser';\nexport { browser };\nexport default browser;\n";
    },
  };
}

/**
 * The overlay's shadow-root CSS (components/overlay/overlay-styles.ts) is written for people,
 * with comments and indentation; every CRM frame gets it, and the content script has a size
 * budget (bench/overlay/script-size.ts), so it ships without comments and layout white space:
 * ~1 kB raw, 0.33 kB gzip. Only white space next to `{};,>` and after `:` goes (a space before
 * `:` can be a descendant combinator: `.a :focus`), and runs of white space become one.
 */
function compactOverlayCss(): Plugin {
  const compact = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .trim();
  return {
    name: 'compact-overlay-css',
    transform(code, id) {
      if (!id.endsWith('components/overlay/overlay-styles.ts')) return null;
      return code.replace(/(OVERLAY_CSS = `)([^`]*)`/, (_, head: string, css: string) => {
        return `${head}${compact(css)}\``;
      });
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [
      preact(),
      nativeApiInContentScript(),
      libphonenumberPatternCache(),
      compactOverlayCss(),
    ],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'GWS CTI Overlay',
    default_locale: 'en',
    description: 'Genesys Web Services call control on top of any CRM.',
    // notifications: the incoming-call alert with Answer/Decline (lib/background/call-alerts.ts).
    // No `tabs`: the screen-pop reads tab URLs only on hosts it holds host permissions for
    // (the CRM origins the agent grants), which is all it needs to find a CRM tab.
    // contextMenus: "Call <selection>" and the per-site overlay switch on CRM sites
    // (lib/background/page-context-menu.ts).
    // offscreen (Chrome): the optional ring tone plays in an offscreen document while a call
    // rings, since the service worker has no audio (lib/background/ring-tone.ts).
    // idle: automatic Not Ready when the workstation locks or the agent is idle, off unless the
    // agent or policy turns it on (lib/background/auto-not-ready.ts).
    // scripting (Chrome): registers the CRM overlay content script at run time for the CRM sites
    // the agent enabled only (lib/background/page-registration.ts); Firefox MV2 does the same
    // with contentScripts.register, which needs no permission.
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'contextMenus',
      'idle',
      ...(browser === 'firefox' ? [] : ['scripting', 'offscreen']),
    ],
    commands: keyboardCommands(manifestVersion),
    optional_host_permissions: REQUESTABLE_ORIGINS,
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions (WXT drops it): host patterns go here.
          optional_permissions: REQUESTABLE_ORIGINS,
          browser_specific_settings: {
            gecko: {
              id: 'gws-cti-overlay@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Enterprise policy (managed storage): server, user and sign-in settings.
          // Firefox reads the same keys from policies.json ("3rdparty" section).
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
