import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIRS } from '../support/browsers.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';

// One browser for the whole file: launching Firefox costs about four seconds.
let ext: FirefoxExtension;
let manifest: {
  name: string;
  background: { scripts: string[] };
  browser_specific_settings: { gecko: { id: string } };
};

beforeAll(async () => {
  manifest = JSON.parse(await readFile(path.join(BUILD_DIRS.firefox, 'manifest.json'), 'utf8'));
  ext = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await ext?.close();
});

// Firefox does not report uncaught errors of moz-extension:// pages over BiDi, so unlike the
// Chromium smoke test this one cannot also assert that the pages threw nothing.
async function rootText(page: string): Promise<string> {
  // The HTML ships an empty #app; openPage waits for the Preact root to render into it.
  const tab = await ext.openPage(page, '#app > *');
  const text = await tab.$eval('#app', (el) => (el as HTMLElement).innerText.trim());
  await tab.close();
  return text;
}

describe('Firefox smoke', () => {
  it('installs the built add-on under its gecko id', () => {
    expect(ext.addonId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  it('renders the popup', async () => {
    expect((await rootText('popup.html')).length).toBeGreaterThan(0);
  });

  it('renders the options page', async () => {
    expect((await rootText('options.html')).length).toBeGreaterThan(0);
  });

  it('runs the background page', async () => {
    const tab = await ext.openPage('popup.html', '#app > *');
    const background = await tab.evaluate(async () => {
      // The polyfill types the background window as an empty interface.
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as Window | null;
      return {
        name: browser.runtime.getManifest().name,
        scripts: [...(bg?.document.scripts ?? [])].map((s) => new URL(s.src).pathname),
      };
    });
    await tab.close();
    expect(background.name).toBe(manifest.name);
    expect(background.scripts).toEqual(manifest.background.scripts.map((s) => `/${s}`));
  });
});
