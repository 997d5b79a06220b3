import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import { withoutScreenPop } from './popup-support.ts';

// The transfer and dial directory in Debian's Chromium with the built extension, against the
// simulator (strict mode): a favourite added in the options page and an agent found by typing
// part of a name are transferred to with the keyboard only, and the simulator receives the
// right destination; an internal caller shows by name.
describe('Chromium: transfers from the directory', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let ben: AgentHarness;
  let chloe: AgentHarness;

  const shown = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'visible', timeout });
  const card = (callId: string) => popup.locator(`article[data-call-id="${callId}"]`);
  const lastRequest = async (operationName: string) =>
    (await sim.control.requests('agent1')).filter((r) => r.operationName === operationName).at(-1);
  const focusedText = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
  const destination = (callId: string) =>
    card(callId).getByRole('combobox', { name: 'Number or extension' });
  const activeOption = () => popup.locator('[role="option"][aria-selected="true"]');

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchChromiumWithExtension();
    ben = agentSession(sim.baseUrl);
    chloe = agentSession(sim.baseUrl);
    await ben.session.login(credentials(sim.baseUrl, 'agent2'));
    await chloe.session.login(credentials(sim.baseUrl, 'agent3'));
    await ben.until((s) => s.connection.kind === 'connected', 'agent2 connected');
    await chloe.until((s) => s.connection.kind === 'connected', 'agent3 connected');
    await ben.session.operate({ kind: 'agent-state', operationName: 'Ready' });

    popup = await ext.openPopup();
    await withoutScreenPop(popup);
    await popup.getByLabel('Server URL').fill(sim.baseUrl);
    await popup.getByLabel('User name').fill('agent1');
    await popup.getByLabel('Password').fill('password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await shown(popup.locator('.connection-status').getByText('Connected', { exact: true }));
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
    await card(callId).getByRole('button', { name: 'Answer' }).click();
    await shown(card(callId).locator('.call-state', { hasText: /^Connected$/ }));
    await card(callId).getByRole('button', { name: 'Transfer / conference' }).click();
    const field = destination(callId);
    await waitFor(async () => field.evaluate((el) => el === document.activeElement), {
      message: 'focus in the destination field',
    });
    return callId;
  }

  it('adds a favourite in the options page, with a clear message for a bad one', async () => {
    const options = await ext.openOptions();
    const favourites = options.locator('section.directory-admin', {
      has: options.getByRole('heading', { name: 'Favourites', exact: true }),
    });
    await favourites.getByLabel('Name').fill('Billing desk');
    await favourites.getByLabel('Number, extension or routing point').fill('call mum');
    await favourites.getByRole('button', { name: 'Add' }).click();
    await shown(
      favourites.getByText('“call mum” is not a phone number, extension or routing point.'),
    );
    await favourites.getByLabel('Number, extension or routing point').fill('7003');
    await favourites.getByLabel('Reaches').selectOption('queue');
    await favourites.getByRole('button', { name: 'Add' }).click();
    await shown(favourites.getByRole('button', { name: 'Remove Billing desk' }));
    await options.close();
  });

  it('transfers to the favourite with the keyboard only', async () => {
    const callId = await callWithTransferForm();
    const list = card(callId).getByRole('listbox', { name: 'Directory' });
    await popup.keyboard.press('ArrowDown');
    await shown(list);
    await popup.keyboard.press('ArrowDown');
    expect(await activeOption().textContent()).toContain('Billing desk');
    await popup.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    expect(await destination(callId).inputValue()).toBe('7003');
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
    await card(callId).waitFor({ state: 'detached' });
  });

  it('finds an agent by part of the name, with the state GWS gives, and consults them', async () => {
    const callId = await callWithTransferForm();
    const field = destination(callId);
    await popup.keyboard.type('okaf');
    const option = activeOption();
    await shown(option);
    expect(await option.textContent()).toMatch(/Ben Okafor.*7002.*Ready/);
    // Escape closes the list only; the form stays, with what was typed.
    await popup.keyboard.press('Escape');
    await card(callId).getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe('okaf');
    await popup.keyboard.press('ArrowDown');
    await shown(activeOption());
    await popup.keyboard.press('Enter');
    expect(await field.inputValue()).toBe('7002');
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
    await shown(popup.locator('article').getByText('Ben Okafor').first());
  });
});
