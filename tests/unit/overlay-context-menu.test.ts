import { describe, expect, it } from 'vitest';
import {
  MENU_CALL_SELECTION,
  MENU_OVERLAY_OFF,
  MENU_OVERLAY_ON,
  menuAction,
} from '../../lib/background/page-context-menu.ts';
import type { SiteLists } from '../../lib/background/page-sites.ts';

const lists: SiteLists = {
  crmSites: ['http://127.0.0.1/*', 'https://crm.example.com/*'],
  disabledSites: ['https://crm.example.com/*'],
  region: 'GB',
  confirmBeforeDial: false,
  numbersShortcut: 'Alt+Shift+N',
  language: 'browser',
  partyNameKey: 'CustomerName',
};
const crm = 'http://127.0.0.1:8091/crm/contacts/1001';

describe('context menu', () => {
  it('"Call <selection>" dials the selection read in the agent region', () => {
    const click = (selectionText: string, pageUrl = crm) =>
      menuAction({ menuItemId: MENU_CALL_SELECTION, selectionText, pageUrl }, lists);
    expect(click('020 7946 0958')).toEqual({ kind: 'dial', number: '+442079460958' });
    expect(click('Call +1 (415) 555-0132 today')).toEqual({ kind: 'dial', number: '+14155550132' });
    expect(click('7002')).toEqual({ kind: 'dial', number: '7002' });
    expect(click('no digits here')).toMatchObject({ kind: 'none', reason: expect.any(String) });
    // Only on CRM sites where the overlay is on.
    expect(click('020 7946 0958', 'https://elsewhere.example/')).toEqual({ kind: 'none' });
    expect(click('020 7946 0958', 'https://crm.example.com/a')).toEqual({ kind: 'none' });
  });

  it('switches the overlay off and on for the CRM site of the page', () => {
    expect(menuAction({ menuItemId: MENU_OVERLAY_OFF, pageUrl: crm }, lists)).toEqual({
      kind: 'switch',
      pattern: 'http://127.0.0.1/*',
      off: true,
    });
    expect(
      menuAction({ menuItemId: MENU_OVERLAY_ON, pageUrl: 'https://crm.example.com/x' }, lists),
    ).toEqual({ kind: 'switch', pattern: 'https://crm.example.com/*', off: false });
    expect(
      menuAction({ menuItemId: MENU_OVERLAY_OFF, pageUrl: 'https://x.example/' }, lists),
    ).toEqual({
      kind: 'none',
    });
    expect(menuAction({ menuItemId: 'someone-else', pageUrl: crm }, lists)).toEqual({
      kind: 'none',
    });
  });
});
