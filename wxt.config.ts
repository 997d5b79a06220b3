import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Origins of the bundled simulator and demo CRM. A real GWS origin is added at run
// time as an optional host permission (see README, "Permissions").
const LOCAL_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'GWS CTI Overlay',
    default_locale: 'en',
    description: 'Genesys Web Services call control on top of any CRM.',
    // notifications: the incoming-call alert with Answer/Decline (lib/background/call-alerts.ts).
    // No `tabs`: the screen-pop reads tab URLs only on hosts it holds host permissions for
    // (the CRM origins the agent grants), which is all it needs to find a CRM tab.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: LOCAL_ORIGINS,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
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
