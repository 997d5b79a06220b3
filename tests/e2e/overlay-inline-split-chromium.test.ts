import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { enableCrmSites, OverlayProbe } from '../../bench/overlay/overlay-probe.ts';

/** A CRM record whose numbers are written across inline elements, as rich CRMs render them. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Split</title></head>
<body><table><tbody>
<tr><td>Ada Smith</td><td>United Kingdom</td><td id="uk"><span class="cc">+44</span> <span>20 7946 0958</span></td></tr>
<tr><td>Ben Okafor</td><td>United States</td><td id="us"><b>415</b>-555-0132</td></tr>
<tr><td>Eva Martin</td><td>United States</td><td id="apart"><div>+44</div><div>212 555 0176</div></td></tr>
</tbody></table></body></html>`;

// Numbers split over inline elements, in Debian's Chromium with the built extension: the
// overlay reads each as one number, its highlight range runs across the nodes, and hovering
// any part of it shows that number's card.
describe('Chromium: numbers split over inline elements', () => {
  let ext: ChromiumExtension;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/split`;
    ext = await launchChromiumWithExtension();
    const popup = await ext.openPage('popup.html');
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
  });
  afterAll(async () => {
    await ext?.close();
    await new Promise((r) => server?.close(r));
  });

  it('decorates the whole number across its nodes, and hovering either part shows it', async () => {
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    await page.goto(url);
    await probe.settled(undefined, 20_000, (d) => d.hits >= 3);
    const hits = (await probe.hitNumbers()).map((h) => `${h.text} → ${h.number}`).sort();
    // Separate blocks are not joined: "+44" and "212 555 0176" in two divs stay apart.
    expect(hits).toEqual([
      '+44 20 7946 0958 → +442079460958',
      '212 555 0176 → +12125550176',
      '415-555-0132 → +14155550132',
    ]);
    // The highlight's ranges, read in the page: the split ones start and end in different nodes.
    const ranges = await page.evaluate(() => {
      const out: string[] = [];
      for (const r of CSS.highlights.get('gws-cti-phone') ?? []) {
        const cell = (r.startContainer.parentNode as Element).closest('td')!.id;
        out.push(`${cell} ${r.startContainer === r.endContainer ? 'one node' : 'across nodes'}`);
      }
      return out.sort();
    });
    expect(ranges).toEqual(['apart one node', 'uk across nodes', 'us across nodes']);

    // Hovering "+44" alone, then "415" alone, shows the whole number's card.
    for (const [selector, e164] of [
      ['#uk .cc', '+442079460958'],
      ['#us b', '+14155550132'],
    ] as const) {
      const box = (await page.locator(selector).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await waitFor(async () => (await probe.cardText())?.includes(e164), {
        timeoutMs: 8_000,
        message: `the card to show ${e164}`,
      });
      await page.mouse.move(1, 1);
      await waitFor(async () => (await probe.cardText()) === undefined, {
        message: 'the card to close',
      });
    }
    await page.close();
  });
});
