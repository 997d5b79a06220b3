import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './browsers.ts';

/** Where the README's pictures live; `npm run screenshots` refreshes them. */
const README_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
/** Where every other run puts them: ignored by git, there to look at after a run. */
const RUN_SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Set by `npm run screenshots`: the run is asked to refresh the README's pictures. */
const REFRESH = process.env.README_SCREENSHOTS === '1';

/** A pixel counts as changed when a channel moves by more than this (anti-aliasing does not). */
const CHANNEL_TOLERANCE = 32;
/** Below this share of changed pixels, the picture shows the same thing. */
const NOISE_SHARE = 0.001;

/**
 * Saves a README picture. An ordinary test run writes it under `test-results/` (still taking
 * it, so the rendering path runs and the picture can be looked at), never into the repository:
 * a test run must not leave tracked files changed. `npm run screenshots` writes it into
 * `docs/screenshots/`, unless the one there shows the same thing: text anti-aliasing shifts a
 * few pixels from run to run, and a refresh should change only pictures that changed.
 * `page` decodes the two pictures (any page does).
 */
export async function saveScreenshot(page: Page, name: string, png: Buffer): Promise<void> {
  const directory = REFRESH ? README_SCREENSHOTS : RUN_SCREENSHOTS;
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, name);
  if (REFRESH && existsSync(file)) {
    const share = await page.evaluate(changedShare, {
      before: readFileSync(file).toString('base64'),
      after: png.toString('base64'),
      tolerance: CHANNEL_TOLERANCE,
    });
    if (share < NOISE_SHARE) return;
  }
  writeFileSync(file, png);
}

/** Runs in the page: the share of pixels that differ (1 when the sizes differ). */
async function changedShare(input: {
  before: string;
  after: string;
  tolerance: number;
}): Promise<number> {
  const pixels = async (base64: string) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, canvas.width, canvas.height);
  };
  const [a, b] = await Promise.all([pixels(input.before), pixels(input.after)]);
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > input.tolerance) {
        changed++;
        break;
      }
    }
  }
  return changed / (a.width * a.height);
}
