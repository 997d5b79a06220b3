import browser from 'webextension-polyfill';
import { normalizeDialString } from '../phone/enrich.ts';
import { overlaySettings } from '../overlay/overlay-settings.ts';
import { matchingPattern } from '../overlay/site-patterns.ts';
import { dialDeviceId } from '../session/call-commands.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { activePatterns, readSiteLists, siteVerdict, type SiteLists } from './page-sites.ts';
import type { PageSession } from './page-commands.ts';

export const MENU_CALL_SELECTION = 'gws-cti-call-selection';
export const MENU_OVERLAY_OFF = 'gws-cti-overlay-off';
export const MENU_OVERLAY_ON = 'gws-cti-overlay-on';

/** Longest selection the menu tries to read as a number. */
const MAX_SELECTION = 64;

export type MenuSession = PageSession & { readonly diagnostics: Pick<DiagnosticsLog, 'record'> };

interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
  frameUrl?: string;
}

/**
 * The context menu on CRM sites: "Call <selection>" dials a number the detector missed (the
 * selection is handed over by the browser on the user's own right-click, so a page cannot
 * trigger it), and a per-site switch for the overlay.
 */
export class PageContextMenu {
  private readonly session: () => MenuSession;
  private readonly readLists: () => Promise<SiteLists>;

  constructor(session: () => MenuSession, readLists: () => Promise<SiteLists> = readSiteLists) {
    this.session = session;
    this.readLists = readLists;
  }

  /** Registers the click listener; call synchronously at background start. */
  listen(): void {
    browser.contextMenus.onClicked.addListener((info) => {
      void this.onClick(info as MenuClick).catch((error: unknown) => {
        this.session().diagnostics.record('error', 'context menu action failed', String(error));
      });
    });
  }

  /** Recreates the items for the current site lists. */
  async rebuild(lists: SiteLists): Promise<void> {
    await browser.contextMenus.removeAll();
    const on = activePatterns(lists);
    const off = lists.crmSites.filter((p) => lists.disabledSites.includes(p));
    const create = (props: browser.Menus.CreateCreatePropertiesType) =>
      new Promise<void>((resolve) => {
        // A failure shows in runtime.lastError, read here so it is not reported as unchecked.
        browser.contextMenus.create(props, () => {
          void browser.runtime.lastError;
          resolve();
        });
      });
    if (on.length > 0) {
      await create({
        id: MENU_CALL_SELECTION,
        title: 'Call “%s”',
        contexts: ['selection'],
        documentUrlPatterns: on,
      });
      await create({
        id: MENU_OVERLAY_OFF,
        title: 'Turn the phone overlay off on this site',
        contexts: ['page'],
        documentUrlPatterns: on,
      });
    }
    if (off.length > 0) {
      await create({
        id: MENU_OVERLAY_ON,
        title: 'Turn the phone overlay on for this site',
        contexts: ['page'],
        documentUrlPatterns: off,
      });
    }
  }

  private async onClick(info: MenuClick): Promise<void> {
    const lists = await this.readLists();
    const url = info.frameUrl ?? info.pageUrl;
    if (info.menuItemId === MENU_CALL_SELECTION) {
      if (!siteVerdict(url, lists).on) return;
      await this.dialSelection((info.selectionText ?? '').slice(0, MAX_SELECTION), lists.region);
      return;
    }
    const pattern = info.pageUrl ? matchingPattern(info.pageUrl, lists.crmSites) : undefined;
    if (!pattern) return;
    const turnOff = info.menuItemId === MENU_OVERLAY_OFF;
    if (!turnOff && info.menuItemId !== MENU_OVERLAY_ON) return;
    await overlaySettings.update((current) => ({
      ...current,
      disabledSites: turnOff
        ? [...new Set([...current.disabledSites, pattern])]
        : current.disabledSites.filter((p) => p !== pattern),
    }));
  }

  private async dialSelection(text: string, region: string): Promise<void> {
    const session = this.session();
    const normalized = normalizeDialString(text, region);
    if (!normalized.ok) {
      session.diagnostics.record('error', 'Call selection: not a number', normalized.reason);
      return;
    }
    await session.perform('Dial', undefined, async (rest, state) => {
      await rest.dial(dialDeviceId(state), normalized.dial, {});
    });
  }
}
