import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { startCrm, type RunningCrm } from '../../crm/server.ts';
import { enableCrmSites, OverlayProbe } from '../../bench/overlay/overlay-probe.ts';
import { withoutScreenPop } from './popup-support.ts';

// One dial-plan rule, made in the options page, changes what the simulator receives from
// every dial path: the popup's dialpad, a click on a number in the demo CRM, the context
// menu, "Call back" in the history and a transfer destination. The simulator's request log
// (`GET /sim/requests`) says what GWS was asked to dial.
describe('Chromium: dial plan on every dial path', () => {
  let sim: StartedSim;
  let crm: RunningCrm;
  let ext: ChromiumExtension;
  let popup: Page;
  const { until, login, callOp } = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));

  /** The destinations of the operation `name` agent1 sent since the log was cleared. */
  const sent = async (name: string) =>
    waitFor(
      async () => {
        const found = (await sim.control.requests('agent1'))
          .filter((r) => r.operationName === name)
          .map(
            (r) => (r.body as { destination?: { phoneNumber?: string } }).destination?.phoneNumber,
          );
        return found.length > 0 ? found : undefined;
      },
      { message: `${name} in the simulator's request log` },
    );

  const hangUpAll = async () => {
    const v = await until(() => true, 'the view');
    for (const r of v.calls.calls) await callOp(r.call.id, 'Hangup').catch(() => undefined);
    await until((s) => s.calls.calls.length === 0, 'no call left');
  };

  beforeAll(async () => {
    sim = await startSim({ remoteAnswerDelayMs: 60_000 });
    crm = await startCrm();
    ext = await launchChromiumWithExtension();
    popup = await ext.openPage('popup.html');
    await withoutScreenPop(popup);
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
  });
  afterAll(async () => {
    await ext?.close();
    await crm?.close();
    await sim?.close();
  });

  it('the options page saves an outside-line rule and its tester shows the steps', async () => {
    const options = await ext.openOptions();
    const section = options.getByRole('region', { name: 'Dial plan' });
    await section.getByRole('button', { name: 'Add a rule' }).click();
    const rule = section.getByRole('group', { name: 'Rule 1' });
    await rule.getByRole('textbox', { name: 'Name' }).fill('Outside line');
    await rule.getByRole('checkbox', { name: /National/ }).check();
    await rule.getByRole('combobox', { name: 'Write the number as' }).selectOption('national');
    await rule.getByRole('textbox', { name: 'Add this prefix' }).fill('9');
    await section.getByRole('button', { name: 'Save the dial plan' }).click();
    await section.getByText('Saved.').waitFor();
    await section.getByRole('textbox', { name: /Number to try/ }).fill('212 555 0176');
    await section.getByText('Rule 1 “Outside line” matches').waitFor();
    expect(await section.locator('.dial-plan-outcome').textContent()).toBe(
      'Dials 9 (212) 555-0176 (92125550176)',
    );
    await options.close();
  });

  it('popup dialpad: shows "Dials 9 …" and the simulator gets 9 + the national number', async () => {
    await popup.reload();
    await sim.control.clearRequests();
    const field = popup.getByLabel('Number to call');
    await field.fill('(415) 555-0132');
    await popup.getByText('Dials 9 (415) 555-0132').waitFor();
    await field.press('Enter');
    expect(await sent('Dial')).toEqual(['94155550132']);
    await until((s) => s.calls.calls.length === 1, 'the dialled call');
    // The card and the participant line under it describe the number asked for, not the
    // switch's 9-prefixed digits: a California number, landline or mobile.
    const card = popup.getByRole('article', { name: '(415) 555-0132' });
    await card.waitFor();
    const line = card.getByRole('list', { name: 'Parties' }).getByRole('listitem');
    await expect.poll(() => line.textContent()).toContain('California');
    const meta = await line.locator('.participant-meta').textContent();
    expect(meta).toContain('United States');
    expect(meta).toContain('Landline or mobile');
    await hangUpAll();
    // The diagnostics say what was asked, which rule, and what was dialled.
    const dump = (await popup.evaluate(sendRuntimeMessage, {
      channel: 'gws-cti',
      command: 'diagnostics.export',
    })) as { value: { entries: { session: Array<{ summary: string }> } } };
    expect(dump.value.entries.session.map((e) => e.summary)).toContain(
      'dial plan: +14155550132 → 94155550132 (rule 1 "Outside line")',
    );
  });

  it('CRM click on the demo CRM', async () => {
    await sim.control.clearRequests();
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    await page.goto(`${crm.baseUrl}/crm/contacts`);
    await probe.settled();
    const target = '(212) 555-0176 x31';
    const at = await page.evaluate((text) => {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    }, target);
    await page.mouse.move(at!.x, at!.y);
    await probe.clickable('hit');
    await page.mouse.click(at!.x, at!.y);
    expect(await sent('Dial')).toEqual(['92125550176']);
    await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await hangUpAll();
    await page.close();
  });

  it('context menu "Call <selection>"', async () => {
    await sim.control.clearRequests();
    // Playwright cannot open the browser's own context menu, and contextMenus.onClicked
    // cannot be dispatched from script; the worker's menu handler gets the click the browser
    // would hand it (the same object the onClicked listener passes on).
    const worker = await ext.serviceWorker();
    await worker.evaluate(async (pageUrl) => {
      const cti = (
        globalThis as unknown as {
          gwsCti: { pages: { menu: { onClick(info: unknown): Promise<void> } } };
        }
      ).gwsCti;
      await cti.pages.menu.onClick({
        menuItemId: 'gws-cti-call-selection',
        selectionText: 'Call (646) 555-0123 today',
        pageUrl,
      });
    }, `${crm.baseUrl}/crm/contacts`);
    expect(await sent('Dial')).toEqual(['96465550123']);
    await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await hangUpAll();
  });

  it('history "Call back" and a transfer destination', async () => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+13125550100' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
    await sim.control.clearRequests();
    // What the popup's transfer form sends: the number as typed.
    await callOp(callId, 'SingleStepTransfer', { destination: '+1 312 555 0199' });
    expect(await sent('SingleStepTransfer')).toEqual(['93125550199']);
    await until((v) => v.calls.calls.length === 0, 'transferred');

    await sim.control.clearRequests();
    await popup.reload();
    const entry = popup
      .getByRole('list', { name: 'Call history' })
      .getByRole('listitem')
      .filter({ hasText: '555-0100' })
      .first();
    await entry.getByRole('button', { name: 'Call back' }).click();
    expect(await sent('Dial')).toEqual(['93125550100']);
    await until((s) => s.calls.calls.length === 1, 'the call back');
    await hangUpAll();
  });

  it('every path above left its destination among the recent ones, as the agent gave it', async () => {
    const worker = await ext.serviceWorker();
    const book = (await worker.evaluate(async () => {
      const key = 'recentDestinations';
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await api.storage.local.get(key))[key];
    })) as { agents: Record<string, { entries: Array<{ number: string; use: string }> }> };
    const mine = book.agents[`agent1@${sim.baseUrl}`]?.entries ?? [];
    const digits = (n: string) => n.replace(/\D/g, '');
    // Newest first: call back, transfer, context menu, CRM click, popup. Numbers before the
    // dial plan (no outside-line 9): what the agent would pick again.
    expect(mine.map((e) => [digits(e.number).slice(0, 11), e.use])).toEqual([
      ['13125550100', 'dial'],
      ['13125550199', 'transfer'],
      ['16465550123', 'dial'],
      ['12125550176', 'dial'],
      ['14155550132', 'dial'],
    ]);
    // The popup shows them in one place: the picker's Recent group, one click away.
    await popup.reload();
    await popup.getByLabel('Number to call').click();
    const recent = popup.getByRole('group', { name: 'Recent' });
    await recent.waitFor();
    expect(await recent.getByRole('option').count()).toBe(5);
  });

  it('a two-step transfer: the form says what it dials, the consult card names the number asked for', async () => {
    // The far end answers the rewritten number at once, so the consultation can be completed.
    await sim.control.remoteParty('93125550177', { behaviour: 'answer', answerDelayMs: 0 });
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await popup.reload();
    const original = popup.locator(`article[data-call-id="${callId}"]`);
    await original.getByRole('button', { name: 'Answer' }).click();
    await original.locator('.call-state', { hasText: /^Connected$/ }).waitFor();
    await sim.control.clearRequests();

    await original.getByRole('button', { name: 'Transfer / conference' }).click();
    const field = original.getByLabel('Number or extension');
    await field.fill('312 555 0177');
    // Before anything is sent the agent sees what the switch will be asked to dial.
    await original.getByText('Dials 9 (312) 555-0177').waitFor();
    await original.getByRole('button', { name: 'Consult transfer' }).click();
    expect(await sent('InitiateTransfer')).toEqual(['93125550177']);

    // The consult call's card: titled, described and announced by the number asked for.
    const v = await until(
      (s) => s.calls.calls.some((r) => r.parentId === callId && r.call.state === 'Established'),
      'the consultation answered',
    );
    const consultId = v.calls.calls.find((r) => r.parentId === callId)!.call.id;
    const consult = popup.locator(`article[data-call-id="${consultId}"]`);
    await consult.locator('.call-state', { hasText: /^Connected$/ }).waitFor();
    expect(await consult.getByRole('heading').textContent()).toBe('(312) 555-0177');
    const meta = await consult.locator('.participant-meta').textContent();
    expect(meta).toContain('Illinois');
    expect(await consult.locator('.consult-of').textContent()).toContain('(415) 555-0132');
    // Only the DNIS line says what the switch dialled.
    expect(await consult.locator('.participants').textContent()).not.toContain('9312');
    expect(await consult.locator('.ani-dnis').textContent()).toContain('93125550177');
    expect(await original.locator('.call-state').textContent()).toBe('On hold');

    await consult.getByRole('button', { name: 'Complete transfer' }).click();
    await until((s) => s.calls.calls.length === 0, 'both calls handed over');
    expect((await sim.control.requests('agent1')).map((r) => r.operationName)).toContain(
      'CompleteTransfer',
    );
    // The history keeps the consultation under the number the agent asked for.
    const history = popup.getByRole('list', { name: 'Call history' });
    await history.getByRole('listitem').filter({ hasText: '(312) 555-0177' }).first().waitFor();
    expect(await history.textContent()).not.toContain('93125550177');
  });
});
