import browser from 'webextension-polyfill';
import metadata from 'libphonenumber-js/max/metadata';
import { findPhoneNumbersWith } from '../phone/detect-core.ts';
import { normalizeDialString } from '../phone/enrich.ts';
import { overlaySettings } from '../settings/overlay-settings.ts';
import { matchingPattern } from '../settings/site-patterns.ts';
import { t } from '../i18n/messages.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { activePatterns, readSiteLists, siteVerdict, type SiteLists } from './page-sites.ts';
import type { PageSession } from './page-commands.ts';

export const MENU_CALL_SELECTION = 'gws-cti-call-selection';
export const MENU_OVERLAY_OFF = 'gws-cti-overlay-off';
export const MENU_OVERLAY_ON = 'gws-cti-overlay-on';

/** Longest selection the menu tries to read as a number. */
const MAX_SELECTION = 64;

export type MenuSession = PageSession & { readonly diagnostics: Pick<DiagnosticsLog, 'record'> };

export interface MenuClick {
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
  private readonly languageReady: () => Promise<void>;
  private lists: SiteLists | undefined;
  private building: Promise<void> = Promise.resolve();

  /**
   * `languageReady` resolves once the background speaks the agent's language: the titles are
   * written after it, so a worker woken by a settings change does not title them in the old one.
   */
  constructor(
    session: () => MenuSession,
    readLists: () => Promise<SiteLists> = readSiteLists,
    languageReady: () => Promise<void> = async () => {},
  ) {
    this.session = session;
    this.readLists = readLists;
    this.languageReady = languageReady;
  }

  /** Registers the click listener; call synchronously at background start. */
  listen(): void {
    browser.contextMenus.onClicked.addListener((info) => {
      void this.onClick(info as MenuClick).catch((error: unknown) => {
        this.session().diagnostics.record('error', 'context menu action failed', String(error));
      });
    });
  }

  /**
   * Recreates the items for the current site lists. Rebuilds run one after the other: two
   * interleaved would create each item twice, and the second `create` of an id fails.
   */
  rebuild(lists: SiteLists): Promise<void> {
    this.lists = lists;
    const run = () => this.build(lists);
    this.building = this.building.then(run, run);
    return this.building;
  }

  /** The language changed: the items again, titled in it (nothing before the first lists). */
  retitle(): Promise<void> {
    return this.lists ? this.rebuild(this.lists) : Promise.resolve();
  }

  /** Resolves when the rebuilds asked for so far are done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.building;
  }

  private async build(lists: SiteLists): Promise<void> {
    await this.languageReady().catch(() => undefined);
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
        // %s: the browser puts the selection there.
        title: t('menuCallSelection'),
        contexts: ['selection'],
        documentUrlPatterns: on,
      });
      await create({
        id: MENU_OVERLAY_OFF,
        title: t('menuOverlayOff'),
        contexts: ['page'],
        documentUrlPatterns: on,
      });
    }
    if (off.length > 0) {
      await create({
        id: MENU_OVERLAY_ON,
        title: t('menuOverlayOn'),
        contexts: ['page'],
        documentUrlPatterns: off,
      });
    }
  }

  private async onClick(info: MenuClick): Promise<void> {
    const action = menuAction(info, await this.readLists());
    const session = this.session();
    switch (action.kind) {
      case 'none':
        if (action.reason) session.diagnostics.record('error', 'Call selection', action.reason);
        return;
      case 'dial':
        await session.operate({ kind: 'dial', phoneNumber: action.number });
        return;
      case 'switch':
        await overlaySettings.update((current) => ({
          ...current,
          disabledSites: action.off
            ? [...new Set([...current.disabledSites, action.pattern])]
            : current.disabledSites.filter((p) => p !== action.pattern),
        }));
    }
  }
}

export type MenuAction =
  | { kind: 'dial'; number: string }
  | { kind: 'switch'; pattern: string; off: boolean }
  | { kind: 'none'; reason?: string };

/**
 * What a click on one of our menu items does, decided from the click and the site lists:
 * dial the selection (normalized in the agent's region, on an enabled CRM site only), or
 * switch the overlay off or on for the CRM site of the page.
 */
export function menuAction(info: MenuClick, lists: SiteLists): MenuAction {
  if (info.menuItemId === MENU_CALL_SELECTION) {
    if (!siteVerdict(info.frameUrl ?? info.pageUrl, lists).on) return { kind: 'none' };
    const text = (info.selectionText ?? '').slice(0, MAX_SELECTION);
    const normalized = normalizeDialString(text, lists.region);
    if (normalized.ok) return { kind: 'dial', number: normalized.dial };
    // A selection often takes words with it ("Call +1 415 555 0132 today"): the first number
    // in it, as the detector reads text, with the complete metadata.
    const found = findPhoneNumbersWith(metadata, text, lists.region)[0];
    return found
      ? { kind: 'dial', number: found.e164 }
      : { kind: 'none', reason: normalized.reason };
  }
  if (info.menuItemId !== MENU_OVERLAY_OFF && info.menuItemId !== MENU_OVERLAY_ON) {
    return { kind: 'none' };
  }
  const pattern = info.pageUrl ? matchingPattern(info.pageUrl, lists.crmSites) : undefined;
  if (!pattern) return { kind: 'none' };
  return { kind: 'switch', pattern, off: info.menuItemId === MENU_OVERLAY_OFF };
}
