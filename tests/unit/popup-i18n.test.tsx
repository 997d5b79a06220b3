// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { initialCallsState } from '@/lib/calls';
import { UI_LANGUAGES } from '@/lib/settings/agent-settings';
import { localeFolder } from '@/lib/i18n/catalogue';
import { failedOperationKey, type AgentOperationName } from '@/lib/i18n/keys';
import { CALL_OPERATIONS } from '@/lib/gws/call-operations';
import { DEVICE_OPERATIONS } from '@/lib/gws/device-operations';
import {
  callEventFrom,
  consultPair,
  eventAction,
  getMessageFrom,
  readCatalogue,
  renderPopup,
  signedIn,
  useCatalogue,
  T0,
} from './popup-harness';

const en = readCatalogue('en');

function placeholders(entry: {
  message: string;
  placeholders?: Record<string, { content: string }>;
}) {
  return {
    names: [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
      .map((m) => m[1]!.toLowerCase())
      .sort(),
    contents: Object.entries(entry.placeholders ?? {})
      .map(([k, v]) => `${k.toLowerCase()}=${v.content}`)
      .sort(),
  };
}

describe('i18n catalogues', () => {
  // Every language the options offer, and every catalogue the extension ships.
  const offered = UI_LANGUAGES.filter((l) => l !== 'browser' && l !== 'en');

  it('ships exactly the catalogues of the languages the options offer', () => {
    const shipped = readdirSync(join(import.meta.dirname, '../../public/_locales')).sort();
    expect(shipped).toEqual(['en', ...offered.map(localeFolder)].sort());
  });

  it.each(offered)(
    '%s has every English message, with the same placeholders, and nothing else',
    (language) => {
      const other = readCatalogue(localeFolder(language));
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        const translated = other[key]!;
        expect(translated.message.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(entry));
        // Every placeholder used in the message is declared.
        for (const name of placeholders(entry).names)
          expect(
            Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()),
            key,
          ).toContain(name);
      }
    },
  );

  it('uses only message names Chrome and Firefox accept', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('has words for every value the popup looks up by name', () => {
    const looked = [
      ...['Dialing', 'Ringing', 'Established', 'Held', 'Released'].map((s) => `callState_${s}`),
      ...['Inbound', 'Outbound', 'Internal', 'Consult'].map((s) => `callType_${s}`),
      ...['Recording', 'Paused', 'Stopped'].map((s) => `recording_${s}`),
      ...Array.from({ length: 20 }, (_, i) => `gwsStatus_${i + 1}`),
      // Every operation of the two tables, and Dial: the same list failedOperationKey is typed
      // on, read here from the tables themselves.
      ...[...Object.keys(CALL_OPERATIONS), ...Object.keys(DEVICE_OPERATIONS), 'Dial'].map((op) =>
        failedOperationKey(op as AgentOperationName),
      ),
      ...['agentState', 'retry', 'signOut'].map((s) => `failed_${s}`),
    ];
    for (const key of looked) expect(en, key).toHaveProperty(key);
  });
});

describe('popup text comes from the catalogue', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  /**
   * A pseudo-locale marks every catalogue message ⟦like this⟧. Any letters outside a mark are
   * either data from GWS (listed) or a hard-coded string.
   */
  function usePseudoLocale() {
    const real = getMessageFrom(en);
    fakeBrowser.i18n.getMessage = vi.fn((name: string, subs?: string | Array<string | number>) => {
      const text = real(name, subs);
      return text ? `⟦${text}⟧` : '';
    }) as unknown as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = vi.fn(() => 'en');
  }

  /** Words GWS sent in the fixtures (agent, custom states, attached data). */
  const DATA_WORDS = new Set([
    'Ann',
    'Agent',
    'Out',
    'to',
    'Lunch',
    'In',
    'a',
    'meeting',
    'MTG',
    'AccountNumber',
  ]);
  /** Telephone keypad letters (ITU E.161) are markings, not words. */
  const KEYPAD_LETTERS = new Set(['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ']);

  function unmarkedWords(root: HTMLElement): string[] {
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.textContent ?? '');
    for (const el of root.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt', 'label']) {
        const value = el.getAttribute(attr);
        if (value) texts.push(value);
      }
    }
    return texts
      .map((t) => t.replace(/⟦[^⟧]*⟧/g, ' '))
      .flatMap((t) => t.match(/\p{L}+/gu) ?? [])
      .filter((w) => !DATA_WORDS.has(w) && !KEYPAD_LETTERS.has(w));
  }

  it('has no hard-coded words on the login screen', async () => {
    usePseudoLocale();
    const popup = renderPopup(initialCallsState(T0));
    await screen.findByRole('form');
    fireEvent.click(screen.getByRole('button', { name: /Sign in/ }));
    expect(unmarkedWords(popup.container)).toEqual([]);
  });

  it('has no hard-coded words on a busy call screen with every panel open', () => {
    usePseudoLocale();
    const popup = renderPopup(
      signedIn(...consultPair(), eventAction(callEventFrom('call-ringing-inbound'))),
    );
    for (const button of screen.getAllByRole('button', {
      name: /Transfer \/ conference|Keypad|^⟦Pad⟧$/,
    }))
      fireEvent.click(button);
    fireEvent.click(screen.getAllByRole('button', { name: /Edit AccountNumber/ })[0]!);
    expect(unmarkedWords(popup.container)).toEqual([]);
  });

  it('speaks French with the French catalogue', () => {
    useCatalogue('fr');
    renderPopup(signedIn(eventAction(callEventFrom('call-ringing-inbound'))));
    const call = screen.getByRole('article', { name: '5125' });
    expect(within(call).getByRole('button', { name: 'Répondre' })).toBeTruthy();
    expect(within(call).getByText('Sonnerie')).toBeTruthy();
    expect(screen.getByTestId('live-assertive').textContent).toBe('Appel entrant de 5125');
    expect(
      (screen.getByLabelText('Mon statut') as HTMLSelectElement).selectedOptions[0]?.textContent,
    ).toBe('Indisponible');
  });
});
