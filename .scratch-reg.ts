import { launchChromiumWithExtension } from './tests/support/extension.ts';
const ext = await launchChromiumWithExtension();
try {
  const sw = await ext.serviceWorker();
  const t = (name: string, fn: string) => sw.evaluate(`Promise.race([(${fn})().then(() => 'ok', (e) => 'err ' + e), new Promise((r) => setTimeout(() => r('HANG'), 3000))])`).then((r) => console.log(name, r));
  await t('managed', `() => chrome.storage.managed.get('crmSites')`);
  await t('removeAll', `() => chrome.contextMenus.removeAll()`);
  await t('getRegistered', `() => chrome.scripting.getRegisteredContentScripts({ids:['gws-cti-crm-overlay']})`);
  await t('removeAll2', `() => new Promise((r) => chrome.contextMenus.removeAll(r))`);
  const r = await sw.evaluate(() => { const x = (globalThis as any).gwsCti.pages.registration; return JSON.stringify({busy: x.busy, again: x.again}); });
  console.log(r);
} finally { await ext.close(); }
