import browser from 'webextension-polyfill';
import { PAGE_SETTINGS_KEYS } from '../messaging/page-messages.ts';
import { activePatterns, readSiteLists, type SiteLists } from './page-sites.ts';
import { browserPattern } from '../settings/crm-sites.ts';

/** The overlay content script as built by WXT (entrypoints/crm.content). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';
/** The underline style of detected numbers, added before the page is built (see highlight.css). */
export const CONTENT_STYLE_FILE = 'content-scripts/crm.css';
export const CONTENT_SCRIPT_ID = 'gws-cti-crm-overlay';

/** Keeps one dynamically registered content script matching a set of patterns. */
export interface ScriptRegistrar {
  /** Registers the script for exactly `patterns` (none: unregisters). Returns the previous set. */
  sync(patterns: string[]): Promise<string[]>;
  /** Runs the script now in the open tabs of `patterns` (pages loaded before it was registered). */
  injectIntoOpenTabs(patterns: string[]): Promise<void>;
}

interface ChromeScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ matches?: string[] }>>;
  registerContentScripts(scripts: unknown[]): Promise<void>;
  updateContentScripts(scripts: unknown[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  executeScript(injection: unknown): Promise<unknown>;
  insertCSS(injection: unknown): Promise<unknown>;
}

/** Chrome (MV3): `scripting.registerContentScripts`, persisted across browser sessions. */
export function scriptingRegistrar(scripting: ChromeScripting): ScriptRegistrar {
  return {
    async sync(patterns) {
      const existing = await scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
      const previous = existing[0]?.matches ?? [];
      if (patterns.length === 0) {
        if (existing.length > 0)
          await scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
        return previous;
      }
      const script = {
        id: CONTENT_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        css: [CONTENT_STYLE_FILE],
        matches: patterns,
        allFrames: true,
        // about:blank and srcdoc frames a CRM builds for its widgets inherit its origin.
        matchOriginAsFallback: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      };
      await (existing.length > 0
        ? scripting.updateContentScripts([script])
        : scripting.registerContentScripts([script]));
      return previous;
    },
    async injectIntoOpenTabs(patterns) {
      for (const tab of await browser.tabs.query({ url: patterns })) {
        if (tab.id === undefined) continue;
        await scripting
          .executeScript({
            target: { tabId: tab.id, allFrames: true },
            files: [CONTENT_SCRIPT_FILE],
          })
          .catch(() => undefined);
      }
    },
  };
}

interface FirefoxContentScripts {
  register(options: unknown): Promise<{ unregister(): Promise<void> }>;
}

/**
 * Firefox (MV2): `contentScripts.register`. The registration lives as long as the background
 * page (persistent in MV2), so every background start registers again.
 */
export function contentScriptsRegistrar(api: FirefoxContentScripts): ScriptRegistrar {
  let handle: { unregister(): Promise<void> } | undefined;
  let current: string[] = [];
  return {
    async sync(patterns) {
      const previous = current;
      await handle?.unregister().catch(() => undefined);
      handle = undefined;
      current = [];
      if (patterns.length > 0) {
        handle = await api.register({
          // Firefox's match patterns take no port (the background keeps pages to theirs).
          matches: [...new Set(patterns.map((p) => browserPattern(p, false)))],
          js: [{ file: `/${CONTENT_SCRIPT_FILE}` }],
          css: [{ file: `/${CONTENT_STYLE_FILE}` }],
          allFrames: true,
          matchAboutBlank: true,
          runAt: 'document_idle',
        });
        current = patterns;
      }
      return previous;
    },
    async injectIntoOpenTabs(patterns) {
      const urls = [...new Set(patterns.map((p) => browserPattern(p, false)))];
      for (const tab of await browser.tabs.query({ url: urls })) {
        if (tab.id === undefined) continue;
        await browser.tabs
          .insertCSS(tab.id, { file: `/${CONTENT_STYLE_FILE}`, allFrames: true })
          .catch(() => undefined);
        await browser.tabs
          .executeScript(tab.id, { file: `/${CONTENT_SCRIPT_FILE}`, allFrames: true })
          .catch(() => undefined);
      }
    },
  };
}

/** The registrar this browser supports. */
export function browserRegistrar(): ScriptRegistrar {
  const api = browser as unknown as {
    scripting?: ChromeScripting;
    contentScripts?: FirefoxContentScripts;
  };
  if (api.scripting?.registerContentScripts) return scriptingRegistrar(api.scripting);
  if (api.contentScripts?.register) return contentScriptsRegistrar(api.contentScripts);
  throw new Error('This browser cannot register content scripts at run time');
}

export interface PageRegistrationOptions {
  registrar: ScriptRegistrar;
  readLists?: () => Promise<SiteLists>;
  /** Whether the host permission for a pattern is granted (the script cannot run otherwise). */
  granted?: (pattern: string) => Promise<boolean>;
  /** Called with the lists after every sync (the context menu follows them). */
  onLists?: (lists: SiteLists, patterns: string[]) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * Keeps the overlay's content script registered for the enabled CRM sites: at every
 * background start, and whenever the site lists or host permissions change. Syncs run one
 * at a time; a change during a sync triggers one more.
 */
export class PageRegistration {
  private readonly o: PageRegistrationOptions;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;
  /** Patterns of the last completed sync. */
  patterns: string[] = [];

  constructor(options: PageRegistrationOptions) {
    this.o = options;
  }

  /** Registers listeners (call synchronously at background start) and syncs once. */
  start(): Promise<void> {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && PAGE_SETTINGS_KEYS.some((k) => k in changes)) void this.sync();
    });
    browser.permissions.onAdded.addListener(() => void this.sync());
    browser.permissions.onRemoved.addListener(() => void this.sync());
    return this.sync();
  }

  sync(): Promise<void> {
    if (this.busy) {
      this.again = true;
      return this.running;
    }
    this.busy = true;
    this.running = this.loop().finally(() => {
      this.busy = false;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.once();
      } catch (error) {
        this.o.onError?.(error);
      }
    } while (this.again);
  }

  private async once(): Promise<void> {
    const lists = await (this.o.readLists ?? readSiteLists)();
    const granted =
      this.o.granted ?? ((p: string) => browser.permissions.contains({ origins: [p] }));
    const patterns: string[] = [];
    for (const p of activePatterns(lists))
      if (await granted(p).catch(() => false)) patterns.push(p);
    const previous = await this.o.registrar.sync(patterns);
    this.patterns = patterns;
    const added = patterns.filter((p) => !previous.includes(p));
    // Not awaited: injecting into a tab that is closing can leave the call unanswered, and
    // later syncs must not wait behind it.
    if (added.length > 0) void this.o.registrar.injectIntoOpenTabs(added).catch(() => undefined);
    await this.o.onLists?.(lists, patterns);
  }
}
