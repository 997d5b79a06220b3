import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, tOr } from '@/lib/ui/i18n';
import {
  applyUiLanguage,
  catalogueMessage,
  overrideMessage,
  uiLanguage,
  type Catalogue,
} from '@/lib/settings/ui-language';
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

  it('French chosen in an English browser: t() and tOr() speak French', async () => {
    expect(t('signOut')).toBe(en.signOut!.message);
    await applyUiLanguage('fr', load);
    expect(uiLanguage()).toBe('fr');
    expect(t('signOut')).toBe(fr.signOut!.message);
    expect(t('signedInAs', 'agent1')).toBe(fr.signedInAs!.message.replace('$USER$', 'agent1'));
    expect(tOr('callState_Ringing', 'x')).toBe(fr.callState_Ringing!.message);
    // A key the chosen catalogue lacks still falls back the usual way.
    expect(tOr('noSuchKey', 'fallback')).toBe('fallback');
  });

  it('"browser" hands back to the browser', async () => {
    await applyUiLanguage('fr', load);
    await applyUiLanguage('browser', load);
    expect(overrideMessage('signOut')).toBeUndefined();
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
