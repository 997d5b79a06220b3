import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { CHROMIUM_QUIET_FLAGS, freshProfileDir, requireBrowser, requireBuild } from './browsers.ts';
import { withLoopbackGranted } from './loopback-grant.ts';

const errorsByPage = new WeakMap<Page, Error[]>();

function trackPageErrors(page: Page): void {
  const errors: Error[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (e) => errors.push(e));
}

/**
 * Uncaught errors of a Chromium page opened through this harness, since it was created.
 * (Firefox does not report errors of moz-extension:// pages over BiDi, so there is no
 * Firefox counterpart.)
 */
export function pageErrors(page: Page): Error[] {
  return errorsByPage.get(page) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Chromium (MV3): Playwright over CDP, extension loaded with --load-extension.
// ---------------------------------------------------------------------------------------------

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<page>` */
  url(page: string): string;
  /** The extension's service worker. Playwright keeps the same handle across restarts. */
  serviceWorker(): Promise<Worker>;
  /** Opens `popup.html` in a new tab (a popup window cannot be opened headless). */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens any extension page, e.g. `popup.html?x=1`. */
  openPage(page: string): Promise<Page>;
  /** Stops and observes the service worker (attached on first use; it opens a blank tab). */
  workerControl(): Promise<ServiceWorkerControl>;
  close(): Promise<void>;
}

export interface ChromiumLaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  args?: string[];
  /** Milliseconds to wait for the service worker to appear. */
  timeoutMs?: number;
}

/** Launches Debian's Chromium with the built extension in a fresh temporary profile. */
export async function launchChromiumWithExtension(
  options: ChromiumLaunchOptions = {},
): Promise<ChromiumExtension> {
  const executablePath = requireBrowser('chromium');
  const build = path.resolve(options.extensionDir ?? requireBuild('chromium'));
  const timeout = options.timeoutMs ?? 20_000;
  const installed = await withLoopbackGranted(build);
  const extensionDir = installed.dir;
  const profile = await freshProfileDir('gws-cti-chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath,
      headless: options.headless ?? true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...CHROMIUM_QUIET_FLAGS,
        ...(options.args ?? []),
      ],
    });
    const ctx = context;
    const firstWorker =
      ctx.serviceWorkers().find(isExtensionWorker) ??
      (await ctx
        .waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout })
        .catch(async (error: unknown) => {
          const reason = await chromiumLoadError(executablePath, extensionDir);
          throw new Error(
            `The extension's service worker did not start within ${timeout} ms. ` +
              (reason ?? `No load error reported (${String(error)}).`),
          );
        }));
    const extensionId = new URL(firstWorker.url()).host;
    const url = (page: string) => `chrome-extension://${extensionId}/${page}`;
    const openPage = async (page: string) => {
      const tab = await ctx.newPage();
      trackPageErrors(tab);
      await tab.goto(url(page));
      return tab;
    };
    let control: Promise<ServiceWorkerControl> | undefined;
    return {
      context: ctx,
      extensionId,
      url,
      async serviceWorker() {
        const existing = ctx.serviceWorkers().find((w) => w.url().startsWith(url('')));
        return (
          existing ??
          (await ctx.waitForEvent('serviceworker', {
            predicate: (w) => w.url().startsWith(url('')),
            timeout,
          }))
        );
      },
      openPopup: () => openPage('popup.html'),
      openOptions: () => openPage('options.html'),
      openPage,
      workerControl() {
        control ??= ServiceWorkerControl.attach(ctx, extensionId);
        return control;
      },
      async close() {
        await ctx.close();
        await profile.remove();
        await installed.remove();
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await profile.remove();
    await installed.remove();
    throw error;
  }
}

/**
 * Chromium reports a manifest it refuses only in a dialog (none when headless) and in its log,
 * so on failure a short second run with logging on recovers the reason.
 */
async function chromiumLoadError(executable: string, extensionDir: string): Promise<string | null> {
  const profile = await freshProfileDir('gws-cti-diagnose');
  try {
    return await new Promise<string | null>((resolve) => {
      const child = spawn(
        executable,
        [
          '--headless',
          '--enable-logging=stderr',
          `--user-data-dir=${profile.dir}`,
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
          ...CHROMIUM_QUIET_FLAGS,
          'about:blank',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let log = '';
      const finish = (result: string | null) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(result);
      };
      const timer = setTimeout(() => finish(null), 10_000);
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const match = /Extension error: ([^\n]+)/.exec(log);
        if (match?.[1]) finish(`Chromium says: ${match[1].trim()}`);
      });
      child.on('exit', () => finish(null));
    });
  } finally {
    await profile.remove();
  }
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
  status: string;
}

/**
 * Observes and stops the extension's service worker through the CDP `ServiceWorker` domain,
 * the way Chrome stops an idle worker. The `Target` domain is no help here: closing a worker
 * target does stop it, but Chrome reports neither that nor the restart as target events.
 * A stopped worker starts again on the next extension event (for instance a
 * `runtime.sendMessage` from an extension page), with fresh globals.
 */
export class ServiceWorkerControl {
  private readonly versions = new Map<string, WorkerVersion>();
  private readonly waiters = new Set<() => void>();
  private readonly session: CDPSession;
  private readonly origin: string;
  private readonly controlPage: Page;

  private constructor(session: CDPSession, origin: string, controlPage: Page) {
    this.session = session;
    this.origin = origin;
    this.controlPage = controlPage;
  }

  static async attach(context: BrowserContext, extensionId: string): Promise<ServiceWorkerControl> {
    // The domain lives on page targets; a blank page sees the profile's default storage
    // partition, which is where extension workers run.
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const control = new ServiceWorkerControl(session, `chrome-extension://${extensionId}/`, page);
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(control.origin)) continue;
        control.versions.set(v.versionId, {
          versionId: v.versionId,
          scriptURL: v.scriptURL,
          runningStatus: v.runningStatus,
          status: v.status,
        });
      }
      for (const wake of [...control.waiters]) wake();
    });
    await session.send('ServiceWorker.enable');
    await control.waitFor((s) => s.versions.size > 0, 10_000, 'the worker to be reported');
    return control;
  }

  /** The activated version's running status (or `stopped` if none is known). */
  get runningStatus(): RunningStatus {
    const active = [...this.versions.values()].filter((v) => v.status === 'activated');
    return active.at(-1)?.runningStatus ?? 'stopped';
  }

  /** Stops the worker and resolves once Chrome reports it stopped. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const running = [...this.versions.values()].filter((v) => v.runningStatus !== 'stopped');
    for (const v of running) {
      await this.session.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    }
    await this.waitFor((s) => s.runningStatus === 'stopped', timeoutMs, 'the worker to stop');
  }

  /** Resolves once the worker is running (again). */
  async waitUntilRunning(timeoutMs = 10_000): Promise<void> {
    await this.waitFor((s) => s.runningStatus === 'running', timeoutMs, 'the worker to run');
  }

  /** The page that holds the CDP session; tests may ignore it. */
  get page(): Page {
    return this.controlPage;
  }

  private waitFor(
    done: (s: ServiceWorkerControl) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    if (done(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(this)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (${this.runningStatus})`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi (geckodriver cannot be installed here, and
// Playwright cannot drive a stock Firefox). The add-on is installed as a temporary add-on.
// ---------------------------------------------------------------------------------------------

/** Fixed internal uuid so that moz-extension:// URLs are known before the add-on loads. */
export const FIREFOX_EXTENSION_UUID = '4f9e2b7c-1d3a-4c5e-9b8f-0a6d2e7c3b1f';

export interface FirefoxExtension {
  browser: Browser;
  /** The gecko id from the built manifest. */
  addonId: string;
  /** `moz-extension://<uuid>/<page>` */
  url(page: string): string;
  openPopup(): Promise<PuppeteerPage>;
  openOptions(): Promise<PuppeteerPage>;
  /** Opens an extension page and waits for `readySelector` to exist in it. */
  openPage(page: string, readySelector?: string): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  timeoutMs?: number;
}

/** Launches Debian's firefox-esr with the built Firefox (MV2) extension installed. */
export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxExtension> {
  const executablePath = requireBrowser('firefox');
  const build = path.resolve(options.extensionDir ?? requireBuild('firefox'));
  const timeout = options.timeoutMs ?? 20_000;
  const manifest = JSON.parse(await readFile(path.join(build, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${build}/manifest.json has no gecko id`);

  const installed = await withLoopbackGranted(build);
  const profile = await freshProfileDir('gws-cti-firefox');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      protocol: 'webDriverBiDi',
      userDataDir: profile.dir,
      // Without it, navigating a tab to moz-extension:// is refused.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      },
      timeout,
    });
    const addonId = await browser.installExtension(installed.dir);
    const ff = browser;
    const url = (page: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${page}`;
    const openPage = async (page: string, readySelector = 'body') => {
      const tab = await ff.newPage();
      // Firefox loads moz-extension:// pages but never reports the navigation as finished
      // over BiDi, so the goto is left to time out on its own and readiness is read from
      // the DOM instead. Evaluating while the page is being replaced throws, hence a poll.
      void tab.goto(url(page), { waitUntil: 'domcontentloaded', timeout }).catch(() => {});
      const deadline = Date.now() + timeout;
      const isReady = () =>
        Promise.race([
          tab
            .evaluate(
              (href, selector) =>
                location.href === href && document.querySelector(selector) !== null,
              url(page),
              readySelector,
            )
            .catch(() => false),
          // An evaluation caught in a navigation may never answer.
          new Promise<false>((resolve) => setTimeout(resolve, 2_000, false)),
        ]);
      while (!(await isReady())) {
        if (Date.now() > deadline) {
          throw new Error(`${url(page)} did not show ${readySelector} within ${timeout} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return tab;
    };
    return {
      browser: ff,
      addonId,
      url,
      openPopup: () => openPage('popup.html', '#app > *'),
      openOptions: () => openPage('options.html', '#app > *'),
      openPage,
      async close() {
        await ff.close();
        await profile.remove();
        await installed.remove();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await profile.remove();
    await installed.remove();
    throw error;
  }
}
