import { describe, expect, it } from 'vitest';
import { dialRisk, linkHidesNumber } from '../../lib/overlay/dial-risks.ts';

describe('dial risks', () => {
  it('a link hides its number unless its text shows the digits it dials', () => {
    expect(linkHidesNumber('Download report', '+19005550142')).toBe(true);
    expect(linkHidesNumber('Call 415 555 0132', '+19005550142')).toBe(true);
    expect(linkHidesNumber('+1 (900) 555-0142', '+19005550142')).toBe(false);
    expect(linkHidesNumber('(900) 555-0142', '+19005550142')).toBe(false);
    expect(linkHidesNumber('555-0142', '+19005550142')).toBe(false);
    // Two digits of it are not the number.
    expect(linkHidesNumber('Line 42', '+19005550142')).toBe(true);
    expect(linkHidesNumber('ext 7001', '7001')).toBe(false);
  });

  it('premium-rate, shared-cost and unknown numbers carry a risk; internal ones do not', () => {
    const info = (over: object) => ({ number: 'n', valid: true, internal: false, ...over });
    expect(dialRisk(info({ type: 'PREMIUM_RATE' }), false)).toBe('premium-rate');
    expect(dialRisk(info({ type: 'SHARED_COST' }), false)).toBe('shared-cost');
    expect(dialRisk(info({ type: 'UNKNOWN' }), false)).toBe('unknown-type');
    expect(dialRisk(info({ valid: false }), false)).toBe('unknown-type');
    expect(dialRisk(undefined, false)).toBe('unknown-type');
    expect(dialRisk(info({ type: 'MOBILE' }), false)).toBeUndefined();
    expect(dialRisk(info({ valid: false, internal: true }), false)).toBeUndefined();
    expect(dialRisk(info({ type: 'MOBILE' }), true)).toBe('hidden-number');
  });
});
