/**
 * Chromium started as a plain child process, with nothing attached to it. Playwright's own
 * launchers keep a CDP client attached to every target for the browser's whole life, and an
 * attached debugger keeps an MV3 service worker alive, which would hide exactly what a soak
 * run looks for. Here a CDP client connects only when asked to (`connect()`), and leaves again.
 */
import { spawn } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  CHROMIUM_QUIET_FLAGS,
  freshProfileDir,
  requireBrowser,
  requireBuild,
} from '../../tests/support/browsers.ts';
import { grantLoopback } from '../../tests/support/loopback-grant.ts';
import { waitFor } from '../../tests/support/wait-for.ts';

/** CDP `Target.TargetInfo`, the fields used here. */
export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  /** Whether any CDP client is attached to the target. */
  attached: boolean;
}

export interface DetachedChromium {
  pid: number;
  extensionId: string;
  /** `chrome-extension://<id>/<page>` */
  url(page: string): string;
  /** True while the browser process runs. */
  readonly running: boolean;
  /** One short CDP connection: every target and whether a client is attached to it. */
  targets(): Promise<TargetInfo[]>;
  /** The browser-level CDP WebSocket endpoint. */
  readonly wsUrl: string;
  /** Attaches Playwright; `browser.close()` on the result only disconnects. */
  connect(): Promise<Browser>;
  /** Ends the browser (SIGTERM, then SIGKILL) and removes its profile. */
  kill(): Promise<void>;
}

/** Sends one CDP command on a fresh browser-level connection and closes it again. */
async function cdpOnce<T>(wsUrl: string, method: string): Promise<T> {
  const ws = new WebSocket(wsUrl);
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CDP ${method}: no answer`)), 5_000);
      ws.onerror = () => reject(new Error(`CDP connection to ${wsUrl} failed`));
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method }));
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: T };
        if (message.id !== 1) return;
        clearTimeout(timer);
        if (message.result) resolve(message.result);
        else reject(new Error(`CDP ${method}: ${String(event.data)}`));
      };
    });
  } finally {
    ws.close();
  }
}

/**
 * Launches headless Chromium with a private copy of the built extension (so a concurrent
 * rebuild of `.output/` cannot swap the worker's script mid-run; loopback granted, for the
 * simulator) in a fresh profile, and waits until the extension's service worker is up.
 */
export async function launchDetachedChromium(label: string): Promise<DetachedChromium> {
  const executable = requireBrowser('chromium');
  const build = requireBuild('chromium');
  const profile = await freshProfileDir(`gws-cti-bench-${label}`);
  const extensionDir = path.join(profile.dir, 'extension');
  const userDataDir = path.join(profile.dir, 'profile');
  await cp(build, extensionDir, { recursive: true })
    .then(() => grantLoopback(extensionDir))
    .catch(async (error: unknown) => {
      await profile.remove();
      throw error;
    });
  const child = spawn(
    executable,
    [
      '--headless=new',
      ...CHROMIUM_QUIET_FLAGS,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  const kill = async () => {
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await profile.remove();
  };

  try {
    // Chromium writes its port and the browser endpoint path there once it listens.
    const [port, browserPath] = await waitFor(
      async () => {
        if (!running) throw new Error('Chromium exited during start-up');
        const text = await readFile(path.join(userDataDir, 'DevToolsActivePort'), 'utf8');
        const [p, ws] = text.split('\n');
        return p && ws ? ([p, ws] as const) : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, message: 'Chromium DevToolsActivePort' },
    );
    const wsUrl = `ws://127.0.0.1:${port}${browserPath}`;
    const targets = async () =>
      (await cdpOnce<{ targetInfos: TargetInfo[] }>(wsUrl, 'Target.getTargets')).targetInfos;
    const worker = await waitFor(
      async () =>
        (await targets()).find(
          (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
        ),
      { timeoutMs: 15_000, intervalMs: 200, message: "the extension's service worker" },
    );
    const extensionId = new URL(worker.url).host;
    return {
      pid: child.pid ?? -1,
      extensionId,
      url: (page) => `chrome-extension://${extensionId}/${page}`,
      get running() {
        return running;
      },
      targets,
      wsUrl,
      connect: () => chromium.connectOverCDP(`http://127.0.0.1:${port}`),
      kill,
    };
  } catch (error) {
    await kill();
    throw error;
  }
}
