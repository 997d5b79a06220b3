// What `npm run build` (and `npm run zip`, which builds with the same configuration) ships:
// no host is granted at install. The simulator's and the demo CRM's loopback origins are
// granted by the demo and the test harness themselves (tests/support/loopback-grant.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuild, type BrowserName } from '../support/browsers.ts';

interface Manifest {
  host_permissions?: string[];
  permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
}

const HOST_PATTERN = /^(\*|https?|wss?|ftp|file):\/\/|^<all_urls>$/;

describe.each<BrowserName>(['chromium', 'firefox'])('the %s production build', (browser) => {
  const manifest = (): Manifest =>
    JSON.parse(readFileSync(path.join(requireBuild(browser), 'manifest.json'), 'utf8')) as Manifest;

  it('grants no host at install, loopback included', () => {
    const { host_permissions = [], permissions = [] } = manifest();
    expect([...host_permissions, ...permissions].filter((p) => HOST_PATTERN.test(p))).toEqual([]);
  });

  it('can still ask for any one http or https origin at run time', () => {
    const m = manifest();
    const optional = browser === 'chromium' ? m.optional_host_permissions : m.optional_permissions;
    expect(optional).toEqual(['https://*/*', 'http://*/*']);
  });
});
