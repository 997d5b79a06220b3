import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import { withoutScreenPop } from './popup-support.ts';

// The popup's smoke test in firefox-esr (MV2 build): sign in, answer, hang up, by clicks and
// typing in the page like the agent, checked against the simulator.
describe('Firefox: the popup, as an agent uses it', () => {
  let sim: StartedSim;
  let ext: FirefoxExtension;
  let popup: Page;

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchFirefoxWithExtension();
    popup = await ext.openPopup();
    await withoutScreenPop(popup);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  /** Text of the first element matching `selector`, or undefined. */
  const text = (selector: string) =>
    popup.evaluate((s) => document.querySelector(s)?.textContent ?? undefined, selector);
  const until = (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) =>
    waitFor(check, { timeoutMs, message: what });
  const cardSelector = (callId: string) => `article[data-call-id="${callId}"]`;
  /** Clicks (a real mouse click) the button whose visible label is `label`, inside `scope`. */
  const press = (scope: string, label: string) =>
    popup.locator(`${scope} button .btn-label ::-p-text(${label})`).click();

  it('signs in', async () => {
    await popup.locator('input[name="serverUrl"]').fill(sim.baseUrl);
    await popup.locator('input[name="username"]').fill('agent1');
    await popup.locator('input[name="password"]').fill('password');
    await press('form.login', 'Sign in');
    await until(
      'Connected shown',
      async () => (await text('.connection-status'))?.trim() === 'Connected',
    );
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(true);
  });

  it('answers an inbound call and hangs up', async () => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    const card = cardSelector(callId);
    await until(
      'the call ringing in the popup',
      async () => (await text(`${card} .call-state`)) === 'Ringing',
    );
    expect(await text(`${card} .call-title`)).toBe('(415) 555-0132');

    await press(card, 'Answer');
    await until(
      'the call connected',
      async () => (await text(`${card} .call-state`)) === 'Connected',
    );
    const truth = (await sim.control.agent('agent1')).calls.find((c) => c.id === callId);
    expect(truth?.state).toBe('Established');

    await press(card, 'Hang up');
    await until('the card gone', async () => (await text(card)) === undefined);
    await until('released at the simulator', async () =>
      (await sim.control.agent('agent1')).calls.every(
        (c) => c.id !== callId || c.state === 'Released',
      ),
    );
    const operations = (await sim.control.requests('agent1')).map((r) => r.operationName);
    expect(operations).toEqual(expect.arrayContaining(['Answer', 'Hangup']));
  });
});
