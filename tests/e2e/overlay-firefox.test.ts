import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { startCrm, type RunningCrm } from '../../crm/server.ts';
import { serveHostilePage, type HostilePage } from '../support/hostile-page.ts';
import { MIN_VISIBLE_MS } from '../../lib/overlay/click-guard.ts';

const SITE = 'http://127.0.0.1/*';

// The CRM page overlay in firefox-esr (MV2 build): registered with contentScripts.register and
// injected into open tabs with tabs.executeScript. The overlay's state lives in the content
// script's world and its UI in a closed shadow root, out of the page's reach; what the page
// legitimately sees is the host element of that root, the CSS custom highlight the overlay
// registers on the document (ranges over the page's own text), and the hit target the host
// puts over a number under the pointer. And behaviour: the click dials.
describe('Firefox: CRM page overlay', () => {
  let sim: StartedSim;
  let crm: RunningCrm;
  let hostile: HostilePage;
  let ext: FirefoxExtension;
  let popup: Page;
  let page: Page;

  const { until, login } = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));

  /** Sets the CRM sites the way the options page stores them. */
  const setCrmSites = (sites: string[]) =>
    popup.evaluate(async (sites) => {
      const stored = (await browser.storage.local.get('agentSettings')).agentSettings as
        { version: number; value: object } | undefined;
      await browser.storage.local.set({
        agentSettings: {
          version: stored?.version ?? 1,
          value: { ...stored?.value, crmSites: sites },
        },
      });
    }, sites);

  /** Waits until the background page's last registration sync is for exactly `patterns`. */
  const registeredFor = (patterns: string[]) =>
    waitFor(
      async () => {
        const now = await popup.evaluate(async () => {
          const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
            gwsCti?: { pages: { registration: { patterns: string[] } } };
          } | null;
          const patterns = bg?.gwsCti?.pages.registration.patterns;
          return patterns ? [...patterns] : null;
        });
        return JSON.stringify(now) === JSON.stringify(patterns);
      },
      { message: `the overlay registered for ${JSON.stringify(patterns)}` },
    );

  const open = async (path: string, base = crm.baseUrl) => {
    const tab = await ext.browser.newPage();
    await tab.goto(base + path);
    return tab;
  };

  /**
   * A click counts only on what has been on screen for MIN_VISIBLE_MS
   * (lib/overlay/click-guard.ts), as a person's does; time is what it is about, so there is
   * no event to wait for instead.
   */
  const humanPause = () => new Promise((r) => setTimeout(r, MIN_VISIBLE_MS));

  /** What the page's main world sees of the overlay. */
  const seen = (tab: Page) =>
    tab.evaluate(() => {
      const host = [...document.documentElement.children].find((c) =>
        c.localName.startsWith('gws-cti-'),
      );
      const highlight = CSS.highlights.get('gws-cti-phone');
      return {
        host: host ? (host.shadowRoot === null ? 'closed' : 'open') : 'none',
        highlighted: highlight
          ? [...highlight].map((r) =>
              (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset),
            )
          : [],
      };
    });
  /** Waits for the overlay's host (closed) and for `numbers` among the highlighted texts. */
  const overlayRuns = (tab: Page, numbers = ['(415) 555-0132', '(212) 555-0176 x31']) =>
    waitFor(
      async () => {
        const s = await seen(tab);
        return s.host === 'closed' && numbers.every((n) => s.highlighted.includes(n));
      },
      { timeoutMs: 10_000, message: `the overlay highlighting ${numbers.join(', ')}` },
    );

  /** Whether the page finds the overlay's host (its hit target or card) at a point. */
  const overlayAt = (tab: Page, at: { x: number; y: number }) =>
    tab.evaluate(
      ({ x, y }) => !!document.elementFromPoint(x, y)?.localName.startsWith('gws-cti-'),
      at,
    );

  /**
   * Moves the (trusted) mouse onto a number, from a spot off the numbers so that a card left
   * open (it may cover the number) closes first, and waits for the overlay's hit target there:
   * the page then finds the overlay's host under the pointer instead of its table cell.
   */
  const hover = async (tab: Page, text: string) => {
    const at = (await tab.evaluate((text) => {
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
    }, text))!;
    await tab.mouse.move(2, 300);
    await waitFor(async () => !(await overlayAt(tab, at)), { message: `${text} uncovered` });
    await tab.mouse.move(at.x, at.y);
    await waitFor(() => overlayAt(tab, at), { message: `the hit target over ${text}` });
    return at;
  };

  const dials = async () =>
    (await sim.control.requests('agent1'))
      .filter((r) => r.operationName === 'Dial')
      .map((r) => (r.body as { destination?: { phoneNumber?: string } }).destination?.phoneNumber);

  /** The far end hangs up the dialled call; the extension sees it come and go. */
  const hangUpAtSim = async () => {
    await until((v) => v.calls.calls.length === 1, 'the dialled call');
    for (const call of (await sim.control.agent('agent1')).calls) {
      if (call.state !== 'Released') await sim.control.remote(String(call.id), 'hangup');
    }
    await until((v) => v.calls.calls.length === 0, 'the calls released');
  };

  beforeAll(async () => {
    sim = await startSim();
    crm = await startCrm();
    hostile = await serveHostilePage();
    ext = await launchFirefoxWithExtension();
    popup = await ext.openPopup();
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await ext?.close();
    await crm?.close();
    await hostile?.close();
    await sim?.close();
  });

  it('enabling the site runs the overlay in a page already open and in one opened afterwards', async () => {
    await registeredFor([]);
    const early = await open('/crm/contacts');
    expect(await seen(early)).toEqual({ host: 'none', highlighted: [] });

    await setCrmSites([SITE]);
    await registeredFor([SITE]);
    await overlayRuns(early);
    // The background injects into the tabs it lists after registering; with `early` done, a
    // page opened now can only get the overlay from the registered content script.
    page = await open('/crm/contacts');
    await overlayRuns(page);
    await early.close();
  });

  it('a real click on a detected number dials it', async () => {
    await sim.control.clearRequests();
    const at = await hover(page, '(212) 555-0176 x31');
    await humanPause();
    await page.mouse.click(at.x, at.y);
    const dialled = await waitFor(
      async () => {
        const d = await dials();
        return d.length > 0 && d;
      },
      { message: 'the Dial' },
    );
    expect(dialled).toEqual(['+12125550176']);
    await hangUpAtSim();
  });

  it('clicks from page script do not dial', async () => {
    await sim.control.clearRequests();
    const at = await hover(page, '(212) 555-0176 x31');
    const clicked = await page.evaluate(({ x, y }) => {
      const init = { bubbles: true, composed: true, clientX: x, clientY: y };
      const hit = document.elementFromPoint(x, y) as HTMLElement;
      hit.click();
      hit.dispatchEvent(new MouseEvent('click', init));
      const cell = [...document.querySelectorAll('td')].find((td) =>
        td.textContent?.includes('(212) 555-0176 x31'),
      )!;
      cell.click();
      cell.dispatchEvent(new MouseEvent('click', init));
      return hit.localName;
    }, at);
    expect(clicked).toMatch(/^gws-cti-/);
    // A real click on another number goes the same way after them: once its Dial is in,
    // a Dial from the page's clicks would be too.
    const other = await hover(page, '(415) 555-0132');
    await humanPause();
    await page.mouse.click(other.x, other.y);
    await waitFor(async () => (await dials()).length > 0, { message: 'the Dial' });
    expect(await dials()).toEqual(['+14155550132']);
    await hangUpAtSim();
  });

  // Firefox has no IntersectionObserver v2: the overlay checks at the click what Firefox lets
  // it see (top layer, what follows its host, hit-testing at the point, opacity). The same
  // see-through banners as in Chromium (tests/e2e/overlay-attacks-chromium.test.ts).
  it('a see-through banner over a number, in the top layer or after the overlay: real clicks do not dial', async () => {
    const tab = await open('', hostile.url);
    await overlayRuns(tab, ['(415) 555-0132', '(212) 555-0176']);
    await sim.control.clearRequests();
    const attacks = [
      () => (document.getElementById('banner') as HTMLElement).showPopover(),
      () => {
        (document.getElementById('banner') as HTMLElement).hidePopover();
        const banner = document.getElementById('banner')!.cloneNode(true) as HTMLElement;
        banner.removeAttribute('popover');
        banner.id = 'after-host';
        document.documentElement.append(banner);
      },
    ];
    for (const attack of attacks) {
      await tab.evaluate(attack);
      const at = await hover(tab, '(415) 555-0132');
      await humanPause();
      await tab.mouse.click(at.x, at.y);
    }
    // The mismatched link: its click asks in the card, it does not dial.
    await tab.evaluate(() => document.getElementById('after-host')!.remove());
    const link = await tab.evaluate(() => {
      const b = document.getElementById('report')!.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await tab.mouse.move(2, 300);
    await tab.mouse.move(link.x, link.y);
    await waitFor(() => overlayAt(tab, link), { message: 'the hit target over the link' });
    await humanPause();
    await tab.mouse.click(link.x, link.y);
    // A legitimate click after them: once its Dial is in, a Dial from the attacks would be too.
    const other = await hover(tab, '(212) 555-0176');
    await humanPause();
    await tab.mouse.click(other.x, other.y);
    await waitFor(async () => (await dials()).length > 0, { message: 'the Dial' });
    expect(await dials()).toEqual(['+12125550176']);
    await hangUpAtSim();
    await tab.close();
  });

  it('disabling the site stops the overlay, in the open page and on new page loads', async () => {
    await setCrmSites([]);
    await registeredFor([]);
    await waitFor(async () => (await seen(page)).host === 'none', {
      message: 'the overlay gone from the open page',
    });
    expect((await seen(page)).highlighted).toEqual([]);
    const later = await open('/crm/contacts');
    expect(await seen(later)).toEqual({ host: 'none', highlighted: [] });
    await later.close();
  });
});
