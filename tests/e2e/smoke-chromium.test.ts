import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIRS } from '../support/browsers.ts';
import {
  launchChromiumWithExtension,
  pageErrors,
  type ChromiumExtension,
} from '../support/extension.ts';

// The functions passed to evaluate() run inside the extension, where `chrome` exists; this
// Node program has no Chrome typings, so the little that is used is declared here.
declare const chrome: {
  runtime: {
    id: string;
    getManifest(): { name: string };
    sendMessage(message: unknown): Promise<unknown>;
  };
};

// One browser for the whole file: launching Chromium costs a couple of seconds.
let ext: ChromiumExtension;
let manifest: { name: string; version: string; background: { service_worker: string } };

beforeAll(async () => {
  manifest = JSON.parse(await readFile(path.join(BUILD_DIRS.chromium, 'manifest.json'), 'utf8'));
  ext = await launchChromiumWithExtension();
});

afterAll(async () => {
  await ext?.close();
});

async function openAndRead(page: string): Promise<{ text: string; errors: Error[] }> {
  const tab = await ext.openPage(page);
  // The HTML ships an empty #app; text in it means the Preact root has rendered.
  await tab.locator('#app > *').first().waitFor();
  const text = (await tab.locator('#app').innerText()).trim();
  const errors = pageErrors(tab);
  await tab.close();
  return { text, errors };
}

describe('Chromium (MV3) smoke', () => {
  it('loads the built extension and runs its service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const sw = await ext.serviceWorker();
    expect(sw.url()).toBe(ext.url(manifest.background.service_worker));
    const seen = await sw.evaluate(() => ({
      id: chrome.runtime.id,
      name: chrome.runtime.getManifest().name,
    }));
    expect(seen.id).toBe(ext.extensionId);
    expect(seen.name).toBe(manifest.name);
  });

  it('renders the popup', async () => {
    const { text, errors } = await openAndRead('popup.html');
    expect(errors).toEqual([]);
    expect(text.length).toBeGreaterThan(0);
  });

  it('renders the options page', async () => {
    const { text, errors } = await openAndRead('options.html');
    expect(errors).toEqual([]);
    expect(text.length).toBeGreaterThan(0);
  });

  it('restarts a stopped service worker on the next extension event, with fresh globals', async () => {
    const sw = await ext.serviceWorker();
    await sw.evaluate(() => {
      (globalThis as { smokeMarker?: number }).smokeMarker = 1;
    });
    const worker = await ext.workerControl();
    expect(worker.runningStatus).toBe('running');

    await worker.stop();
    expect(worker.runningStatus).toBe('stopped');

    const popup = await ext.openPopup();
    // Any message to the background is an event that wakes the worker, listener or not.
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'smoke-wake' }).catch(() => null),
    );
    await worker.waitUntilRunning();
    await popup.close();

    const restarted = await ext.serviceWorker();
    const marker = await restarted.evaluate(
      () => (globalThis as { smokeMarker?: number }).smokeMarker ?? null,
    );
    expect(marker).toBeNull();
  });
});
