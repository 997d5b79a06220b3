import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { enableCrmSites, OverlayProbe } from '../../bench/overlay/overlay-probe.ts';
import { generateRows, pageHtml, rowTexts } from '../../bench/overlay/generate-page.ts';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';

const ROWS = 20_000;
/** A row far below the fold: thousands of screens down. */
const FAR_ROW = 15_000;

interface PaintedRows {
  size: number;
  rows: number[];
}

/** Rows of the table whose numbers are in the overlay's highlight now (read in the page). */
const paintedRows = (page: Page) =>
  page.evaluate((): PaintedRows => {
    const highlight = CSS.highlights.get('gws-cti-phone');
    const rows = new Set<number>();
    for (const range of highlight ?? []) {
      const tr = (range.startContainer.parentNode as Element | null)?.closest('tr');
      if (tr) rows.add(tr.rowIndex);
    }
    return { size: highlight?.size ?? 0, rows: [...rows] };
  });

/** Rows of the table on screen now. */
const rowsOnScreen = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLTableRowElement>('#t tr')]
      .filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      })
      .map((tr) => tr.rowIndex),
  );

// The overlay on a 20,000-row CRM page (80,000 numbers) in Debian's Chromium: it must end with
// every number decorated, paint only what is near the viewport, paint rows far below the fold
// once the agent scrolls there, and a real click on such a number must dial it.
describe('Chromium: the overlay on a 20,000-row page', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let server: Server;
  let url: string;
  const rows = generateRows(ROWS, 11);
  const expected = rows.reduce(
    (n, row) => n + rowTexts(row).reduce((m, t) => m + findPhoneNumbers(t, 'US').length, 0),
    0,
  );
  const { until, login, callOp } = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));

  beforeAll(async () => {
    const html = pageHtml(rows, []);
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/large`;
    sim = await startSim({ remoteAnswerDelayMs: 60_000 });
    ext = await launchChromiumWithExtension();
    popup = await ext.openPage('popup.html');
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    await new Promise((r) => server?.close(r));
  });

  it('ends fully decorated, paints only near the viewport, paints far rows once scrolled to, and a click there dials', async () => {
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    await page.goto(url, { timeout: 60_000 });
    const done = await probe.settled(undefined, 240_000, (d) => d.hits >= expected);
    expect(done.hits).toBe(expected);

    // Every row on screen is painted; the highlight holds a small part of the page.
    const onScreen = await rowsOnScreen(page);
    expect(onScreen.length).toBeGreaterThan(0);
    const first = await waitFor(
      async () => {
        const painted = await paintedRows(page);
        return onScreen.every((i) => painted.rows.includes(i)) ? painted : undefined;
      },
      { timeoutMs: 10_000, message: 'the rows on screen to be painted' },
    );
    expect(first.size).toBeLessThan(expected / 20);
    expect(first.rows).not.toContain(FAR_ROW);

    // Far below the fold: painted once there, and the top of the page no longer is.
    await page.evaluate(
      (i) => document.querySelectorAll('#t tr')[i]!.scrollIntoView({ block: 'center' }),
      FAR_ROW,
    );
    const there = await waitFor(
      async () => {
        const painted = await paintedRows(page);
        return painted.rows.includes(FAR_ROW) ? painted : undefined;
      },
      { timeoutMs: 10_000, message: `row ${FAR_ROW} to be painted` },
    );
    expect(there.rows).not.toContain(onScreen[0]);
    expect(there.size).toBeLessThan(expected / 20);

    // A real hover and click on that row's first number dials it, once.
    const text = rowTexts(rows[FAR_ROW]!)[2]!;
    const e164 = findPhoneNumbers(text, 'US')[0]!.e164;
    const at = await page.evaluate(
      ({ i, text }) => {
        const cell = [...document.querySelectorAll('#t tr')[i]!.children].find(
          (td) => td.textContent === text,
        )!;
        const r = document.createRange();
        r.selectNodeContents(cell);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      },
      { i: FAR_ROW, text },
    );
    await sim.control.clearRequests();
    await page.mouse.move(at.x, at.y);
    await waitFor(async () => (await probe.cardText())?.includes(e164), {
      timeoutMs: 8_000,
      message: `the card to show ${e164}`,
    });
    await probe.clickable('hit');
    await page.mouse.click(at.x, at.y);
    const dials = await waitFor(
      async () => {
        const d = (await sim.control.requests('agent1')).filter((r) => r.operationName === 'Dial');
        return d.length > 0 ? d : undefined;
      },
      { message: 'the Dial' },
    );
    expect(dials).toHaveLength(1);
    expect(JSON.stringify(dials[0]!.body)).toContain(e164);
    const v = await until((s) => s.calls.calls.length === 1, 'the dialled call');
    await callOp(v.calls.calls[0]!.call.id, 'Hangup');
    await until((s) => s.calls.calls.length === 0, 'released');
    await page.close();
  }, 300_000);
});
