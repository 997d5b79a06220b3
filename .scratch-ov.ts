import { launchChromiumWithExtension } from './tests/support/extension.ts';
import { startCrm } from './sim/crm/server.ts';
import { startSim } from './tests/support/sim.ts';
import { waitFor } from './tests/support/wait-for.ts';
import { extensionCommands, sendRuntimeMessage } from './tests/support/extension-commands.ts';
import { OverlayProbe } from './bench/overlay/overlay-probe.ts';
const crm = await startCrm();
const sim = await startSim({});
const ext = await launchChromiumWithExtension();
try {
  const popup = await ext.openPage('popup.html');
  const { login, until } = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));
  await login(sim.baseUrl, 'agent1');
  await until((v) => v.calls.connection.kind === 'connected', 'connected');
  await popup.evaluate(async () => {
    await chrome.storage.local.set({ agentSettings: { version: 1, value: { crmSites: ['http://127.0.0.1/*'], region: 'US' } } });
  });
  await waitFor(async () => (await popup.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length > 0, { message: 'reg' });
  const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132', userData: { Ticket: 'T-4242' } });
  await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e));
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto(crm.baseUrl + '/crm/contacts');
  const probe = await OverlayProbe.attach(page);
  console.log(await probe.settled());
  console.log('mode', await probe.overlayShadowMode());
  const box = await page.evaluate(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if ((n as Text).data === '(415) 555-0132') { const r = document.createRange(); r.selectNodeContents(n); const b = r.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }
    return null;
  });
  console.log(box);
  await page.mouse.move(box!.x, box!.y);
  const text = await waitFor(async () => { const t = await probe.cardText(); return t && t.includes('Ringing') ? t : undefined; }, { timeoutMs: 5000, message: 'card' }).catch(async (e) => { console.log(e.message); return probe.cardText(); });
  console.log('CARD:', text);
  await page.screenshot({ path: '/tmp/ov/card.png' });
  const answer = await probe.buttonCenter('Answer');
  console.log('answer', answer);
  await page.mouse.move(answer!.x, answer!.y);
  await page.mouse.click(answer!.x, answer!.y);
  await until((v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Established'), 'answered');
  console.log('answered', await probe.cardText());
} finally {
  await ext.close();
  await crm.close();
  await sim.close();
}
