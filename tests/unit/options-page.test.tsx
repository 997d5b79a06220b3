// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/entrypoints/options/OptionsApp';
import type { OptionsDeps } from '@/entrypoints/options/deps';
import { AGENT_SETTINGS_DEFAULTS, type AgentSettings } from '@/lib/settings/agent-settings';
import { applyUiLanguage } from '@/lib/i18n/messages';
import { overlaySettings } from '@/lib/settings/overlay-settings';
import { OVERLAY_SETTINGS_DEFAULTS, type OverlaySettings } from '@/lib/settings/overlay-settings';
import { defaultScreenPopSettings, type ScreenPopSettings } from '@/lib/settings/screen-pop-rules';
import { parseManagedPolicy } from '@/lib/settings/managed-policy';
import { policyView } from '@/lib/settings/policy-view';
import { siteLabel } from '@/lib/settings/crm-sites';
import { readSiteLists } from '@/lib/background/page-sites';
import { exportRules } from '@/lib/screen-pop/import-export';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { readCatalogue, settle, useCatalogue } from './popup-harness';

/**
 * The options page with its browser glue replaced by in-memory fakes: fake-browser has no
 * `permissions` or `commands`, and a real download cannot happen in happy-dom. Settings
 * themselves go through the real versioned item code in the real page in the e2e test.
 */
function renderOptions(
  init: {
    settings?: Partial<AgentSettings>;
    /** Managed storage as an administrator sets it, read by the real policy reader. */
    policy?: Record<string, unknown>;
    granted?: string[];
    grantNext?: boolean;
    screenPop?: ScreenPopSettings;
  } = {},
) {
  let settings: AgentSettings = { ...structuredClone(AGENT_SETTINGS_DEFAULTS), ...init.settings };
  let overlay: OverlaySettings = structuredClone(OVERLAY_SETTINGS_DEFAULTS);
  let login = { serverUrl: 'http://127.0.0.1:8090', username: 'agent1' };
  let screenPop = init.screenPop ?? defaultScreenPopSettings();
  const granted = new Set(init.granted ?? []);
  const log = {
    requested: [] as string[],
    revoked: [] as string[],
    downloads: [] as Array<{ fileName: string; text: string }>,
    languages: [] as string[],
    regions: [] as string[],
    ringSamples: 0,
    grantNext: init.grantNext ?? true,
  };
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
      load: async () => ({ ...login }),
      save: async (value) => void (login = { ...value }),
    },
    sites: {
      request: (pattern) => {
        log.requested.push(pattern);
        if (log.grantNext) granted.add(pattern);
        return Promise.resolve(log.grantNext);
      },
      revoke: async (pattern) => {
        log.revoked.push(pattern);
        granted.delete(pattern);
      },
      granted: async (pattern) => granted.has(pattern),
      required: () => ['http://127.0.0.1/*', 'http://localhost/*'],
    },
    screenPop: {
      load: async () => structuredClone(screenPop),
      save: async (value) => void (screenPop = structuredClone(value)),
    },
    exportDiagnostics: async () => ({
      exportedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      entries: {
        meta: [],
        error: [{ at: 1, kind: 'error', summary: 'recovery failed' }],
        notification: [],
        session: [],
      },
      dropped: { meta: 0, error: 0, notification: 0, session: 0 },
    }),
    download: (fileName, text) => void log.downloads.push({ fileName, text }),
    playRingSample: async () => void log.ringSamples++,
    shortcuts: async () => [
      { name: 'answer-call', description: 'Answer the ringing call', shortcut: 'Alt+Shift+U' },
      { name: 'toggle-ready', description: 'Switch between Ready and Not Ready', shortcut: '' },
    ],
    applyLanguage: async (language) => {
      log.languages.push(language);
      await applyUiLanguage(language, async (lang) => readCatalogue(lang));
    },
    applyRegion: (region) => void log.regions.push(region),
    extensionVersion: () => '0.1.0',
  };
  render(<OptionsApp deps={deps} />);
  return {
    log,
    settings: () => settings,
    overlay: () => overlay,
    login: () => login,
    screenPop: () => screenPop,
    granted: () => [...granted],
  };
}

async function ready() {
  await screen.findByRole('heading', { level: 1, name: 'GWS CTI Overlay settings' });
  await settle();
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(async () => {
    cleanup();
    await applyUiLanguage('browser');
  });

  it('shows every section, each a titled region', async () => {
    renderOptions();
    await ready();
    const names = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(names).toEqual([
      'sign-in-title',
      'region-title',
      'crm-sites-title',
      'internal-numbers-title',
      'click-to-call-title',
      'notifications-title',
      'caller-names-title',
      'screen-pop-title',
      'language-title',
      'shortcuts-title',
      'diagnostics-title',
    ]);
  });

  it('saves the sign-in defaults and the startup policy, after checking the server URL', async () => {
    const page = renderOptions();
    await ready();
    const signIn = section('Sign-in');
    fireEvent.input(within(signIn).getByLabelText('Server URL'), { target: { value: 'gws host' } });
    fireEvent.click(within(signIn).getByRole('button', { name: 'Save' }));
    expect(within(signIn).getByRole('alert').textContent).toMatch(/server address/);
    expect(page.login().serverUrl).toBe('http://127.0.0.1:8090');

    fireEvent.input(within(signIn).getByLabelText('Server URL'), {
      target: { value: 'https://gws.example.test/' },
    });
    fireEvent.input(within(signIn).getByLabelText('User name'), { target: { value: ' agent7 ' } });
    fireEvent.click(within(signIn).getByRole('checkbox'));
    fireEvent.click(within(signIn).getByRole('button', { name: 'Save' }));
    await settle();
    expect(page.login()).toEqual({ serverUrl: 'https://gws.example.test', username: 'agent7' });
    expect(page.settings().signInAtStartup).toBe(false);
    expect(within(signIn).getByRole('status').textContent).toBe('Saved.');
  });

  it('shows what policy sets as locked, and never overwrites it', async () => {
    const page = renderOptions({
      policy: { serverUrl: 'https://gws.corp.example', password: 'x', autoLogin: false },
    });
    await ready();
    const signIn = section('Sign-in');
    const server = within(signIn).getByLabelText('Server URL') as HTMLInputElement;
    expect(server.value).toBe('https://gws.corp.example');
    expect(server.readOnly).toBe(true);
    expect(server.getAttribute('aria-describedby')).toBe('server-locked');
    expect(document.getElementById('server-locked')?.textContent).toContain(
      'Set by your administrator',
    );
    expect((within(signIn).getByLabelText('User name') as HTMLInputElement).readOnly).toBe(false);
    const startup = within(signIn).getByRole('checkbox') as HTMLInputElement;
    expect(startup.disabled).toBe(true);
    expect(startup.checked).toBe(false);
    expect(within(signIn).getByText('A password is set by your administrator.')).toBeTruthy();

    fireEvent.input(within(signIn).getByLabelText('User name'), { target: { value: 'agent2' } });
    fireEvent.click(within(signIn).getByRole('button', { name: 'Save' }));
    await settle();
    // The policy's server is not copied into the agent's own defaults, nor its autoLogin.
    expect(page.login()).toEqual({ serverUrl: 'http://127.0.0.1:8090', username: 'agent2' });
    expect(page.settings().signInAtStartup).toBe(true);
  });

  it('saves the region at once and applies it to number formatting', async () => {
    const page = renderOptions();
    await ready();
    const select = within(section('Phone numbers')).getByLabelText(
      'Your country or region',
    ) as HTMLSelectElement;
    expect(select.value).toBe('US');
    expect(within(select).getByText('France (+33)')).toBeTruthy();
    fireEvent.change(select, { target: { value: 'FR' } });
    await settle();
    expect(page.settings().region).toBe('FR');
    expect(page.log.regions).toEqual(['FR']);
  });

  it('two sections changed before the page shows the first save keep both changes', async () => {
    const page = renderOptions();
    await ready();
    // The agent picks a region, then a language, before the page has drawn the region's save:
    // each change goes onto the settings as saved, not as the page last showed them.
    fireEvent.change(within(section('Phone numbers')).getByLabelText('Your country or region'), {
      target: { value: 'FR' },
    });
    fireEvent.change(screen.getByLabelText('Language of the extension'), {
      target: { value: 'de' },
    });
    await settle();
    expect(page.settings()).toMatchObject({ region: 'FR', language: 'de' });
  });

  it('saves internal number patterns for the CRM overlay, refusing a malformed one', async () => {
    renderOptions();
    await ready();
    await settle();
    const field = within(section('Internal numbers on CRM pages')).getByLabelText(
      'Patterns of internal numbers',
    ) as HTMLInputElement;
    expect(field.value).toBe('');
    fireEvent.input(field, { target: { value: '7.*' } });
    fireEvent.blur(field);
    await settle();
    expect(
      within(section('Internal numbers on CRM pages')).getByRole('alert').textContent,
    ).toContain('7.*');
    expect((await overlaySettings.get()).internalNumbers).toBe('');
    fireEvent.input(field, { target: { value: '7xxx 8XX' } });
    fireEvent.blur(field);
    await settle();
    expect((await overlaySettings.get()).internalNumbers).toBe('7XXX, 8XX');
  });

  it('adds a CRM site by asking the browser for that site alone', async () => {
    const page = renderOptions();
    await ready();
    const sites = section('CRM sites');
    expect(within(sites).getByText('No CRM site yet.')).toBeTruthy();
    fireEvent.input(within(sites).getByLabelText('Site address'), {
      target: { value: 'https://crm.example.com/app/contacts' },
    });
    fireEvent.click(within(sites).getByRole('button', { name: 'Add site' }));
    await settle();
    expect(page.log.requested).toEqual(['https://crm.example.com/*']);
    expect(page.settings().crmSites).toEqual(['https://crm.example.com/*']);
    expect(within(sites).getByText('https://crm.example.com')).toBeTruthy();
    expect(await within(sites).findByText('Access allowed')).toBeTruthy();
    expect(within(sites).getByRole('status').textContent).toBe('https://crm.example.com added.');
  });

  it('says what a site covers before it is saved: the port typed, or every port', async () => {
    const page = renderOptions();
    await ready();
    const sites = section('CRM sites');
    const type = (value: string) =>
      fireEvent.input(within(sites).getByLabelText('Site address'), { target: { value } });
    type('http://127.0.0.1:9311');
    expect(within(sites).getByText('Covers http://127.0.0.1 on port 9311 only.')).toBeTruthy();
    type('*.example.com');
    expect(
      within(sites).getByText(
        /^Covers https:\/\/\*\.example\.com on every port\..*Every subdomain of example\.com too\.$/,
      ),
    ).toBeTruthy();
    type('http://127.0.0.1:9311');
    fireEvent.click(within(sites).getByRole('button', { name: 'Add site' }));
    await settle();
    expect(page.log.requested).toEqual(['http://127.0.0.1:9311/*']);
    expect(page.settings().crmSites).toEqual(['http://127.0.0.1:9311/*']);
  });

  it('refused by the agent in the browser prompt, the site is not added', async () => {
    const page = renderOptions({ grantNext: false });
    await ready();
    const sites = section('CRM sites');
    fireEvent.input(within(sites).getByLabelText('Site address'), {
      target: { value: 'crm.example.com' },
    });
    fireEvent.click(within(sites).getByRole('button', { name: 'Add site' }));
    await settle();
    expect(page.settings().crmSites).toEqual([]);
    expect(within(sites).getByRole('alert').textContent).toContain(
      'The browser did not allow access to https://crm.example.com.',
    );
  });

  it('refuses broad or unusable sites before asking the browser anything', async () => {
    const page = renderOptions();
    await ready();
    const sites = section('CRM sites');
    for (const [input, words] of [
      ['*.com', 'far too many sites'],
      ['<all_urls>', 'far too many sites'],
      ['ftp://files.example.com', 'Only http and https'],
      ['', 'Type the address'],
    ] as const) {
      fireEvent.input(within(sites).getByLabelText('Site address'), { target: { value: input } });
      fireEvent.click(within(sites).getByRole('button', { name: 'Add site' }));
      expect(within(sites).getByRole('alert').textContent).toContain(words);
    }
    expect(page.log.requested).toEqual([]);
  });

  it('removing a site gives its access back, except what the install or the GWS server needs', async () => {
    const page = renderOptions({
      settings: {
        crmSites: ['http://127.0.0.1/*', 'https://crm.example.com/*', 'https://gws.example.test/*'],
      },
      granted: ['https://crm.example.com/*', 'https://gws.example.test/*', 'http://127.0.0.1/*'],
    });
    await ready();
    const sites = section('CRM sites');
    // The sign-in defaults point at gws.example.test from here on.
    fireEvent.input(within(section('Sign-in')).getByLabelText('Server URL'), {
      target: { value: 'https://gws.example.test' },
    });
    fireEvent.click(within(section('Sign-in')).getByRole('button', { name: 'Save' }));
    await settle();

    fireEvent.click(within(sites).getByRole('button', { name: 'Remove https://crm.example.com' }));
    await settle();
    expect(page.log.revoked).toEqual(['https://crm.example.com/*']);
    expect(within(sites).getByRole('status').textContent).toContain('access given back');

    fireEvent.click(within(sites).getByRole('button', { name: 'Remove https://gws.example.test' }));
    await settle();
    expect(within(sites).getByRole('status').textContent).toContain(
      'the GWS server is on this site',
    );

    fireEvent.click(within(sites).getByRole('button', { name: 'Remove http://127.0.0.1' }));
    await settle();
    expect(within(sites).getByRole('status').textContent).toContain('comes with the installation');

    expect(page.log.revoked).toEqual(['https://crm.example.com/*']);
    expect(page.settings().crmSites).toEqual([]);
  });

  it('lists the CRM sites policy sets as locked, with nothing to remove', async () => {
    renderOptions({ policy: { crmSites: ['https://crm.corp.example/*'] } });
    await ready();
    const managed = within(section('CRM sites')).getByRole('list', {
      name: 'CRM sites set by your administrator',
    });
    expect(managed.textContent).toContain('https://crm.corp.example');
    expect(managed.textContent).toContain('Set by your administrator');
    expect(within(managed).queryByRole('button')).toBeNull();
    expect(within(section('CRM sites')).queryByText('No CRM site yet.')).toBeNull();
  });

  it('shows policy CRM sites as the background uses them: a bare host works, <all_urls> is refused', async () => {
    const raw = { crmSites: ['crm.example.com', '<all_urls>'] };
    await fakeBrowser.storage.managed.set(raw);
    renderOptions({ policy: raw });
    await ready();
    const sites = section('CRM sites');
    const managed = within(sites).getByRole('list', {
      name: 'CRM sites set by your administrator',
    });
    const shown = [...managed.querySelectorAll('.site-name')].map((e) => e.textContent);
    expect(shown).toEqual(['https://crm.example.com']);
    expect((await readSiteLists()).crmSites.map(siteLabel)).toEqual(shown);
    expect(sites.textContent).toContain('Some CRM sites set by your administrator are not used:');
    expect(sites.textContent).toContain('<all_urls> is not one http or https site or domain.');
  });

  it('offers to ask again for a listed site whose access is missing', async () => {
    const page = renderOptions({ settings: { crmSites: ['https://crm.example.com/*'] } });
    await ready();
    const sites = section('CRM sites');
    expect(await within(sites).findByText('No access: the overlay cannot run here')).toBeTruthy();
    fireEvent.click(
      within(sites).getByRole('button', { name: 'Allow access to https://crm.example.com' }),
    );
    await settle();
    expect(page.granted()).toEqual(['https://crm.example.com/*']);
    expect(await within(sites).findByText('Access allowed')).toBeTruthy();
  });

  it('notifications: desktop alert and its attached-data key in the screen-pop settings, ring tone in ours', async () => {
    const page = renderOptions();
    await ready();
    const box = section('Notifications and sound');
    const desktop = within(box).getByLabelText(
      'Show a desktop notification for each incoming call',
    ) as HTMLInputElement;
    expect(desktop.checked).toBe(true);
    const ring = within(box).getByLabelText(
      'Ring in the browser while a call rings',
    ) as HTMLInputElement;
    // Off by default: the desk phone or softphone rings already.
    expect(ring.checked).toBe(false);
    fireEvent.click(ring);
    await settle();
    expect(page.settings().ringTone).toBe(true);

    const key = within(box).getByLabelText(
      'Attached-data key shown in the notification',
    ) as HTMLInputElement;
    fireEvent.input(key, { target: { value: ' CaseId ' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Save' }));
    await settle();
    expect(page.screenPop().notificationUserDataKey).toBe('CaseId');

    const names = section('Caller names');
    const nameKey = within(names).getByLabelText(
      'Attached-data key with the caller’s name',
    ) as HTMLInputElement;
    expect(nameKey.value).toBe('CustomerName');
    fireEvent.input(nameKey, { target: { value: ' ContactName ' } });
    fireEvent.click(within(names).getByRole('button', { name: 'Save' }));
    await settle();
    expect(page.settings().partyNameKey).toBe('ContactName');

    fireEvent.click(within(box).getByRole('button', { name: /Play a sample ring/ }));
    await settle();
    expect(page.log.ringSamples).toBe(1);
    expect(within(box).getByRole('status').textContent).toBe('Played one ring.');

    fireEvent.click(desktop);
    await settle();
    expect(page.screenPop().notifications).toBe(false);
    // No notification, no key to choose; the ring tone does not depend on it.
    expect(key.disabled).toBe(true);
    expect(ring.disabled).toBe(false);
  });

  it('lists the screen-pop rules and exports them as JSON', async () => {
    const page = renderOptions();
    await ready();
    const box = section('Screen pop');
    const list = within(box).getByRole('list', {
      name: 'Screen-pop rules, in the order they are tried',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(defaultRules().length);
    expect(rows[0]!.textContent).toContain('Caller contact page');
    expect(rows[0]!.textContent).toContain('When the call rings');
    expect(rows[0]!.textContent).toContain('/crm/contacts?phone={ani.e164|ani}');
    fireEvent.click(within(box).getByRole('button', { name: 'Export rules' }));
    expect(page.log.downloads).toEqual([
      { fileName: 'screen-pop-rules.json', text: exportRules(defaultRules()) },
    ]);
  });

  it('imports a valid rules file and refuses a broken one with every problem listed', async () => {
    const page = renderOptions();
    await ready();
    const box = section('Screen pop');
    const input = box.querySelector('input[type=file]') as HTMLInputElement;
    const choose = async (name: string, text: string) => {
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([text], name, { type: 'application/json' })],
      });
      fireEvent.change(input);
      await settle();
      await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    };

    const broken = [
      { ...defaultRules()[0], id: 'bad', url: 'javascript:alert(1)', trigger: 'never' },
    ];
    await choose('broken.json', JSON.stringify(broken));
    const alert = within(box).getByRole('alert');
    expect(alert.textContent).toContain('broken.json was not imported.');
    expect(alert.textContent).toMatch(/The file has \d+ problems; nothing was changed\./);
    expect(box.textContent).toContain('trigger must be ringing, established or both');
    expect(page.screenPop().rules).toEqual(defaultRules());

    const good = defaultRules().map((r) => ({ ...r, id: 'imported', name: 'Imported rule' }));
    await choose('rules.json', exportRules(good));
    expect(page.screenPop().rules).toEqual(good);
    expect(within(box).getByRole('status').textContent).toBe('1 rules imported.');
    expect(within(box).getByText('Imported rule')).toBeTruthy();
  });

  it('exports diagnostics as a JSON file', async () => {
    const page = renderOptions();
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    await settle();
    const [file] = page.log.downloads;
    expect(file?.fileName).toBe('gws-cti-diagnostics-20260102-030405Z.json');
    const body = JSON.parse(file!.text) as { diagnostics: { entries: { error: unknown[] } } };
    expect(body.diagnostics.entries.error).toHaveLength(1);
    expect(screen.getByText(`Saved as ${file!.fileName}.`)).toBeTruthy();
  });

  it('lists the keyboard shortcuts as the browser has them', async () => {
    renderOptions();
    await ready();
    const box = section('Keyboard shortcuts');
    expect(await within(box).findByText('Alt+Shift+U')).toBeTruthy();
    expect(within(box).getByText('Not set')).toBeTruthy();
  });

  it('turns "Confirm before dialling" on and off', async () => {
    const page = renderOptions();
    await ready();
    const box = section('Click to call');
    const box1 = within(box).getByRole('checkbox', { name: 'Confirm before dialling' });
    expect((box1 as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box1);
    await settle();
    expect(page.overlay().confirmBeforeDial).toBe(true);
    expect((box1 as HTMLInputElement).checked).toBe(true);
  });

  it('shows "Confirm before dialling" locked as policy sets it, over the agent\'s own choice', async () => {
    renderOptions({ policy: { confirmBeforeDial: true } });
    await ready();
    const box = section('Click to call');
    const check = within(box).getByRole('checkbox', { name: 'Confirm before dialling' });
    expect((check as HTMLInputElement).checked).toBe(true);
    expect((check as HTMLInputElement).disabled).toBe(true);
    expect(within(box).getByText('Set by your administrator')).toBeTruthy();
  });

  it('lists the shortcut to the page numbers with the others, and records new keys for it', async () => {
    const page = renderOptions();
    await ready();
    const box = section('Keyboard shortcuts');
    expect(await within(box).findByText(/^Reach the phone numbers on a CRM page/)).toBeTruthy();
    expect(within(box).getByText('Alt+Shift+N')).toBeTruthy();
    const change = within(box).getByRole('button', { name: 'Change' });
    fireEvent.click(change);
    // Shift alone is refused (it would take capital letters from every field).
    fireEvent.keyDown(change, { key: 'K', code: 'KeyK', shiftKey: true });
    expect(within(box).getByRole('alert').textContent).toMatch(/Alt, Ctrl/);
    fireEvent.keyDown(change, { key: 'k', code: 'KeyK', ctrlKey: true, altKey: true });
    await settle();
    expect(page.overlay().numbersShortcut).toBe('Ctrl+Alt+K');
    expect(within(box).getByText('Ctrl+Alt+K')).toBeTruthy();
  });

  it('switches the whole page to French and saves the choice', async () => {
    const page = renderOptions();
    await ready();
    fireEvent.change(screen.getByLabelText('Language of the extension'), {
      target: { value: 'fr' },
    });
    await settle();
    expect(page.settings().language).toBe('fr');
    expect(page.log.languages).toEqual(['fr']);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Paramètres de GWS CTI Overlay' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter le diagnostic' })).toBeTruthy();
  });

  it('shows hostile rule text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const rules = defaultRules().map((r) => ({ ...r, name: hostile }));
    renderOptions({ screenPop: { ...defaultScreenPopSettings(), rules } });
    await ready();
    expect(within(section('Screen pop')).getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
