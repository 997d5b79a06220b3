import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DetectionClient, type TextHints } from '../../lib/overlay/detection-client.ts';
import { sendCommand } from '../../lib/messaging/client.ts';
import {
  PAGE_DETECT_LIMITS,
  PAGE_LIVE_PORT,
  PAGE_SETTINGS_KEYS,
  type PageConfig,
} from '../../lib/messaging/page-messages.ts';
import { PageOverlay } from '../../lib/overlay/page-overlay.ts';
import { createShadowUi } from '../../lib/overlay/shadow-host.ts';
import { hitText } from '../../lib/overlay/phone-hit.ts';
import { RecordContext } from '../../lib/overlay/record-context.ts';
import {
  documentOptsOut,
  hasEnoughDigits,
  isReadOnlyNumberInput,
} from '../../lib/overlay/scan-filter.ts';
import { describePageError } from '../../lib/overlay/page-errors.ts';
import { setOverlayWords } from '../../lib/i18n/overlay-messages.ts';
import type { OverlayActions, OverlayModel } from '../../lib/overlay/overlay-model.ts';
import { createClickGuard } from '../../lib/overlay/click-guard.ts';
import { OverlayView } from '../../components/overlay/OverlayView.tsx';
import { OVERLAY_CSS } from '../../components/overlay/overlay-styles.ts';

interface Running {
  region: string;
  config: PageConfig;
  overlay: PageOverlay;
  stop(): void;
}

/**
 * A tag name the page cannot know in advance: a page that defined a custom element under our
 * name could otherwise run its own code on our host element.
 */
function hostName(): string {
  return `gws-cti-${Math.random()
    .toString(36)
    .slice(2, 10)
    .replace(/[^a-z0-9]/g, 'x')}`;
}

function startOverlay(ctx: ContentScriptContext, config: PageConfig): Running {
  const lifetime = new AbortController();
  ctx.onInvalidated(() => lifetime.abort());
  const ui = createShadowUi(document, hostName(), OVERLAY_CSS, (container) =>
    render(null, container),
  );
  ctx.onInvalidated(() => ui.remove());
  ui.mount();
  const running: Running = {
    region: config.region,
    config,
    overlay: undefined as unknown as PageOverlay,
    stop: () => {
      lifetime.abort();
      ui.remove();
    },
  };
  const guard = createClickGuard(window, () => ui.shadowHost);
  const draw = (model: OverlayModel | undefined, actions: OverlayActions) => {
    render(<OverlayView model={model} actions={actions} />, ui.uiContainer);
    guard.track(ui.uiContainer.querySelectorAll('.hit, .card'));
  };
  const records = new RecordContext();
  // Numbers are read in the background (lib/phone/detection-service.ts); the page sends texts
  // with what their record says, and the agent's region and dial plan are the background's.
  const detection = new DetectionClient({
    transport: { detect: (request) => sendCommand('page.detect', request) },
    signal: lifetime.signal,
    setTimer: (run, ms) => void ctx.setTimeout(run, ms),
    // An item is a record (a row's texts): 50 rows' answers are decorated in one task of a few
    // ms, where 200 took ~65 ms on a 20,000-row page.
    limits: { ...PAGE_DETECT_LIMITS, items: 50 },
  });
  const hintsOf = (node: Node | undefined): TextHints => (node && records.optionsFor(node)) ?? {};
  // Internal numbers are as short as their dial plan's patterns.
  const minDigits = Math.min(7, ...(config.internalNumbers ?? []).map((p) => p.length));
  running.overlay = new PageOverlay({
    win: window,
    // A group's key is its record's options (groupOf below).
    find: (text, node, group) => detection.find(text, (group as TextHints) ?? hintsOf(node)),
    findKnown: (text, node) => detection.peek(text, hintsOf(node)) ?? [],
    inputSeen: (input) => {
      if (isReadOnlyNumberInput(input) && hasEnoughDigits(input.value, minDigits))
        void detection.find(input.value, hintsOf(input));
    },
    accepts: (text) => hasEnoughDigits(text, minDigits),
    // The texts of one record go to the background as one: a row is one detection, not nine.
    groupOf: (node) => records.optionsFor(node),
    anchorOf: (node) => records.rowOf(node),
    // The walks say which record each text is in, and gather the records' texts as they pass.
    scopes: records,
    onPageChanged: () => records.changed(),
    signal: lifetime.signal,
    ownHost: () => ui.shadowHost,
    onOwnHostRemoved: () => {
      ctx.setTimeout(() => {
        if (!lifetime.signal.aborted && !ui.shadowHost.isConnected) ui.mount();
      }, 0);
    },
    render: draw,
    transport: {
      enrich: (numbers) => sendCommand('page.enrich', { numbers }),
    },
    connectLive: () => browser.runtime.connect({ name: PAGE_LIVE_PORT }),
    sender: {
      dial: (number) => sendCommand('page.dial', { number }),
      operate: (callId, operation, number) =>
        sendCommand('page.callOperation', { callId, operation, number }),
    },
    confirmBeforeDial: () => running.config.confirmBeforeDial,
    guard,
    numbersShortcut: () => running.config.numbersShortcut,
    describeError: describePageError,
  });
  running.overlay.start();
  // Diagnostics for tests and benchmarks. This global lives in the content script's own
  // world: page scripts cannot see it.
  (globalThis as { gwsCtiOverlay?: unknown }).gwsCtiOverlay = {
    stats: running.overlay.scanner.stats,
    hits: () => running.overlay.store.size,
    /** Each hit's text as it reads on the page, and what it is dialled as. */
    hitNumbers: () =>
      [...running.overlay.store.hits()].map((h) => ({
        text: hitText(h),
        number: h.number,
      })),
    busy: () => running.overlay.busy,
    /** Messages to the background's detection service: batches, retries, refusals. */
    detection: () => ({ ...detection.stats }),
    /** The overlay elements a pointer click would count on now (click-guard.ts). */
    clickable: () =>
      [...ui.uiContainer.querySelectorAll('.hit, .card')]
        .filter((el) => guard.seenLongEnough(el))
        .map((el) => el.classList[0]),
  };
  return running;
}

/**
 * Runs the overlay while the background says this page is on an enabled CRM site and the
 * page has not opted out; follows settings changes (site switched off, new region, another
 * language: `agentSettings` is among PAGE_SETTINGS_KEYS) and
 * dies with the content script's context.
 */
export async function runCrmOverlay(ctx: ContentScriptContext): Promise<void> {
  if (!document.documentElement || document.contentType !== 'text/html') return;
  let running: Running | undefined;
  let applying = Promise.resolve();
  const apply = async () => {
    const config = await sendCommand('page.config').catch(() => undefined);
    if (ctx.isInvalid) return;
    // Before anything is drawn: the card speaks the agent's language from the first hover.
    const relabel = config ? setOverlayWords(config.words) : false;
    const wanted = !!config?.enabled && !documentOptsOut(document);
    // A new region or dial plan reads every number anew.
    const plan = (c: PageConfig | undefined) => (c?.internalNumbers ?? []).join(',');
    if (
      running &&
      (!wanted || running.region !== config?.region || plan(running.config) !== plan(config))
    ) {
      running.stop();
      running = undefined;
    }
    if (wanted && config && !running) running = startOverlay(ctx, config);
    else if (running && config) {
      running.config = config;
      if (relabel) running.overlay.relabel();
    }
    // Diagnostics in the content script's own world (see startOverlay).
    (globalThis as { gwsCtiOverlayStatus?: string }).gwsCtiOverlayStatus = running ? 'on' : 'off';
  };
  const reapply = () => {
    applying = applying.then(apply, apply);
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && PAGE_SETTINGS_KEYS.some((k) => k in changes)) reapply();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    running?.stop();
  });
  ctx.addEventListener(window, 'wxt:locationchange', reapply);
  reapply();
  await applying;
}
