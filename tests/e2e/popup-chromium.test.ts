import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import {
  launchChromiumWithExtension,
  pageErrors,
  type ChromiumExtension,
} from '../support/extension.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import type { Wire } from '../support/sim-agent.ts';
import { withoutScreenPop } from './popup-support.ts';

// The popup driven like an agent does it (labels, roles, keyboard) in Debian's Chromium with
// the built extension, against the simulator. Each step checks what the agent sees and what
// the simulator received or holds as truth.
describe('Chromium: the popup, as an agent uses it', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let agent2: AgentHarness;

  const CUSTOMER = '+14155550132';
  const CUSTOMER_SHOWN = '(415) 555-0132';

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchChromiumWithExtension();
    popup = await ext.openPopup();
    await withoutScreenPop(popup);
    agent2 = agentSession(sim.baseUrl);
    await agent2.session.login(credentials(sim.baseUrl, 'agent2'));
    await agent2.until((s) => s.connection.kind === 'connected', 'agent2 connected');
  });
  afterAll(async () => {
    await agent2?.close();
    await ext?.close();
    await sim?.close();
  });

  const shown = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'visible', timeout });
  const gone = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'detached', timeout });
  const card = (callId: string) => popup.locator(`article[data-call-id="${callId}"]`);
  /** The call-state badge, in the agent's words ("Connected" for Established, §6.1). */
  const STATE_WORDS: Record<string, string> = {
    Ringing: 'Ringing',
    Dialing: 'Dialing',
    Established: 'Connected',
    Held: 'On hold',
  };
  const untilCardState = (callId: string, state: keyof typeof STATE_WORDS) =>
    shown(card(callId).locator('.call-state', { hasText: new RegExp(`^${STATE_WORDS[state]}$`) }));
  const connection = () => popup.locator('.connection-status');
  const operations = async (agent = 'agent1') =>
    (await sim.control.requests(agent)).map((r) => r.operationName).filter(Boolean);
  const lastRequest = async (operationName: string, agent = 'agent1') =>
    (await sim.control.requests(agent)).filter((r) => r.operationName === operationName).at(-1);
  /** Live calls at the simulator (it keeps released ones for a while). */
  const truthCalls = async (agent = 'agent1') =>
    (await sim.control.agent(agent)).calls.filter((c) => c.state !== 'Released');
  const truthCall = async (callId: string, agent = 'agent1') =>
    (await truthCalls(agent)).find((c) => c.id === callId);
  const untilTruth = (what: string, check: () => Promise<boolean>) =>
    waitFor(check, { timeoutMs: 8_000, message: what });

  /** The background's session diagnostics (what the diagnostics export holds). */
  async function sessionLog(): Promise<Array<{ at: number; summary: string }>> {
    const worker = await ext.serviceWorker();
    return worker.evaluate(() => {
      const hook = (
        globalThis as {
          gwsCti?: {
            session: {
              diagnostics: {
                dump(): { entries: { session: Array<{ at: number; summary: string }> } };
              };
            };
          };
        }
      ).gwsCti;
      return hook?.session.diagnostics.dump().entries.session ?? [];
    });
  }

  /** An inbound call from the customer, answered in the popup. */
  async function answeredCall(userData: Record<string, unknown> = {}): Promise<string> {
    const { callId } = await sim.control.call({ to: 'agent1', from: CUSTOMER, userData });
    await untilCardState(callId, 'Ringing');
    await card(callId).getByRole('button', { name: 'Answer' }).click();
    await untilCardState(callId, 'Established');
    return callId;
  }

  async function hangUp(callId: string): Promise<void> {
    await card(callId).getByRole('button', { name: 'Hang up' }).click();
    await gone(card(callId));
    await untilTruth('the call released', async () => (await truthCall(callId)) === undefined);
  }

  /** The call ringing at agent2, answered from Node (agent2 is a second simulated agent). */
  async function agent2Answers(): Promise<string> {
    const state = await agent2.until(
      (s) => s.calls.some((r) => r.call.state === 'Ringing'),
      'a call ringing at agent2',
    );
    const id = state.calls.find((r) => r.call.state === 'Ringing')!.call.id;
    await agent2.session.client.callOperation(id, 'Answer');
    await agent2.until(
      (s) => s.calls.some((r) => r.call.id === id && r.call.state === 'Established'),
      'agent2 on the call',
    );
    return id;
  }

  async function consultTo(callId: string, button: 'Consult transfer' | 'Consult conference') {
    await card(callId).getByRole('button', { name: 'Transfer / conference' }).click();
    await card(callId).getByLabel('Number or extension').fill('7002');
    await card(callId).getByRole('button', { name: button }).click();
    const consult = await waitFor(
      async () => (await truthCalls()).find((c) => c.callType === 'Consult') as Wire | undefined,
      { message: 'the consult call at the simulator' },
    );
    await untilCardState(callId, 'Held');
    return String(consult.id);
  }

  it('explains a wrong password in words, then signs in', async () => {
    await popup.getByLabel('Server URL').fill(sim.baseUrl);
    await popup.getByLabel('User name').fill('agent1');
    await popup.getByLabel('Password').fill('not-the-password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    const notice = popup.getByRole('alert').filter({ hasText: 'Sign-in failed.' });
    await shown(notice);
    expect(await notice.textContent()).toContain('Wrong user name or password.');
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(false);
    // GWS refused the Basic login itself (gws-api.md §2.1).
    const refused = (await sim.control.requests()).filter((r) => r.httpStatus === 401);
    expect(refused.map((r) => r.path)).toEqual(['/api/v2/me?subresources=*']);
    // What was typed is still there: only the password needs typing again.
    expect(await popup.getByLabel('User name').inputValue()).toBe('agent1');
    expect(await popup.getByLabel('Server URL').inputValue()).toBe(sim.baseUrl);

    await popup.getByLabel('Password').fill('password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await shown(connection().getByText('Connected', { exact: true }));
    await shown(popup.getByText('Anna Kowalski'));
    await shown(popup.getByText(`Signed in as agent1 on ${sim.baseUrl}`));
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(true);
    expect(await operations()).toContain('StartContactCenterSession');
  });

  it('goes Ready, then Not Ready with a custom reason', async () => {
    const picker = popup.getByLabel('My state');
    const userState = async () =>
      (await sim.control.agent('agent1')).device.userState as Record<string, unknown>;
    // The picker shows what GWS reports; wait for the simulator, then for the picker.
    const until = async (operationName: string, truth: Record<string, unknown>) => {
      await untilTruth(`agent1 ${operationName}`, async () => {
        const now = await userState();
        return Object.entries(truth).every(([k, v]) => now[k] === v);
      });
      await waitFor(async () => (await picker.inputValue()) === operationName, {
        message: `the picker showing ${operationName}`,
      });
    };
    await picker.selectOption({ label: 'Ready' });
    await until('Ready', { state: 'Ready' });
    await picker.selectOption({ label: 'Out to Lunch' });
    await until('OutToLunch', { state: 'NotReady', reason: 'Lunch', displayName: 'Out to Lunch' });
    expect((await operations()).slice(-2)).toEqual(['Ready', 'OutToLunch']);
    await picker.selectOption({ label: 'Ready' });
    await until('Ready', { state: 'Ready' });
  });

  it('titles an inbound call with the CustomerName attached to it, the number under it', async () => {
    const { callId } = await sim.control.call({
      to: 'agent1',
      from: CUSTOMER,
      userData: { CustomerName: 'Oliver Bennett' },
    });
    await untilCardState(callId, 'Ringing');
    expect(await card(callId).getByRole('heading').textContent()).toBe('Oliver Bennett');
    expect(await card(callId).locator('.participant-number').textContent()).toBe(CUSTOMER_SHOWN);
    // The live region announces the name too.
    await waitFor(
      async () =>
        ((await popup.getByTestId('live-assertive').textContent()) ?? '').includes(
          'Oliver Bennett',
        ),
      { timeoutMs: 8_000, message: 'the incoming call announced by name' },
    );
    await card(callId).getByRole('button', { name: 'Answer' }).click();
    await untilCardState(callId, 'Established');
    await hangUp(callId);
  });

  it('answers an inbound call, holds it, and consult-transfers it to agent2', async () => {
    const callId = await answeredCall({ Ticket: 'T-1001' });
    expect(await card(callId).getByRole('heading').textContent()).toBe(CUSTOMER_SHOWN);
    expect((await truthCall(callId))?.state).toBe('Established');

    await card(callId).getByRole('button', { name: 'Hold' }).click();
    await untilCardState(callId, 'Held');
    expect((await truthCall(callId))?.state).toBe('Held');
    await card(callId).getByRole('button', { name: 'Resume' }).click();
    await untilCardState(callId, 'Established');
    expect((await truthCall(callId))?.state).toBe('Established');

    const consultId = await consultTo(callId, 'Consult transfer');
    expect((await lastRequest('InitiateTransfer'))?.body).toMatchObject({
      destination: { phoneNumber: '7002' },
    });
    await shown(card(consultId));
    const agent2CallId = await agent2Answers();
    await untilCardState(consultId, 'Established');

    await card(consultId).getByRole('button', { name: 'Complete transfer' }).click();
    await gone(card(callId));
    await gone(card(consultId));
    await shown(popup.getByText('No calls'));
    expect(await truthCalls()).toEqual([]);
    const handedOver = await truthCall(agent2CallId, 'agent2');
    expect(handedOver?.state).toBe('Established');
    expect((handedOver?.participants as Wire[]).map((p) => p.phoneNumber)).toEqual([CUSTOMER]);
    expect(await operations()).toEqual(
      expect.arrayContaining([
        'Answer',
        'Hold',
        'Retrieve',
        'InitiateTransfer',
        'CompleteTransfer',
      ]),
    );
    await sim.control.remote(agent2CallId, 'hangup');
    await agent2.until((s) => s.calls.length === 0, 'agent2 free again');
  });

  it('makes a conference with agent2 and the customer', async () => {
    const callId = await answeredCall();
    const consultId = await consultTo(callId, 'Consult conference');
    await agent2Answers();
    await untilCardState(consultId, 'Established');
    await card(consultId).getByRole('button', { name: 'Complete conference' }).click();
    await gone(card(consultId));
    await untilCardState(callId, 'Established');
    // One call, two other parties: the customer and agent2.
    await shown(card(callId).getByRole('heading', { name: `${CUSTOMER_SHOWN} and 1 more` }));
    const parties = card(callId).getByRole('list', { name: 'Parties' }).getByRole('listitem');
    expect(await parties.count()).toBe(2);
    const truth = await truthCall(callId);
    expect((truth?.participants as Wire[]).map((p) => p.phoneNumber).sort()).toEqual(
      [CUSTOMER, '7002'].sort(),
    );
    expect((await operations()).slice(-2)).toEqual(['InitiateConference', 'CompleteConference']);
    await hangUp(callId);
    await Promise.all(
      agent2
        .calls()
        .calls.map((r) => sim.control.remote(r.call.id, 'hangup').catch(() => undefined)),
    );
    await agent2.until((s) => s.calls.length === 0, 'agent2 free again');
  });

  it('sends DTMF tones typed on the keypad', async () => {
    const callId = await answeredCall();
    await card(callId).getByRole('button', { name: 'Keypad' }).click();
    await card(callId).getByRole('button', { name: 'Key 1' }).click();
    // The pad has focus: typing works like pressing keys.
    await popup.keyboard.type('23#');
    await shown(card(callId).getByText('123#'));
    await untilTruth('every tone sent', async () => {
      const sent = (await sim.control.requests('agent1'))
        .filter((r) => r.operationName === 'SendDtmf')
        .map((r) => (r.body as { digits: string }).digits)
        .join('');
      return sent === '123#';
    });
    await hangUp(callId);
  });

  it('edits attached data', async () => {
    const callId = await answeredCall({ Ticket: 'T-1001', Segment: 'Gold' });
    await card(callId).getByRole('button', { name: 'Edit Ticket' }).click();
    const value = card(callId).getByLabel('Value of Ticket');
    await value.fill('T-2002');
    await value.press('Enter');
    await shown(card(callId).getByText('T-2002', { exact: true }));
    expect((await truthCall(callId))?.userData).toMatchObject({
      Ticket: 'T-2002',
      Segment: 'Gold',
    });
    expect((await lastRequest('UpdateUserData'))?.body).toMatchObject({
      userData: { Ticket: 'T-2002' },
    });
    await hangUp(callId);
  });

  it('shows a call carrying 450,000 characters of attached data and stays responsive', async () => {
    const notes = 'Customer said: lorem ipsum dolor sit amet, '.repeat(11_000).slice(0, 450_000);
    const sent = Date.now();
    const { callId } = await sim.control.call({
      to: 'agent1',
      from: CUSTOMER,
      userData: { Notes: notes, Ticket: 'T-450' },
    });
    await untilCardState(callId, 'Ringing');
    console.log(
      `a 450,000-character attached-data value: card shown ${Date.now() - sent} ms after the call`,
    );
    // The other controls answer: the call is answered from the popup, the dial pad opens.
    await card(callId).getByRole('button', { name: 'Answer' }).click();
    await untilCardState(callId, 'Established');
    await popup.getByRole('button', { name: 'Pad', exact: true }).click();
    await shown(popup.getByRole('group', { name: 'Dial pad' }));
    await popup.getByRole('button', { name: 'Pad', exact: true }).click();
    // A bounded preview; "show more" adds a bounded step; editing starts from the whole value.
    const notesValue = card(callId).locator('.data-row', { hasText: 'Notes' });
    const more = (shownChars: string) =>
      notesValue.getByRole('button', {
        name: `Show more (${shownChars} of 450,000 characters shown)`,
      });
    await more('300').click();
    await shown(more('10,300'));
    await card(callId).getByRole('button', { name: 'Edit Notes' }).click();
    expect(await card(callId).getByLabel('Value of Notes').inputValue()).toBe(notes);
    await card(callId).getByRole('button', { name: 'Cancel' }).click();
    await hangUp(callId);
  });

  it('dials a number typed on the dial pad', async () => {
    await popup.getByRole('button', { name: 'Pad', exact: true }).click();
    const pad = popup.getByRole('group', { name: 'Dial pad' });
    for (const key of '2025550143') await pad.getByRole('button', { name: `Key ${key}` }).click();
    expect(await popup.getByLabel('Number to call').inputValue()).toBe('(202) 555-0143');
    await popup.getByRole('button', { name: 'Call', exact: true }).click();
    const dialled = await waitFor(
      async () => (await truthCalls()).find((c) => c.callType === 'Outbound') as Wire | undefined,
      { message: 'the dialled call at the simulator' },
    );
    expect((await lastRequest('Dial'))?.body).toMatchObject({
      destination: { phoneNumber: '+12025550143' },
    });
    await untilCardState(String(dialled.id), 'Established');
    await hangUp(String(dialled.id));
  });

  it('shows the connection going and coming back while the simulator stalls', async () => {
    await sim.control.stall(true);
    let unstalledAt = Date.now();
    try {
      await shown(connection().getByText(/^Reconnecting/), 30_000);
      expect((await sim.control.state()).faults).toMatchObject({ stall: true });
    } finally {
      unstalledAt = Date.now();
      await sim.control.stall(false);
    }
    await shown(connection().getByText('Connected', { exact: true }), 20_000);
    // Back from "reconnecting", the background re-reads the server's truth (200 ms later, and
    // later still on a busy machine). Until that read is over, a call the server does not
    // know (the next test's hand-made one) would be dropped by it.
    await waitFor(
      async () => {
        const log = (await sessionLog()).filter((e) => e.summary.startsWith('recover'));
        const last = log.findLastIndex((e) => e.summary.startsWith('recovering'));
        return last >= 0 && log[last]!.at >= unstalledAt && log[last + 1]?.summary === 'recovered';
      },
      { message: 'the snapshot recovery after the reconnect' },
    );
    // Back for real: a call still reaches the popup.
    const { callId } = await sim.control.call({ to: 'agent1', from: CUSTOMER });
    await untilCardState(callId, 'Ringing');
    await sim.control.remote(callId, 'hangup');
    await gone(card(callId));
  });

  it('shows hostile text from GWS as text and creates no elements', async () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=2</script>';
    const { callId } = await sim.control.call({
      to: 'agent1',
      from: '+14155550199',
      userData: { [img]: script, Note: img },
    });
    await untilCardState(callId, 'Ringing');
    const device = (await sim.control.agent('agent1')).device;
    const hostileId = 'HOSTILE0000000000000000000000001';
    await sim.control.publish('agent1', '/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '7001',
      call: {
        id: hostileId,
        state: 'Ringing',
        callType: 'Inbound',
        ani: script,
        dnis: img,
        participants: [{ phoneNumber: script, location: img, country: { name: img } }],
        capabilities: [],
        userData: { [script]: img },
      },
    });
    await sim.control.publish('agent1', '/v2/me/devices', {
      messageType: 'DeviceStateChangeMessage',
      devices: [
        {
          ...device,
          userState: { id: 'HOSTILE-STATE', displayName: img, state: 'NotReady', reason: script },
        },
      ],
    });
    await shown(card(hostileId));
    await shown(popup.getByText(script).first());
    await shown(popup.getByText(img).first());
    // Only text: no element of any kind the payloads name, and none of their handlers ran.
    expect(await popup.locator('#app img, #app script, #app iframe').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageErrors(popup)).toEqual([]);

    await sim.control.publish('agent1', '/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '7001',
      call: {
        id: hostileId,
        state: 'Released',
        callType: 'Inbound',
        participants: [],
        capabilities: [],
      },
    });
    await sim.control.remote(callId, 'hangup');
    await gone(card(hostileId));
    await gone(card(callId));
  });

  it('signs out: the contact-center session ends', async () => {
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await shown(popup.getByRole('button', { name: 'Sign in' }));
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(false);
    expect(await operations()).toContain('EndContactCenterSession');
    expect(pageErrors(popup)).toEqual([]);
  });
});
