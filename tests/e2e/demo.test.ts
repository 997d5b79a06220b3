import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, requireBuild } from '../support/browsers.ts';

/** Runs `npm start -- <args>` (scripts/demo.ts) to completion and returns its output. */
function runDemo(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/demo.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('demo (npm start)', () => {
  it('starts simulator, CRM and Chromium with the extension, checks them and exits with --once', async () => {
    requireBuild('chromium');
    const startedAt = Date.now();
    const { code, output } = await runDemo(['--once', '--sim-port', '0', '--crm-port', '0']);

    expect(output).toMatch(/GWS simulator: http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/demo CRM: http:\/\/127\.0\.0\.1:\d+\/crm\/contacts/);
    expect(output).toMatch(/service worker up: chrome-extension:\/\/[a-p]{32}\//);
    expect(output).toMatch(/popup rendered: "\S/);
    expect(output).toMatch(/CRM page opened: http:\/\/127\.0\.0\.1:\d+\/crm\/contacts/);
    expect(output).toContain('start-up check passed');
    expect(code).toBe(0);
    for (const shot of ['popup.png', 'crm.png']) {
      const file = path.join(REPO_ROOT, 'test-results', 'demo', shot);
      expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(startedAt);
    }
  });
});
