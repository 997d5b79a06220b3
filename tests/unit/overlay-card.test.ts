import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localTimeIn, numberTypeText } from '../../lib/overlay/card-facts.ts';
import { cardPlacement } from '../../lib/overlay/overlay-model.ts';
import { Batcher } from '../../lib/overlay/number-lookups.ts';
import { describePageError } from '../../lib/overlay/page-errors.ts';
import { useCatalogue } from './popup-harness';

beforeEach(() => {
  fakeBrowser.reset();
  // The browser in English; a test switches to French where it says so.
  useCatalogue('en');
});

describe('caller card facts', () => {
  it("tells the callee's local time and whether it is outside calling hours", () => {
    const noonUtc = Date.UTC(2026, 10, 24, 12, 0);
    expect(localTimeIn('Europe/London', noonUtc)).toEqual({
      time: '12:00',
      weekday: 'Tue',
      outsideCallingHours: false,
    });
    // 04:00 in California.
    expect(localTimeIn('America/Los_Angeles', noonUtc)).toMatchObject({
      time: '04:00',
      outsideCallingHours: true,
    });
    expect(localTimeIn('Asia/Tokyo', noonUtc)).toMatchObject({
      time: '21:00',
      outsideCallingHours: true,
    });
    expect(localTimeIn('Not/AZone', noonUtc)).toBeUndefined();
  });

  it('shows number types in words', () => {
    expect(numberTypeText('FIXED_LINE_OR_MOBILE')).toBe('Landline or mobile');
    expect(numberTypeText('NEW_KIND')).toBe('NEW_KIND');
    useCatalogue('fr');
    expect(numberTypeText('FIXED_LINE_OR_MOBILE')).toBe('Fixe ou mobile');
  });

  it('writes the weekday in the locale it is given', () => {
    const noonUtc = Date.UTC(2026, 10, 24, 12, 0);
    expect(localTimeIn('Europe/Paris', noonUtc, 'fr')).toEqual({
      time: '13:00',
      weekday: 'mar.',
      outsideCallingHours: false,
    });
  });

  it('places the card below the number, or above it near the bottom of the viewport', () => {
    const viewport = { width: 1000, height: 800 };
    expect(cardPlacement([{ left: 100, top: 100, width: 80, height: 16 }], viewport)).toEqual({
      left: 100,
      top: 122,
    });
    expect(cardPlacement([{ left: 900, top: 700, width: 80, height: 16 }], viewport)).toEqual({
      left: 676,
      bottom: 106,
    });
  });

  it('explains refusals in words, in the overlay language', () => {
    expect(describePageError({ code: 'not-signed-in', message: 'x' })).toMatch(/Sign in/);
    expect(describePageError({ code: 'invalid-number', message: 'letters' })).toMatch(
      /not a number that can be dialled/,
    );
    expect(describePageError({ message: 'Busy' })).toBe('That did not work: Busy');
    expect(describePageError(undefined)).toBe('That did not work.');
    useCatalogue('fr');
    expect(describePageError({ code: 'not-signed-in', message: 'x' })).toBe(
      'Connectez-vous d’abord à l’extension téléphonique.',
    );
    expect(describePageError({ code: 'site-not-enabled' })).toBe(
      'Les appels ne sont pas activés sur ce site.',
    );
    expect(describePageError({ statusCode: 503, message: 'x' })).toBe(
      'Genesys a refusé la demande (statut 503).',
    );
    // What the server said stays as it said it; the frame is French.
    expect(describePageError({ message: 'Busy' })).toBe('Cela n’a pas fonctionné : Busy');
  });
});

describe('batched lookups', () => {
  it('asks for everything requested within a tick in one message', async () => {
    const sent: string[][] = [];
    const batcher = new Batcher(async (keys: string[]) => {
      sent.push(keys);
      return keys.map((k) => k.length);
    }, 5);
    const results = await Promise.all(['+1', '+44', '+1', '+331'].map((k) => batcher.get(k)));
    expect(results).toEqual([2, 3, 2, 4]);
    expect(sent).toEqual([['+1', '+44', '+331']]);
  });

  it('answers undefined when the background fails', async () => {
    const batcher = new Batcher(async () => Promise.reject(new Error('gone')), 1);
    await expect(batcher.get('x')).resolves.toBeUndefined();
  });
});
