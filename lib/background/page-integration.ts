import browser from 'webextension-polyfill';
import type { GwsSession } from '../session/gws-session.ts';
import type { PartyNameResolver } from '../calls/index.ts';
import { classifySender } from '../messaging/sender.ts';
import { PageContextMenu } from './page-context-menu.ts';
import { PageLivePush } from './page-live-push.ts';
import { senderVerdict } from './page-commands.ts';
import { browserRegistrar, PageRegistration } from './page-registration.ts';
import { readSiteLists } from './page-sites.ts';

/**
 * The background side of the CRM page overlay: the content script registered for the enabled
 * CRM sites, live calls pushed to the pages that show a card, and the context menu (titled
 * once `languageReady` resolves). Call synchronously at background start (listeners must be
 * registered before the event that woke the worker is delivered).
 */
export function startPageIntegration(
  session: () => GwsSession,
  languageReady?: () => Promise<void>,
  resolveName?: PartyNameResolver,
): {
  registration: PageRegistration;
  menu: PageContextMenu;
  live: PageLivePush;
} {
  const menu = new PageContextMenu(session, undefined, languageReady);
  menu.listen();
  const live = new PageLivePush({
    calls: () => session().calls,
    isContentScript: (sender) =>
      classifySender(sender, browser.runtime.id, browser.runtime.getURL('')) === 'content-script',
    onEnabledSite: async (sender) => {
      const lists = await readSiteLists();
      if (!senderVerdict(sender, lists).on) return undefined;
      return { nameKey: lists.partyNameKey, ...(resolveName ? { resolveName } : {}) };
    },
  });
  browser.runtime.onConnect.addListener((port) => live.connect(port));
  const registration = new PageRegistration({
    registrar: browserRegistrar(),
    onLists: (lists) => menu.rebuild(lists),
    onError: (error) =>
      session().diagnostics.record('error', 'overlay registration failed', String(error)),
  });
  void registration.start();
  return { registration, menu, live };
}
