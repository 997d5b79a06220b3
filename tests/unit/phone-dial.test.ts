import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAsYouType, normalizeDialString } from '../../lib/phone/enrich.ts';

describe('formatAsYouType', () => {
  it('formats partial input for a dialpad', () => {
    expect(formatAsYouType('4155550', 'US')).toBe('(415) 555-0');
    expect(formatAsYouType('+44207946', 'US')).toBe('+44 20 7946');
    expect(formatAsYouType('０３１２３４', 'JP')).toBe('03-1234');
    expect(formatAsYouType('', 'US')).toBe('');
  });
});

describe('normalizeDialString', () => {
  const dialable: Array<[string, string | undefined, string]> = [
    ['(415) 555-0132', 'US', '+14155550132'],
    ['415.555.0132', 'US', '+14155550132'],
    ['  415 555 0132  ', 'US', '+14155550132'],
    ['+1 415 555 0132', undefined, '+14155550132'],
    ['++44 20 7946 0958', 'US', '+442079460958'],
    ['0044 20 7946 0958', 'US', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['+44 (0)20 7946 0958', 'GB', '+442079460958'],
    ['tel:+1-415-555-0132', undefined, '+14155550132'],
    ['sip:+4930901820@pbx.example.com;user=phone', undefined, '+4930901820'],
    ['1-800-FLOWERS', 'US', '+18003569377'],
    ['1-800-MATTRESS', 'US', '+18006288737'],
    ['０３－１２３４－５６７８', 'JP', '+81312345678'],
    ['٠٥٠١٢٣٤٥٦٧', 'AE', '+971501234567'],
    ['06\u00a012\u00a034\u00a056\u00a078', 'FR', '+33612345678'],
  ];
  it.each(dialable)('%s (%s) → %s', (input, region, dial) => {
    expect(normalizeDialString(input, region)).toEqual({ ok: true, dial, e164: dial });
  });

  it('keeps the extension apart', () => {
    expect(normalizeDialString('415-555-0132 ext. 12', 'US')).toEqual({
      ok: true,
      dial: '+14155550132',
      e164: '+14155550132',
      extension: '12',
    });
  });

  it('passes internal DNs through as they are', () => {
    for (const dn of ['7001', '15002', '123']) {
      expect(normalizeDialString(dn, 'US')).toEqual({ ok: true, dial: dn });
    }
  });

  it('passes national digits on when no country is known', () => {
    expect(normalizeDialString('415 555 0132')).toEqual({ ok: true, dial: '4155550132' });
  });

  const refused: Array<[string, string | undefined, RegExp]> = [
    ['', 'US', /empty/],
    ['   ', 'US', /empty/],
    ['call me', 'US', /letters/],
    ['ABC 123', 'US', /letters/],
    ['12', 'US', /too short/],
    ['+44 20', undefined, /too short/],
    ['41555501329999999', 'US', /too long/],
    ['*67 415 555 0132', 'US', /character/],
    ['415-555-0132!', 'US', /character/],
    ['+999 1234 5678', undefined, /country calling code/],
    ['9'.repeat(1000), 'US', /too long/],
  ];
  it.each(refused)('refuses %j (%s) with a reason', (input, region, reason) => {
    const result = normalizeDialString(input, region);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('dial helpers never throw on hostile input', () => {
  const regions = fc.constantFrom(undefined, 'US', 'GB', 'JP', 'BR', 'xx', '', '__proto__');
  const numberish = fc
    .array(
      fc.oneof(
        fc.constantFrom('+', '00', '(', ')', ' ', '-', '.', 'x', 'ext.', '#', ';ext=', 'tel:'),
        fc.constantFrom('sip:', '@', 'FLOWERS', '０', '٣', '\u00a0', '\ud83d', '😀', '*'),
        fc.stringMatching(/^[0-9]{1,8}$/),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), numberish);

  it('normalizeDialString answers ok with a dial string or a reason', () => {
    fc.assert(
      fc.property(anyText, regions, (input, region) => {
        const r = normalizeDialString(input, region);
        if (r.ok) expect(r.dial).toMatch(/^\+?\d+$/);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatAsYouType returns a string', () => {
    fc.assert(
      fc.property(anyText, regions, (input, region) => {
        expect(typeof formatAsYouType(input, region)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses non-string input without throwing', () => {
    for (const bad of [undefined, null, 42, {}, []] as unknown as string[]) {
      expect(normalizeDialString(bad, 'US').ok).toBe(false);
      expect(formatAsYouType(bad, 'US')).toBe('');
    }
  });
});
