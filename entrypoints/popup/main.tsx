import { render } from 'preact';
import { applyPageSettings } from '@/lib/settings/page-settings';
import { AGENT_SETTINGS_DEFAULTS } from '@/lib/settings/agent-settings';
import { loadSignInDefaults } from '@/lib/settings/sign-in-defaults';
import { t } from '@/lib/i18n/messages';
import { App } from './App';
import './style.css';

// The agent's language and region apply from the first render.
void applyPageSettings()
  .catch(() => undefined)
  .then((settings) => {
    document.title = t('appName');
    render(
      <App
        loginDefaults={loadSignInDefaults}
        partyNaming={{ nameKey: settings?.partyNameKey ?? AGENT_SETTINGS_DEFAULTS.partyNameKey }}
      />,
      document.getElementById('app')!,
    );
  });
