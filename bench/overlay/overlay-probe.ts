/**
 * Looks at the CRM overlay from outside the page, the way only a debugger can: through the
 * Chrome DevTools Protocol. Page scripts can do none of this — the overlay's diagnostics live
 * in the content script's isolated world and its UI in a closed shadow root — which is why
 * the tests and the benchmark read them here and never through the page.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ContextInfo {
  id: number;
  name: string;
  origin: string;
  auxData?: { frameId?: string; type?: string; isDefault?: boolean };
}

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
  contentDocument?: DomNode;
  frameId?: string;
}

export interface OverlayDiagnostics {
  status: string;
  hits: number;
  busy: boolean;
  stats?: {
    lastIdleAt: number;
    slices: number;
    busyMs: number;
    maxSliceMs: number;
    nodesVisited: number;
    fullRescans: number;
    recent?: Array<{ at: number; ms: number }>;
    overruns?: Array<{ at: number; ms: number }>;
  };
}

export class OverlayProbe {
  private readonly contexts = new Map<number, ContextInfo>();
  readonly cdp: CDPSession;
  readonly page: Page;

  private constructor(page: Page, cdp: CDPSession) {
    this.page = page;
    this.cdp = cdp;
  }

  static async attach(page: Page): Promise<OverlayProbe> {
    const cdp = await page.context().newCDPSession(page);
    const probe = new OverlayProbe(page, cdp);
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      probe.contexts.set(context.id, context as ContextInfo),
    );
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
      probe.contexts.delete(executionContextId),
    );
    cdp.on('Runtime.executionContextsCleared', () => probe.contexts.clear());
    await cdp.send('Runtime.enable');
    await cdp.send('DOM.enable');
    return probe;
  }

  private async mainFrameId(): Promise<string> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    return frameTree.frame.id;
  }

  /** Frame ids of the page's frames, main frame first. */
  async frameIds(): Promise<string[]> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const ids: string[] = [];
    const walk = (t: { frame: { id: string }; childFrames?: unknown[] }) => {
      ids.push(t.frame.id);
      for (const c of (t.childFrames ?? []) as Array<typeof t>) walk(c);
    };
    walk(frameTree as never);
    return ids;
  }

  private contentScriptContext(frameId: string): ContextInfo | undefined {
    return [...this.contexts.values()].find(
      (c) =>
        c.auxData?.frameId === frameId &&
        c.auxData?.type === 'isolated' &&
        c.origin.startsWith('chrome-extension://'),
    );
  }

  /** The overlay's own diagnostics in a frame (main frame by default), if it runs there. */
  async diagnostics(frameId?: string): Promise<OverlayDiagnostics | undefined> {
    const frame = frameId ?? (await this.mainFrameId());
    const context = this.contentScriptContext(frame);
    if (!context) return undefined;
    const { result } = await this.cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression: `(() => {
        const o = globalThis.gwsCtiOverlay;
        return { status: globalThis.gwsCtiOverlayStatus ?? 'starting',
          hits: o ? o.hits() : 0, busy: o ? o.busy() : false,
          stats: o ? JSON.parse(JSON.stringify(o.stats)) : undefined };
      })()`,
    });
    return result.value as OverlayDiagnostics;
  }

  /** Evaluates an expression in the overlay's isolated world (main frame). */
  async evaluateInOverlay<T>(expression: string): Promise<T | undefined> {
    const context = this.contentScriptContext(await this.mainFrameId());
    if (!context) return undefined;
    const { result } = await this.cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression,
    });
    return result.value as T;
  }

  /**
   * Resolves when a pointer click on the overlay's `part` ('hit' target or 'card') would
   * count: it has been on screen, unobscured, as long as the click guard asks
   * (lib/overlay/click-guard.ts). Tests click after this, as a person's eye gets there first.
   */
  async clickable(part: 'hit' | 'card', timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parts = await this.evaluateInOverlay<string[]>(
        'globalThis.gwsCtiOverlay ? globalThis.gwsCtiOverlay.clickable() : []',
      );
      if (parts?.includes(part)) return;
      if (Date.now() > deadline) throw new Error(`The overlay's ${part} never became clickable`);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  /** Texts of everything the overlay decorated in a frame (as they read on the page). */
  async hitTexts(frameId?: string): Promise<string[]> {
    const frame = frameId ?? (await this.mainFrameId());
    const context = this.contentScriptContext(frame);
    if (!context) return [];
    const { result } = await this.cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression: `globalThis.gwsCtiOverlay ? globalThis.gwsCtiOverlay.hitNumbers().map((h) => h.text) : []`,
    });
    return result.value as string[];
  }

  /** Every hit of a frame: its text on the page and the number it dials (E.164 when known). */
  async hitNumbers(frameId?: string): Promise<Array<{ text: string; number: string }>> {
    const frame = frameId ?? (await this.mainFrameId());
    const context = this.contentScriptContext(frame);
    if (!context) return [];
    const { result } = await this.cdp.send('Runtime.evaluate', {
      contextId: context.id,
      returnByValue: true,
      expression: `globalThis.gwsCtiOverlay ? globalThis.gwsCtiOverlay.hitNumbers() : []`,
    });
    return result.value as Array<{ text: string; number: string }>;
  }

  /** Resolves when the overlay in the frame has settled: decided, and nothing queued. */
  async settled(
    frameId?: string,
    timeoutMs = 20_000,
    until: (d: OverlayDiagnostics) => boolean = () => true,
  ): Promise<OverlayDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    let last: OverlayDiagnostics | undefined;
    for (;;) {
      last = await this.diagnostics(frameId).catch(() => undefined);
      const done = last && last.status !== 'starting' && !last.busy && until(last);
      quiet = done ? quiet + 1 : 0;
      // Twice in a row, a frame apart: a mutation in between would have queued work.
      if (quiet >= 2 && last) return last;
      if (Date.now() > deadline) {
        throw new Error(
          `The overlay did not settle within ${timeoutMs} ms (${JSON.stringify(last)})`,
        );
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  /** The overlay's closed shadow root in the main frame, as a CDP remote object id. */
  private async overlayRoot(): Promise<string | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: 2, pierce: true })) as {
      root: DomNode;
    };
    const html = root.children?.find((n) => n.localName === 'html');
    const host = html?.children?.find((n) => n.localName?.startsWith('gws-cti-'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    return object.objectId;
  }

  /** The mode of the overlay host's shadow root ('closed' expected). */
  async overlayShadowMode(): Promise<string | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: 2, pierce: true })) as {
      root: DomNode;
    };
    const html = root.children?.find((n) => n.localName === 'html');
    const host = html?.children?.find((n) => n.localName?.startsWith('gws-cti-'));
    return host?.shadowRoots?.[0]?.shadowRootType;
  }

  /** Runs `fn` with `this` bound to the overlay's shadow root. */
  async inOverlay<T>(fn: string, ...args: unknown[]): Promise<T | undefined> {
    const objectId = await this.overlayRoot();
    if (!objectId) return undefined;
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The card's visible text, or undefined when no card is open. */
  cardText(): Promise<string | undefined> {
    return this.inOverlay<string | null>(
      `function () { const c = this.querySelector('.card'); return c ? c.innerText : null; }`,
    ).then((v) => v ?? undefined);
  }

  /** The viewport centre of an overlay button by its text or aria-label. */
  buttonCenter(label: string): Promise<{ x: number; y: number } | undefined> {
    return this.inOverlay<{ x: number; y: number } | null>(
      `function (label) {
        const b = [...this.querySelectorAll('button')].find(
          (b) => b.textContent.trim() === label || b.getAttribute('aria-label') === label);
        if (!b) return null;
        const r = b.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
      label,
    ).then((v) => v ?? undefined);
  }
}

interface ChromeApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> };
}

/**
 * Enables CRM sites the way the options page stores them (`agentSettings.crmSites`), and the
 * overlay's own settings, from an extension page; waits until the background registered the
 * overlay for exactly the sites not switched off.
 */
export async function enableCrmSites(
  extensionPage: Page,
  sites: string[],
  region = 'US',
  overlay: Record<string, unknown> = {},
): Promise<void> {
  await extensionPage.evaluate(
    async ([sites, region, overlay]) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await api.storage.local.set({
        agentSettings: { version: 1, value: { crmSites: sites, region } },
        overlaySettings: { version: 1, value: overlay },
      });
    },
    [sites, region, overlay] as const,
  );
  const off = new Set((overlay.disabledSites as string[] | undefined) ?? []);
  const wanted = sites.filter((s) => !off.has(s));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const registered = await extensionPage.evaluate(() =>
      (
        globalThis as unknown as { chrome: ChromeApi }
      ).chrome.scripting.getRegisteredContentScripts(),
    );
    const matches = registered.flatMap((r) => r.matches ?? []);
    if (wanted.every((s) => matches.includes(s)) && matches.length === wanted.length) return;
    if (Date.now() > deadline) {
      throw new Error(`The overlay was not registered for exactly ${wanted.join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 30));
  }
}
