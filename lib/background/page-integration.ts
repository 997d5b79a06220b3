import type { GwsSession } from '../session/gws-session.ts';
import { PageContextMenu } from './page-context-menu.ts';
import { browserRegistrar, PageRegistration } from './page-registration.ts';

/**
 * The background side of the CRM page overlay: the content script registered for the enabled
 * CRM sites, and the context menu (titled once `languageReady` resolves). Call synchronously at background start (listeners must be
 * registered before the event that woke the worker is delivered).
 */
export function startPageIntegration(
  session: () => GwsSession,
  languageReady?: () => Promise<void>,
): {
  registration: PageRegistration;
  menu: PageContextMenu;
} {
  const menu = new PageContextMenu(session, undefined, languageReady);
  menu.listen();
  const registration = new PageRegistration({
    registrar: browserRegistrar(),
    onLists: (lists) => menu.rebuild(lists),
    onError: (error) =>
      session().diagnostics.record('error', 'overlay registration failed', String(error)),
  });
  void registration.start();
  return { registration, menu };
}
