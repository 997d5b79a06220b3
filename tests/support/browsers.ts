import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Repository root (this file lives in tests/support/). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Where `wxt build` and `wxt build -b firefox` write the unpacked extensions. */
export const BUILD_DIRS = {
  chromium: path.join(REPO_ROOT, '.output', 'chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output', 'firefox-mv2'),
} as const;

/** Debian's browsers (scripts/setup.sh installs them); overridable for other machines. */
export const BROWSER_PATHS = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
} as const;

export type BrowserName = keyof typeof BROWSER_PATHS;

const BUILD_COMMAND: Record<BrowserName, string> = {
  chromium: 'npm run build',
  firefox: 'npm run build:firefox',
};

const DEBIAN_PACKAGE: Record<BrowserName, string> = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
};

/**
 * Returns the unpacked build for `browser`, or throws a message that says how to make it.
 * Chromium starts happily with a missing --load-extension path and then never shows a
 * service worker, so a missing build must be caught here rather than as a timeout.
 */
export function requireBuild(browser: BrowserName): string {
  const dir = BUILD_DIRS[browser];
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No ${browser} build at ${dir}. Build first: \`${BUILD_COMMAND[browser]}\` ` +
        '(`npm test` builds before it runs the e2e tests).',
    );
  }
  return dir;
}

/** Returns the browser executable, or throws a message that says how to install it. */
export function requireBrowser(browser: BrowserName): string {
  const executable = BROWSER_PATHS[browser];
  if (!existsSync(executable)) {
    throw new Error(
      `${browser} not found at ${executable}. Run \`bash scripts/setup.sh\` ` +
        `(or \`apt-get install -y ${DEBIAN_PACKAGE[browser]}\`), or set ` +
        `${browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}.`,
    );
  }
  return executable;
}

/** A fresh, empty profile directory; `remove()` deletes it. */
export async function freshProfileDir(
  prefix: string,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Chromium flags for a quiet, display-less run. The network here reaches nothing but
 * loopback, so every background fetch Chromium would start on its own is switched off.
 */
export const CHROMIUM_QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
