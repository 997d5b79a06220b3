// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverlayView } from '@/components/overlay/OverlayView';
import type { OverlayActions, OverlayModel } from '@/lib/overlay/overlay-model';
import {
  OVERLAY_MESSAGE_KEYS,
  ot,
  overlayLocale,
  pickOverlayMessages,
  setOverlayWords,
} from '@/lib/i18n/overlay-messages';
import { callStateKey } from '@/lib/i18n/keys';
import { getMessageFrom, readCatalogue, useCatalogue } from './popup-harness';

const en = readCatalogue('en');
const fr = readCatalogue('fr');
const frenchWords = () => ({ language: 'fr', messages: pickOverlayMessages(fr) });

/** Tuesday 24 November 2026, 12:00 UTC: 21:00 in Tokyo, outside calling hours. */
const NOW = Date.UTC(2026, 10, 24, 12, 0);

const NO_ACTIONS: OverlayActions = {
  activate: () => {},
  confirm: () => {},
  cancel: () => {},
  operate: () => {},
  pointer: () => {},
  navigate: () => {},
  dismiss: () => {},
};

/** A card with every part showing: facts, a live call, another call, not signed in. */
function busyCard(over: Partial<OverlayModel> = {}): OverlayModel {
  return {
    kind: 'text',
    number: '+81312345678',
    raw: '03-1234-5678',
    extension: '31',
    boxes: [{ left: 10, top: 10, width: 80, height: 16 }],
    cardAt: { left: 10, top: 30 },
    open: true,
    confirming: false,
    focusRequest: 0,
    info: {
      number: '+81312345678',
      valid: true,
      internal: false,
      e164: '+81312345678',
      international: '+81 3-1234-5678',
      countryCode: 'JP',
      countryName: 'Japon',
      location: 'Tokyo',
      type: 'FIXED_LINE',
      timeZone: 'Asia/Tokyo',
    },
    live: {
      number: '+81312345678',
      signedIn: false,
      calls: [
        {
          callId: 'C1',
          state: 'Ringing',
          callType: 'Inbound',
          startedAt: NOW - 65_000,
          userData: [['Ticket', 'Gold']],
          actions: ['Answer', 'Hangup', 'Hold', 'Retrieve'],
        },
      ],
      otherCalls: [
        {
          callId: 'C2',
          state: 'Held',
          party: '',
          actions: ['SingleStepTransfer', 'SingleStepConference'],
        },
      ],
    },
    now: NOW,
    ...over,
  };
}

/** Asking to confirm a dial: only for a number on no live call (one call per person). */
function askingCard(over: Partial<OverlayModel> = {}): OverlayModel {
  const card = busyCard(over);
  return { ...card, confirming: true, live: { ...card.live!, calls: [] } };
}

const draw = (model: OverlayModel) => render(<OverlayView model={model} actions={NO_ACTIONS} />);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  setOverlayWords(undefined);
});

describe('the CRM overlay speaks the agent language', () => {
  it('speaks French with the French catalogue (a French browser)', () => {
    useCatalogue('fr');
    draw(busyCard());
    const card = screen.getByRole('dialog', { name: 'Numéro de téléphone +81 3-1234-5678' });
    expect(card.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('button', { name: 'Appeler le 03-1234-5678' })).toBeTruthy();
    const facts = [...card.querySelectorAll('.facts dt')].map((d) => d.textContent);
    expect(facts).toEqual(['E.164', 'Pays', 'Lieu', 'Type', 'Heure locale']);
    expect(within(card).getByText('Fixe')).toBeTruthy();
    expect(within(card).getByText('poste 31')).toBeTruthy();
    // Local time: the weekday in French, and the calling-hours warning.
    expect(card.textContent).toContain('21:00 mar.');
    expect(card.textContent).toContain('hors des heures d’appel (08:00–21:00)');
    const live = within(card).getByRole('region', { name: 'Appel en cours' });
    expect(live.textContent).toContain('Sonnerie · Entrant · 1:05');
    // A ringing call's hang-up is a refusal.
    for (const name of ['Répondre', 'Refuser', 'Mettre en attente', 'Reprendre'])
      expect(within(live).getByRole('button', { name })).toBeTruthy();
    const other = within(card).getByRole('region', { name: 'Autre appel' });
    expect(other.textContent).toContain('Appel avec un autre correspondant (En attente)');
    for (const name of ['Transférer ici', 'Ajouter en conférence'])
      expect(within(other).getByRole('button', { name })).toBeTruthy();
    expect(within(card).getByText('Connectez-vous à l’extension téléphonique pour appeler.'));
    // On a live call: its controls, no second "Call".
    expect(within(card).queryByRole('button', { name: 'Appeler' })).toBeNull();
  });

  it("the agent's French in an English browser, from the words the background sent; then back", () => {
    useCatalogue('en');
    const { rerender } = draw(askingCard());
    expect(screen.getByRole('group', { name: 'Confirm the call' }).textContent).toBe(
      'Call +81 3-1234-5678?CallCancel',
    );
    expect(screen.getByRole('dialog').textContent).toContain('21:00 Tue');

    expect(setOverlayWords(frenchWords())).toBe(true);
    expect(setOverlayWords(frenchWords())).toBe(false);
    expect(overlayLocale()).toBe('fr');
    rerender(<OverlayView model={askingCard()} actions={NO_ACTIONS} />);
    const row = screen.getByRole('group', { name: 'Confirmer l’appel' });
    expect(row.textContent).toBe('Appeler le +81 3-1234-5678 ?AppelerAnnuler');
    expect(screen.getByRole('dialog').textContent).toContain('21:00 mar.');
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('fr');

    expect(setOverlayWords(undefined)).toBe(true);
    rerender(<OverlayView model={askingCard()} actions={NO_ACTIONS} />);
    expect(screen.getByRole('group', { name: 'Confirm the call' })).toBeTruthy();
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('en');
  });

  it('has no hard-coded words: every word is a catalogue message or data', () => {
    // A pseudo-locale marks every message ⟦like this⟧; letters outside a mark are data
    // (the number's facts, attached data, the weekday from Intl) or a hard-coded string.
    const real = getMessageFrom(en);
    fakeBrowser.i18n.getMessage = vi.fn((name: string, subs?: string | Array<string | number>) => {
      const text = real(name, subs);
      return text ? `⟦${text}⟧` : '';
    }) as unknown as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = vi.fn(() => 'en');
    const DATA = new Set(['JP', 'Japon', 'Tokyo', 'Ticket', 'Gold', 'Tue']);
    const words: string[] = [];
    for (const model of [busyCard(), askingCard({ status: undefined })]) {
      const { container } = draw(model);
      const texts: string[] = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.textContent ?? '');
      for (const el of container.querySelectorAll('*'))
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt'])
          texts.push(el.getAttribute(attr) ?? '');
      words.push(
        ...texts
          .map((t) => t.replace(/⟦[^⟧]*⟧/g, ' '))
          .flatMap((t) => t.match(/\p{L}+/gu) ?? [])
          .filter((w) => !DATA.has(w)),
      );
      cleanup();
    }
    expect(words).toEqual([]);
  });

  it('uses only the messages it lists, all of them in both catalogues', () => {
    for (const key of OVERLAY_MESSAGE_KEYS) {
      expect(en, key).toHaveProperty(key);
      expect(fr, key).toHaveProperty(key);
    }
    useCatalogue('en');
    // A key outside the list does not compile even though the catalogue has it: the
    // background would not have sent it in the chosen language.
    // @ts-expect-error not an overlay key
    expect(ot('signOut')).toBeTypeOf('string');
    // Keys built from server values are overlay keys, with the value as sent for the unknown.
    expect(ot(callStateKey('Established'), 'Established')).toBe('Connected');
    expect(ot(callStateKey('Queued'), 'Queued')).toBe('Queued');
  });
});
