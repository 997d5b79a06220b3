import type { DecorationStore } from '../../lib/overlay/decorations.ts';
import { PageScanner } from '../../lib/overlay/page-scanner.ts';
import { intakeMutations, OBSERVE_OPTIONS } from '../../lib/overlay/mutation-intake.ts';

/**
 * A scanner over `store` and a MutationObserver on this document, wired like the content
 * script, with slices on timers; the body is scanned at once.
 */
export function liveScanner(store: DecorationStore) {
  const scanner = new PageScanner({
    store,
    ownHost: () => null,
    schedule: (run) => setTimeout(run, 0),
    now: () => performance.now(),
    fullRoots: () => [document.body],
  });
  const observer = new MutationObserver((records) =>
    intakeMutations(records, scanner, null, () => {}),
  );
  observer.observe(document, OBSERVE_OPTIONS);
  scanner.scan(document.body);
  /** Waits until the observer delivered and the queue drained. */
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await scanner.whenIdle();
  };
  return { scanner, settle, stop: () => observer.disconnect() };
}
