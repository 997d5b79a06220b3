import { launchChromiumWithExtension } from './tests/support/extension.ts';
import { startCrm } from './sim/crm/server.ts';
import { enableCrmSites, OverlayProbe } from './bench/overlay/overlay-probe.ts';
import { sendRuntimeMessage } from './tests/support/extension-commands.ts';
const crm = await startCrm();
const ext = await launchChromiumWithExtension();
try {
  const popup = await ext.openPage('popup.html');
  for (const enabled of [false, true, true, true]) {
    await enableCrmSites(popup, enabled ? ['http://127.0.0.1/*'] : []).catch(async (e) => {
      console.log(e.message);
      const d: any = await popup.evaluate(sendRuntimeMessage, { channel: 'gws-cti', command: 'diagnostics.export' });
      console.log(JSON.stringify(d.value.entries).slice(0, 2000));
      const sw = await ext.serviceWorker();
      console.log(await sw.evaluate(async () => { const r = (globalThis as any).gwsCti.pages.registration; const st = await chrome.storage.local.get(null); return JSON.stringify({ p: r.patterns, busy: r.busy, again: r.again, step: r.step }); }));
      process.exit(1);
    });
    const page = await ext.context.newPage();
    await page.addInitScript(() => { (window as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
    const probe = await OverlayProbe.attach(page);
    page.on('console', (m) => m.text().startsWith('T ') && console.log(m.text()));
    await page.goto(crm.baseUrl + '/crm/not-such-page');
    if (enabled) await probe.settled(); else await new Promise((r) => setTimeout(r, 1500));
    await new Promise((r) => setTimeout(r, 300));
    console.log(enabled ? 'overlay' : 'no overlay', JSON.stringify(await page.evaluate(() => (window as any).__lt)));
    await page.close();
  }
} finally { await ext.close(); await crm.close(); }
