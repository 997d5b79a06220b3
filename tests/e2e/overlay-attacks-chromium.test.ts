import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { serveHostilePage, type HostilePage } from '../support/hostile-page.ts';
import { enableCrmSites, OverlayProbe } from '../../bench/overlay/overlay-probe.ts';
import { MIN_VISIBLE_MS } from '../../lib/overlay/click-guard.ts';

// A hostile page on an enabled CRM site tries to make the agent's real clicks dial what it
// chooses, and to read the card. Every attack ends the same way: the simulator's request log
// shows no Dial for it, proven by a legitimate dial made afterwards through the same path
// being the only one (a Dial from an attack would have reached the simulator first).
describe('Chromium: a hostile page cannot trick a click', () => {
  let sim: StartedSim;
  let hostile: HostilePage;
  let ext: ChromiumExtension;
  let popup: Page;

  const { until, login, callOp } = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));

  async function open(): Promise<{ page: Page; probe: OverlayProbe }> {
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    await page.goto(hostile.url);
    await probe.settled(undefined, 20_000, (d) => d.status === 'on' && d.hits >= 3);
    return { page, probe };
  }

  const centreOf = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const b = el.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });

  /**
   * A click counts only on what has been on screen, unobscured, for MIN_VISIBLE_MS
   * (click-guard.ts). An attack's click waits that long, so that it is refused for what the
   * page did, not for being early; an obscured target never becomes clickable, so there is no
   * event to wait for instead.
   */
  const humanPause = (page: Page) => page.waitForTimeout(MIN_VISIBLE_MS);

  const cardShowing = (probe: OverlayProbe, needle: string) =>
    waitFor(
      async () => {
        const text = await probe.cardText();
        return text?.includes(needle) ? text : undefined;
      },
      { message: `the card to show "${needle}"` },
    );

  /** A legitimate dial of (212) 555-0176, then: the Dials the simulator received. */
  async function dialsAfterLegitimateClick(page: Page, probe: OverlayProbe) {
    await page.mouse.move(2, 2);
    await waitFor(async () => (await probe.cardText()) === undefined, {
      message: 'the card to close',
    });
    const other = await centreOf(page, '#other');
    await page.mouse.move(other.x, other.y);
    await cardShowing(probe, '+12125550176');
    await probe.clickable('hit');
    await page.mouse.click(other.x, other.y);
    const dials = await waitFor(
      async () => {
        const d = (await sim.control.requests('agent1')).filter((r) => r.operationName === 'Dial');
        return d.some((r) => JSON.stringify(r.body).includes('+12125550176')) ? d : undefined;
      },
      { message: 'the legitimate Dial' },
    );
    const v = await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await callOp(v.calls.calls[0]!.call.id, 'Hangup');
    await until((s) => s.calls.calls.length === 0, 'released');
    return dials.map((r) => JSON.stringify(r.body));
  }

  beforeAll(async () => {
    sim = await startSim({ remoteAnswerDelayMs: 60_000 });
    hostile = await serveHostilePage();
    ext = await launchChromiumWithExtension();
    popup = await ext.openPage('popup.html');
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
  });
  afterAll(async () => {
    await ext?.close();
    await hostile?.close();
    await sim?.close();
  });

  it('clickjacking: a see-through top-layer banner over the number — real clicks do not dial; without it, the same click does', async () => {
    const { page, probe } = await open();
    await sim.control.clearRequests();
    await page.evaluate(() => (document.getElementById('banner') as HTMLElement).showPopover());
    const at = await centreOf(page, '#target');
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, '+14155550132');
    // The click reaches our hit target through the banner: it is not taken as a dial,
    // however long the target has been there.
    await humanPause(page);
    await page.mouse.click(at.x, at.y);
    await cardShowing(probe, 'Call +1 415');
    // Nor is the card's own Call, under the same banner.
    const call = (await probe.buttonCenter('Call'))!;
    await page.mouse.move(call.x, call.y);
    await humanPause(page);
    await page.mouse.click(call.x, call.y);
    await page.evaluate(() => (document.getElementById('banner') as HTMLElement).hidePopover());
    expect(await dialsAfterLegitimateClick(page, probe)).toEqual([
      expect.stringContaining('+12125550176'),
    ]);
    // The same number, banner gone: the same real click dials.
    await sim.control.clearRequests();
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, '+14155550132');
    await probe.clickable('hit');
    await page.mouse.click(at.x, at.y);
    const dial = await waitFor(
      async () => (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial'),
      { message: 'the Dial' },
    );
    expect(JSON.stringify(dial.body)).toContain('+14155550132');
    const v = await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await callOp(v.calls.calls[0]!.call.id, 'Hangup');
    await until((s) => s.calls.calls.length === 0, 'released');
    await page.close();
  });

  it('clickjacking: a see-through element placed after the overlay in the document', async () => {
    const { page, probe } = await open();
    await sim.control.clearRequests();
    await page.evaluate(() => {
      const banner = document.getElementById('banner')!.cloneNode(true) as HTMLElement;
      banner.removeAttribute('popover');
      banner.id = 'after-host';
      document.documentElement.append(banner);
    });
    const at = await centreOf(page, '#target');
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, '+14155550132');
    await humanPause(page);
    await page.mouse.click(at.x, at.y);
    await cardShowing(probe, 'Call +1 415');
    await page.evaluate(() => document.getElementById('after-host')!.remove());
    const dials = await dialsAfterLegitimateClick(page, probe);
    expect(dials).toEqual([expect.stringContaining('+12125550176')]);
    await page.close();
  });

  it('a tel: link whose text hides a premium-rate number asks first, in our card', async () => {
    const { page, probe } = await open();
    await sim.control.clearRequests();
    const at = await centreOf(page, '#report');
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    const card = await cardShowing(probe, 'which its text does not show');
    // The number as dialled, formatted once its facts are in.
    expect(card).toMatch(/This link dials \+1 ?900/);
    const cancel = (await probe.buttonCenter('Cancel'))!;
    await page.mouse.click(cancel.x, cancel.y);
    const dials = await dialsAfterLegitimateClick(page, probe);
    expect(dials).toEqual([expect.stringContaining('+12125550176')]);
    await page.close();
  });

  it('synthetic events from page scripts neither open, confirm nor dial', async () => {
    const { page, probe } = await open();
    await sim.control.clearRequests();
    const at = await centreOf(page, '#target');
    await page.evaluate(({ x, y }) => {
      const el = document.getElementById('target')!;
      el.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
      el.click();
      window.dispatchEvent(
        new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyN' }),
      );
    }, at);
    expect(await probe.cardText()).toBeUndefined();
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, '+14155550132');
    await page.evaluate(({ x, y }) => {
      const there = document.elementFromPoint(x, y) as HTMLElement;
      there.click();
      there.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      there.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }, at);
    const dials = await dialsAfterLegitimateClick(page, probe);
    expect(dials).toEqual([expect.stringContaining('+12125550176')]);
    await page.close();
  });

  it('"Confirm before dialling": on, a click asks and Call in the card dials; off, the click dials', async () => {
    await enableCrmSites(popup, ['http://127.0.0.1/*'], 'US', { confirmBeforeDial: true });
    const { page, probe } = await open();
    await sim.control.clearRequests();
    const at = await centreOf(page, '#other');
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, '+12125550176');
    await page.mouse.click(at.x, at.y);
    await cardShowing(probe, 'Call +1 212 555 0176?');
    expect((await sim.control.requests('agent1')).map((r) => r.operationName)).not.toContain(
      'Dial',
    );
    const call = (await probe.buttonCenter('Call'))!;
    await page.mouse.move(call.x, call.y);
    await probe.clickable('card');
    await page.mouse.click(call.x, call.y);
    const dial = await waitFor(
      async () => (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial'),
      { message: 'the Dial' },
    );
    expect(JSON.stringify(dial.body)).toContain('+12125550176');
    const v = await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await callOp(v.calls.calls[0]!.call.id, 'Hangup');
    await until((s) => s.calls.calls.length === 0, 'released');
    await page.close();
    // Off again: the same click dials at once (the legitimate click of every test above).
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
    const again = await open();
    await sim.control.clearRequests();
    expect(await dialsAfterLegitimateClick(again.page, again.probe)).toEqual([
      expect.stringContaining('+12125550176'),
    ]);
    await again.page.close();
  });

  it('site scope: a typed port is that port only; srcdoc and about:blank frames of the site are served', async () => {
    const elsewhere = await serveHostilePage();
    try {
      await enableCrmSites(popup, [`${new URL(hostile.url).origin}/*`]);
      const { page, probe } = await open();
      // Another port of the same host: the overlay is not even injected there. (Loaded after
      // a page of the site's own port settled, so registration is not what is awaited.)
      const other = await ext.context.newPage();
      const otherProbe = await OverlayProbe.attach(other);
      await other.goto(elsewhere.url);
      await other.locator('#target').waitFor();
      expect(await otherProbe.diagnostics()).toBeUndefined();
      await other.close();
      await page.goto(`${hostile.url}frames`);
      const frames = await waitFor(
        async () => {
          const ids = await probe.frameIds();
          return ids.length === 3 ? ids : undefined;
        },
        { message: 'the two widget frames' },
      );
      for (const frame of frames.slice(1)) {
        const inFrame = await probe.settled(frame, 10_000, (d) => d.status === 'on' && d.hits > 0);
        expect(inFrame.hits).toBe(1);
      }
      expect(
        (await probe.hitTexts(frames[1])).concat(await probe.hitTexts(frames[2])).sort(),
      ).toEqual(['(212) 555-0176', '(415) 555-0132']);
      await page.close();
    } finally {
      await elsewhere.close();
      await enableCrmSites(popup, ['http://127.0.0.1/*']);
    }
  });

  it('geometry probe: elementFromPoint measures the same card with and without a live call', async () => {
    const { page, probe } = await open();
    /** What a page script can learn: how far down from the number our host answers hits. */
    const measure = () =>
      page.evaluate(() => {
        const target = document.getElementById('target')!.getBoundingClientRect();
        const x = target.left + 10;
        let height = 0;
        for (let y = target.bottom + 1; y < innerHeight; y++) {
          const el = document.elementFromPoint(x, y);
          if (el?.localName.startsWith('gws-cti-')) height++;
        }
        return height;
      });
    const at = await centreOf(page, '#target');
    await page.mouse.move(at.x, at.y);
    await cardShowing(probe, 'United States');
    const idle = await measure();
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'the call rings');
    await cardShowing(probe, 'Ringing');
    const ringing = await measure();
    expect(idle).toBeGreaterThan(100);
    expect(ringing).toBe(idle);
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls.some((r) => r.call.state === 'Established'), 'answered');
    await callOp(callId, 'Hangup');
    await until((s) => s.calls.calls.length === 0, 'released');
    await page.close();
  });
});
