import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import { withoutScreenPop } from './popup-support.ts';

// The transfer and dial directory in firefox-esr (MV2 build), against the simulator (strict
// mode), as directory-chromium.test.ts does it in Chromium: a favourite added in the options
// page and an agent found by typing part of a name are transferred to with the keyboard only,
// and the simulator receives the right destination.
describe('Firefox: transfers from the directory', () => {
  let sim: StartedSim;
  let ext: FirefoxExtension;
  let popup: Page;
  let ben: AgentHarness;
  let chloe: AgentHarness;

  const { until, login } = extensionCommands((message) =>
    popup.evaluate(sendRuntimeMessage, message),
  );
  const card = (callId: string) => `article[data-call-id="${callId}"]`;
  const field = (callId: string) => `${card(callId)} input[role="combobox"]`;
  const activeOption = '[role="option"][aria-selected="true"]';
  /** Text of the first element matching `selector`, or undefined. */
  const text = (page: Page, selector: string) =>
    page.evaluate((s) => document.querySelector(s)?.textContent ?? undefined, selector);
  const shown = (page: Page, selector: string) =>
    waitFor(async () => (await text(page, selector)) !== undefined, {
      message: `${selector} shown`,
    });
  const visible = (selector: string) =>
    popup.evaluate((s) => {
      const el = document.querySelector<HTMLElement>(s);
      return el !== null && !el.hidden;
    }, selector);
  const focusedText = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
  const inputValue = (selector: string) =>
    popup.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.value, selector);
  /** Clicks (a real mouse click) the button whose visible label is `label`, inside `scope`. */
  const press = (scope: string, label: string) =>
    popup.locator(`${scope} button .btn-label ::-p-text(${label})`).click();
  const lastRequest = async (operationName: string) =>
    (await sim.control.requests('agent1')).filter((r) => r.operationName === operationName).at(-1);

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchFirefoxWithExtension();
    ben = agentSession(sim.baseUrl);
    chloe = agentSession(sim.baseUrl);
    await ben.session.login(credentials(sim.baseUrl, 'agent2'));
    await chloe.session.login(credentials(sim.baseUrl, 'agent3'));
    await ben.until((s) => s.connection.kind === 'connected', 'agent2 connected');
    await chloe.until((s) => s.connection.kind === 'connected', 'agent3 connected');
    await ben.session.operate({ kind: 'agent-state', operationName: 'Ready' });

    popup = await ext.openPopup();
    await withoutScreenPop(popup);
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await ben?.close();
    await chloe?.close();
    await ext?.close();
    await sim?.close();
  });

  /** An inbound call answered in the popup, its transfer form open (focus in the field). */
  async function callWithTransferForm(): Promise<string> {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
    await press(card(callId), 'Answer');
    await waitFor(async () => (await text(popup, `${card(callId)} .call-state`)) === 'Connected', {
      message: 'the call connected',
    });
    await press(card(callId), 'Transfer / conference');
    await waitFor(
      () =>
        popup.evaluate((s) => document.activeElement === document.querySelector(s), field(callId)),
      { message: 'focus in the destination field' },
    );
    return callId;
  }

  it('adds a favourite in the options page, with a clear message for a bad one', async () => {
    const options = await ext.openOptions();
    const favourites = 'section.directory-admin[aria-labelledby="directory-favourites-title"]';
    await shown(options, `${favourites} form`);
    await options.locator(`${favourites} input[name="name"]`).fill('Billing desk');
    await options.locator(`${favourites} input[name="number"]`).fill('call mum');
    await options.locator(`${favourites} button[type="submit"]`).click();
    await waitFor(
      async () =>
        ((await text(options, favourites)) ?? '').includes(
          '“call mum” is not a phone number, extension or routing point.',
        ),
      { message: 'the problem with the bad number' },
    );
    await options.locator(`${favourites} input[name="number"]`).fill('7003');
    await options.select(`${favourites} select[name="kind"]`, 'queue');
    await options.locator(`${favourites} button[type="submit"]`).click();
    await waitFor(
      async () =>
        ((await text(options, `${favourites} .directory-admin-list`)) ?? '').includes(
          'Remove Billing desk',
        ),
      { message: 'the favourite listed' },
    );
    await options.close();
  });

  it('transfers to the favourite with the keyboard only', async () => {
    const callId = await callWithTransferForm();
    const list = `${card(callId)} [role="listbox"]`;
    await popup.keyboard.press('ArrowDown');
    await waitFor(() => visible(list), { message: 'the directory list open' });
    await popup.keyboard.press('ArrowDown');
    expect(await text(popup, activeOption)).toContain('Billing desk');
    await popup.keyboard.press('Enter');
    await waitFor(async () => !(await visible(list)), { message: 'the list closed' });
    expect(await inputValue(field(callId))).toBe('7003');
    // Tab to "Transfer now" (after "Consult transfer") and press it.
    for (let i = 0; i < 4 && !(await focusedText()).includes('Transfer now'); i++)
      await popup.keyboard.press('Tab');
    expect(await focusedText()).toContain('Transfer now');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await lastRequest('SingleStepTransfer')) !== undefined, {
      message: 'the single-step transfer at the simulator',
    });
    expect((await lastRequest('SingleStepTransfer'))?.body).toMatchObject({
      destination: { phoneNumber: '7003' },
    });
    await chloe.until((s) => s.calls.some((r) => r.call.state === 'Ringing'), 'agent3 rings');
    await waitFor(async () => (await text(popup, card(callId))) === undefined, {
      message: 'the transferred call gone from the popup',
    });
  });

  it('finds an agent by part of the name, with the state GWS gives, and consults them', async () => {
    const callId = await callWithTransferForm();
    await popup.keyboard.type('okaf');
    await shown(popup, activeOption);
    expect(await text(popup, activeOption)).toMatch(/Ben Okafor.*7002.*Ready/);
    // Escape closes the list only; the form stays, with what was typed.
    const list = `${card(callId)} [role="listbox"]`;
    await popup.keyboard.press('Escape');
    await waitFor(async () => !(await visible(list)), { message: 'the list closed' });
    expect(await inputValue(field(callId))).toBe('okaf');
    await popup.keyboard.press('ArrowDown');
    await shown(popup, activeOption);
    await popup.keyboard.press('Enter');
    expect(await inputValue(field(callId))).toBe('7002');
    // Enter again: the first offered operation, the consult transfer.
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await lastRequest('InitiateTransfer')) !== undefined, {
      message: 'the consult transfer at the simulator',
    });
    expect((await lastRequest('InitiateTransfer'))?.body).toMatchObject({
      destination: { phoneNumber: '7002' },
    });
    await ben.until((s) => s.calls.some((r) => r.call.state === 'Ringing'), 'agent2 rings');
    // The consultation names the agent consulted, from the directory.
    await waitFor(
      async () =>
        (
          await popup.evaluate(() =>
            [...document.querySelectorAll('article .call-title')].map((e) => e.textContent),
          )
        ).includes('Ben Okafor'),
      { message: 'the consultation named from the directory' },
    );
  });
});
