import type { DecorationStore, PhoneHit } from './decorations.ts';
import { targetBoxes, targetFromHit } from './number-target.ts';

/** Hits looked at per key press at most (keeps a key press cheap on huge pages). */
const MAX_LOOKS = 5000;

function onScreen(hit: PhoneHit, win: Window): boolean {
  const box = targetBoxes(targetFromHit(hit))[0];
  return !!box && box.top + box.height > 0 && box.top < win.innerHeight;
}

function shown(hit: PhoneHit): boolean {
  return targetBoxes(targetFromHit(hit)).length > 0;
}

/**
 * The number keyboard navigation moves to: after (or before) `from` in the order the
 * numbers were found, skipping ones that are not rendered; without `from`, the first number
 * on screen. An off-screen target is scrolled into view.
 */
export function nextVisibleHit(
  store: DecorationStore,
  from: PhoneHit | undefined,
  step: 1 | -1,
  win: Window,
): PhoneHit | undefined {
  const hits = [...store.hits()];
  if (hits.length === 0) return undefined;
  let index = from ? hits.indexOf(from) : -1;
  if (index < 0) {
    const firstOnScreen = hits.slice(0, MAX_LOOKS).find((h) => onScreen(h, win));
    if (firstOnScreen) return firstOnScreen;
    index = step === 1 ? -1 : hits.length;
  }
  for (let looks = 0; looks < Math.min(hits.length, MAX_LOOKS); looks++) {
    index = (index + step + hits.length) % hits.length;
    const hit = hits[index]!;
    if (!shown(hit)) continue;
    if (!onScreen(hit, win)) {
      const el = hit.node.nodeType === 1 ? (hit.node as Element) : hit.node.parentElement;
      el?.scrollIntoView({ block: 'nearest' });
    }
    return hit;
  }
  return undefined;
}
