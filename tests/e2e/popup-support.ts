import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { sendRuntimeMessage } from '../support/extension-commands.ts';

/**
 * Turns the screen-pop off (no rules) through the extension's own storage. A pop opens the
 * CRM in a new tab, which hides the tab the popup runs in here; Chromium then paints hidden
 * tabs about once a second, and every click would wait for it. The screen-pop has its own
 * end-to-end test.
 */
export async function withoutScreenPop(page: {
  evaluate(run: () => Promise<void>): Promise<unknown>;
}): Promise<void> {
  await page.evaluate(async () => {
    type Api = { storage: { local: { set(v: object): Promise<void> } } };
    // Chromium's pages have `chrome`, Firefox's `browser` (a Playwright or Puppeteer page).
    const g = globalThis as { browser?: Api; chrome?: Api };
    const api = g.browser ?? g.chrome;
    // The screen-pop settings item (lib/settings/screen-pop-rules.ts), version 1 envelope.
    await api?.storage.local.set({ screenPopSettings: { version: 1, value: { rules: [] } } });
  });
}

/** Sends one command to the background from an extension page, as the popup does. */
export async function command(page: Page, name: string, payload?: unknown): Promise<unknown> {
  const reply = (await page.evaluate(sendRuntimeMessage, {
    channel: 'gws-cti',
    command: name,
    payload,
  })) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message ?? 'failed'}`);
  return reply.value;
}

export interface BundlePart {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

/** Files an extension page loads: its module script and the chunks it preloads. */
function pageScripts(dir: string, html: string): string[] {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const refs = [
    ...text.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
    ),
  ];
  return refs.map((m) => m[1]!.replace(/^\//, ''));
}

function measure(dir: string, name: string, files: string[]): BundlePart {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { name, files, raw, gzip };
}

/** JavaScript per context of the built Chrome extension, raw and gzipped. */
export function bundleSizes(dir: string): BundlePart[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[] }>;
  };
  const parts = [
    measure(dir, 'popup', pageScripts(dir, 'popup.html')),
    measure(dir, 'options', pageScripts(dir, 'options.html')),
    measure(dir, 'background', [manifest.background?.service_worker ?? 'background.js']),
  ];
  // Content scripts registered at run time are not in the manifest, only in content-scripts/.
  const registered = existsSync(path.join(dir, 'content-scripts'))
    ? readdirSync(path.join(dir, 'content-scripts'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `content-scripts/${f}`)
    : [];
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  for (const file of [...new Set([...declared, ...registered])]) {
    parts.push(measure(dir, `content (${path.basename(file, '.js')})`, [file]));
  }
  return parts;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
