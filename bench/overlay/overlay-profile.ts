/**
 * Where the overlay's main-thread time goes on one generated page: a V8 CPU profile of the
 * page's renderer (every world of the page shares one isolate) from navigation until the
 * overlay has decorated every number, summed by function. Prints the functions with the most
 * self time, the content script's first, and saves the profile for DevTools.
 */
import { numberOption } from '../support/options.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { requireBuild } from '../../tests/support/browsers.ts';
import { launchChromiumWithExtension } from '../../tests/support/extension.ts';
import { textTable } from '../support/stats.ts';
import { generateRows, pageHtml } from './generate-page.ts';
import { enableCrmSites, OverlayProbe } from './overlay-probe.ts';
import { expectedHits, serve } from './bench-pages.ts';

export const OVERLAY_PROFILE_USAGE = 'overlay-profile [--rows 5000] [--seed 7] [--top 40]';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function runOverlayProfile(argv: string[]): Promise<number> {
  const rowCount = numberOption(argv, 'rows', 5000);
  const seed = numberOption(argv, 'seed', 7);
  const top = numberOption(argv, 'top', 40);
  const rows = generateRows(rowCount, seed);
  const numbers = expectedHits(rows);
  const site = await serve(new Map([['/rows', pageHtml(rows, [])]]));
  const ext = await launchChromiumWithExtension();
  try {
    const popup = await ext.openPage('popup.html');
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    await probe.cdp.send('Profiler.enable');
    await probe.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await probe.cdp.send('Profiler.start');
    await page.goto(`http://127.0.0.1:${site.port}/rows`, { timeout: 120_000 });
    await probe.settled(undefined, 300_000, (d) => d.hits >= numbers);
    const { profile } = (await probe.cdp.send('Profiler.stop')) as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    // The build is minified: each function of ours is shown with the code it starts with.
    const sources = new Map<string, string[]>();
    const excerpt = async (url: string, line: number, column: number) => {
      if (!sources.has(url)) {
        const file = path.join(requireBuild('chromium'), url.slice(extensionUrl.length));
        sources.set(url, (await readFile(file, 'utf8').catch(() => '')).split('\n'));
      }
      return (sources.get(url)![line] ?? '').slice(column, column + 60);
    };
    const code = new Map<string, string>();
    let total = 0;
    let ours = 0;
    const extensionUrl = ext.url('');
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]!)!;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const f = node.callFrame;
      if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
      total += dt;
      const where = f.url.startsWith(extensionUrl) ? 'overlay' : f.url ? 'page' : 'native';
      if (where === 'overlay') ours += dt;
      const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      if (where === 'overlay' && !code.has(key))
        code.set(key, await excerpt(f.url, f.lineNumber, f.columnNumber));
    }
    const sorted = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(`page: ${rowCount} rows, ${numbers} numbers`);
    console.log(
      `busy samples: ${total.toFixed(0)} ms, of which in the content script's own code ${ours.toFixed(0)} ms`,
    );
    console.log(
      textTable([
        ['self time', 'function  where:line:column', 'code'],
        ...sorted.map(([k, v]) => [`${v.toFixed(1)} ms`, k, code.get(k) ?? '']),
      ]),
    );
    const dir = path.join(import.meta.dirname, '..', 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `overlay-profile-${rowCount}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`profile: ${path.relative(process.cwd(), file)}`);
    return 0;
  } finally {
    await ext.close();
    await site.close();
  }
}
