import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyUiLanguage, t, uiLanguage } from '@/lib/i18n/messages';
import { catalogueMessage, type Catalogue } from '@/lib/i18n/catalogue';
import { createTranslator } from '@/lib/i18n/translator';
import { callStateKey, failedOperationKey, gwsStatusKey, numberTypeKey } from '@/lib/i18n/keys';
import { ot, OVERLAY_MESSAGE_KEYS, setOverlayWords } from '@/lib/i18n/overlay-messages';
import { getMessageFrom, readCatalogue, useCatalogue } from './popup-harness';

const en = readCatalogue('en');
const fr = readCatalogue('fr');
const load = async (language: string): Promise<Catalogue> => readCatalogue(language);

describe('catalogueMessage', () => {
  it('expands named placeholders, then $1…$9, and $$', () => {
    const catalogue: Catalogue = {
      two: {
        message: 'From $A$ to $b$, costs $$5 ($3 unused)',
        placeholders: { a: { content: '$1' }, B: { content: '$2' } },
      },
    };
    expect(catalogueMessage(catalogue, 'two', ['x', 'y'])).toBe('From x to y, costs $5 ( unused)');
    expect(catalogueMessage(catalogue, 'missing')).toBeUndefined();
    expect(catalogueMessage(catalogue, 'toString')).toBeUndefined();
  });

  it('gives what the browser gives for every message of the real catalogues', () => {
    for (const catalogue of [en, fr]) {
      const browserLike = getMessageFrom(catalogue);
      for (const key of Object.keys(catalogue)) {
        const subs = ['S1', 'S2', 'S3'];
        expect(catalogueMessage(catalogue as Catalogue, key, subs), key).toBe(
          browserLike(key, subs),
        );
      }
    }
  });
});

describe('choosing the language', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => applyUiLanguage('browser'));

  it('French chosen in an English browser: t() speaks French, built keys too', async () => {
    expect(t('signOut')).toBe(en.signOut!.message);
    await applyUiLanguage('fr', load);
    expect(uiLanguage()).toBe('fr');
    expect(t('signOut')).toBe(fr.signOut!.message);
    expect(t('signedInAs', 'agent1')).toBe(fr.signedInAs!.message.replace('$USER$', 'agent1'));
    expect(t(callStateKey('Ringing'), 'Ringing')).toBe(fr.callState_Ringing!.message);
    // A value the catalogue has no words for is shown as sent.
    expect(t(callStateKey('Queued'), 'Queued')).toBe('Queued');
  });

  it('"browser" hands back to the browser', async () => {
    await applyUiLanguage('fr', load);
    await applyUiLanguage('browser', load);
    expect(uiLanguage()).toBe('en');
    expect(t('signOut')).toBe(en.signOut!.message);
  });

  it('a catalogue that cannot be read leaves the current language as it was', async () => {
    await expect(
      applyUiLanguage('fr', async () => {
        throw new Error('not packaged');
      }),
    ).rejects.toThrow('not packaged');
    expect(uiLanguage()).toBe('en');
  });
});

describe('translators and key builders', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => setOverlayWords(undefined));

  it('each translator holds its own language: the overlay switching leaves the pages alone', () => {
    const a = createTranslator<'signOut'>((key) => `browser:${key}`);
    const b = createTranslator<'signOut'>((key) => `browser:${key}`);
    expect(a.use({ language: 'fr', catalogue: fr })).toBe(true);
    expect(a.use({ language: 'fr', catalogue: fr })).toBe(false);
    expect(a.t('signOut')).toBe(fr.signOut!.message);
    expect(a.language()).toBe('fr');
    expect(b.t('signOut')).toBe('browser:signOut');
    expect(b.language()).toBe('en');

    setOverlayWords({ language: 'fr', messages: { overlayCall: fr.overlayCall! } });
    expect(ot('overlayCall')).toBe(fr.overlayCall!.message);
    expect(t('signOut')).toBe(en.signOut!.message);
    // @ts-expect-error the overlay receives only its own keys
    ot('signOut');
  });

  it('keys built from server values are catalogue keys, with a fallback for unknown values', () => {
    for (const key of [
      callStateKey('Held'),
      numberTypeKey('MOBILE'),
      failedOperationKey('Hold'),
      gwsStatusKey(6),
    ]) {
      expect(en[key!], key).toBeDefined();
      expect(fr[key!], key).toBeDefined();
    }
    expect(callStateKey('toString')).toBe('valueAsSent');
    expect(numberTypeKey(undefined)).toBe('valueAsSent');
    // An operation the tables do not have has no failure words to look up.
    // @ts-expect-error 'Teleport' is not an operation of the call or device table
    failedOperationKey('Teleport');
    expect(gwsStatusKey(77)).toBeUndefined();
    // Every key the overlay receives exists in every catalogue.
    for (const key of OVERLAY_MESSAGE_KEYS) {
      expect(en[key], key).toBeDefined();
      expect(fr[key], key).toBeDefined();
    }
  });
});
