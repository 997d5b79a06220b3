import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import {
  launchChromiumWithExtension,
  pageErrors,
  type ChromiumExtension,
} from '../support/extension.ts';
import { saveScreenshot } from '../support/readme-screenshots.ts';
import { command } from './popup-support.ts';

/** Runs in the options page: the raw settings item as stored. */
async function storedSettings(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const api = (
      globalThis as {
        chrome?: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api?.storage.local.get('agentSettings'))?.agentSettings as
      Record<string, unknown> | undefined;
  });
}

/** Runs in the options page: the raw screen-pop settings item as stored. */
async function storedScreenPop(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = (
      globalThis as {
        chrome?: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api?.storage.local.get('screenPopSettings'))?.screenPopSettings;
  });
}

// The options page in Chromium with the built extension: what it stores, and that the popup
// and the background follow it.
describe('Chromium: the options page', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let options: Page;

  const shown = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'visible', timeout });
  const section = (name: string) => options.getByRole('region', { name });
  const status = (name: string) => section(name).getByRole('status');

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchChromiumWithExtension();
    options = await ext.openOptions();
    await options.setViewportSize({ width: 900, height: 900 });
    await shown(options.getByRole('heading', { level: 1, name: 'GWS CTI Overlay settings' }));
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('has no accessibility violations; screenshot', async () => {
    await shown(section('Keyboard shortcuts').getByText('Alt+Shift+U'));
    const result = await new AxeBuilder({ page: options }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
    const png = await options.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    await saveScreenshot(options, 'options.png', png);
  });

  it('screen-pop rule editor: a bad pattern is refused, the rule is tested, saved and stored', async () => {
    const box = section('Screen pop');
    await box.getByRole('button', { name: 'Edit: Caller contact page' }).click();
    await box
      .getByLabel('Page to open (URL template)')
      .fill('/crm/contacts?phone={ani.e164|ani}&case={userData.CaseId}');
    const dnis = box.getByRole('group', { name: 'Dialled number (DNIS)' });
    await dnis.getByLabel('Condition').selectOption('regex');
    await dnis.getByRole('textbox', { name: 'Regular expression' }).fill('^(800');
    await box.getByRole('button', { name: 'Save rule' }).click();
    await shown(
      box
        .getByRole('alert')
        .getByText(/^Not a valid regular expression: /)
        .first(),
    );
    expect(await storedScreenPop(options)).toBeUndefined();

    await dnis.getByRole('textbox', { name: 'Regular expression' }).fill('^80');
    const tester = box.getByRole('region', { name: 'Test this rule' });
    await tester.getByLabel('Sample caller number (ANI)').fill('+44 20 7946 0958');
    await tester.getByLabel('Sample dialled number (DNIS)').fill('8012');
    await tester.getByLabel('Sample attached data').fill('CaseId=C 7/8 ü');
    await tester.getByRole('button', { name: 'Test with this call' }).click();
    await shown(tester.getByText('This call matches the rule.'));
    expect(await tester.locator('.test-url').textContent()).toBe(
      'http://127.0.0.1:8091/crm/contacts?phone=%2B442079460958&case=C%207%2F8%20%C3%BC',
    );
    const result = await new AxeBuilder({ page: options }).include('#screen-pop').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const png = await box.screenshot({ animations: 'disabled', caret: 'hide' });
    await saveScreenshot(options, 'options-rule-editor.png', png);

    await box.getByRole('button', { name: 'Save rule' }).click();
    await shown(box.getByRole('button', { name: 'Edit: Caller contact page' }));
    const stored = (await storedScreenPop(options)) as {
      value: { rules: Array<{ when: { dnis?: unknown }; url: string }> };
    };
    expect(stored.value.rules[0]).toMatchObject({
      when: { dnis: { op: 'regex', value: '^80' } },
      url: '/crm/contacts?phone={ani.e164|ani}&case={userData.CaseId}',
    });
  });

  it('lists the keyboard shortcuts of the manifest as the browser has them', async () => {
    const list = section('Keyboard shortcuts');
    for (const [what, keys] of [
      ['Open the call panel (dial pad)', 'Alt+Shift+D'],
      ['Answer the ringing call', 'Alt+Shift+U'],
      ['Hang up the active call', 'Alt+Shift+H'],
      ['Hold or retrieve the active call', 'Alt+Shift+O'],
    ]) {
      const row = list.locator('.shortcut', { hasText: what! });
      expect(await row.locator('kbd').textContent()).toBe(keys);
    }
    await shown(
      list
        .locator('.shortcut', { hasText: 'Switch between Ready and Not Ready' })
        .getByText('Not set'),
    );
  });

  it('saves sign-in defaults that the popup starts with', async () => {
    const signIn = section('Sign-in');
    await signIn.getByLabel('Server URL').fill(sim.baseUrl);
    await signIn.getByLabel('User name').fill('agent3');
    await signIn.getByRole('button', { name: 'Save' }).click();
    await shown(status('Sign-in').getByText('Saved.'));
    const popup = await ext.openPopup();
    await shown(popup.getByLabel('User name'));
    expect(await popup.getByLabel('User name').inputValue()).toBe('agent3');
    expect(await popup.getByLabel('Server URL').inputValue()).toBe(sim.baseUrl);
    await popup.close();
  });

  it('the region decides how the popup reads and dials national numbers', async () => {
    await section('Phone numbers').getByLabel('Your country or region').selectOption('FR');
    await shown(status('Phone numbers').getByText('Saved.'));
    expect(await storedSettings(options)).toMatchObject({ version: 1, value: { region: 'FR' } });

    await command(options, 'session.login', {
      serverUrl: sim.baseUrl,
      username: 'agent1',
      password: 'password',
      remember: false,
    });
    const popup = await ext.openPopup();
    await shown(popup.locator('.connection-status').getByText('Connected', { exact: true }));
    await popup.getByLabel('Number to call').pressSequentially('0612345678');
    expect(await popup.getByLabel('Number to call').inputValue()).toBe('06 12 34 56 78');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    const dial = await waitFor(
      async () => (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial'),
      { message: 'the Dial request' },
    );
    expect(dial.body).toMatchObject({ destination: { phoneNumber: '+33612345678' } });
    const call = await waitFor(async () => (await sim.control.agent('agent1')).calls[0], {
      message: 'the dialled call',
    });
    await sim.control.remote(String(call.id), 'hangup');
    await popup.close();
    await section('Phone numbers').getByLabel('Your country or region').selectOption('US');
    // "Saved." still shows from the change to FR: wait for the setting itself.
    await waitFor(
      async () => ((await storedSettings(options))?.value as { region?: string }).region === 'US',
      { message: 'the region saved back to US' },
    );
  });

  it('switches options and popup to French, then Brazilian Portuguese', async () => {
    await options.getByLabel('Language of the extension').selectOption('fr');
    await shown(options.getByRole('heading', { level: 1, name: 'Paramètres de GWS CTI Overlay' }));
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    const popup = await ext.openPopup();
    await shown(popup.getByRole('button', { name: 'Se déconnecter' }));
    expect(await popup.title()).toBe('GWS CTI');
    await popup.close();
    // A language whose catalogue folder is not its tag (pt_BR for pt-BR).
    await options.getByLabel('Langue de l’extension').selectOption('pt-BR');
    await shown(
      options.getByRole('heading', { level: 1, name: 'Configurações do GWS CTI Overlay' }),
    );
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    await options.getByLabel('Idioma da extensão').selectOption('browser');
    await shown(options.getByRole('heading', { level: 1, name: 'GWS CTI Overlay settings' }));
    expect(await storedSettings(options)).toMatchObject({ value: { language: 'browser' } });
  });

  it('adds the demo CRM site (access comes with the installation) and removes it again', async () => {
    const sites = section('CRM sites');
    await sites.getByLabel('Site address').fill('http://127.0.0.1:8091/crm/contacts');
    // Said before saving: the port typed is the one covered.
    await shown(sites.getByText('Covers http://127.0.0.1 on port 8091 only.'));
    await sites.getByRole('button', { name: 'Add site' }).click();
    await shown(status('CRM sites').getByText('http://127.0.0.1:8091 added.'));
    await shown(sites.getByText('Access allowed'));
    expect(await storedSettings(options)).toMatchObject({
      value: { crmSites: ['http://127.0.0.1:8091/*'] },
    });
    await sites.getByRole('button', { name: 'Remove http://127.0.0.1:8091' }).click();
    await shown(status('CRM sites').getByText(/comes with the installation/));
    expect(await storedSettings(options)).toMatchObject({ value: { crmSites: [] } });
    // The installation's access is still there (the browser refuses to remove it anyway).
    const kept = await options.evaluate(() => {
      const api = (
        globalThis as unknown as {
          chrome: { permissions: { contains(p: object): Promise<boolean> } };
        }
      ).chrome;
      return api.permissions.contains({ origins: ['http://127.0.0.1/*'] });
    });
    expect(kept).toBe(true);
  });

  it('refuses a site that would cover everything, without asking the browser', async () => {
    const sites = section('CRM sites');
    await sites.getByLabel('Site address').fill('*.com');
    await sites.getByRole('button', { name: 'Add site' }).click();
    await shown(sites.getByRole('alert').getByText(/far too many sites/));
    expect(await storedSettings(options)).toMatchObject({ value: { crmSites: [] } });
  });

  it('exports the diagnostics as a JSON file', async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export diagnostics' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^gws-cti-diagnostics-\d{8}-\d{6}Z\.json$/);
    const body = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      format: string;
      extensionVersion: string;
      diagnostics: { entries: { session: Array<{ summary: string }> } };
    };
    expect(body.format).toBe('gws-cti-diagnostics');
    expect(body.extensionVersion).toBe('0.1.0');
    const sessionLog = body.diagnostics.entries.session.map((e) => e.summary);
    expect(sessionLog).toContain(`login agent1 @ ${sim.baseUrl}`);
    expect(JSON.stringify(body)).not.toContain('"password"');
    await shown(status('Diagnostics').getByText(`Saved as ${file.suggestedFilename()}.`));
    expect(pageErrors(options)).toEqual([]);
  });
});
