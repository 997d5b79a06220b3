import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDialPlan, type DialPlanResult } from '../../lib/dial-plan/apply.ts';
import { classifyNumber } from '../../lib/dial-plan/classify.ts';
import { matchesDigitPattern, readDigitPattern } from '../../lib/dial-plan/digit-pattern.ts';
import { placedCallRewrite, planOperation } from '../../lib/dial-plan/plan-operation.ts';
import {
  blankRule,
  DIAL_FORMATS,
  NUMBER_CLASSES,
  type DialRule,
} from '../../lib/dial-plan/types.ts';
import { readDialRules } from '../../lib/dial-plan/validate.ts';
import { readDialPlanRules } from '../../lib/settings/policy-values.ts';
import { normalizeDialString } from '../../lib/phone/enrich.ts';

const rule = (patch: Partial<DialRule>): DialRule => ({ ...blankRule('rule'), ...patch });

/** A typical outside-line plan: internal untouched, 9 + national, 011 + international. */
const usPlan: DialRule[] = [
  rule({ name: 'Internal', classes: ['internal'] }),
  rule({ name: 'Outside line', classes: ['national'], format: 'national', prefix: '9' }),
  rule({ name: 'International', classes: ['international'], format: 'digits', prefix: '011' }),
];

const dialOf = (r: DialPlanResult) => (r.ok ? r.dial : undefined);

describe('dial plan: default', () => {
  it('with no rules every number goes out exactly as given, whatever it is', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('US', 'GB', 'DE', 'XX', ''),
        (n, region) => {
          const r = applyDialPlan([], n, region);
          expect(r.ok && r.dial).toBe(n);
        },
      ),
    );
  });

  it('with no rules the numbers every dial path sends today are unchanged', () => {
    for (const typed of [
      '(415) 555-0132',
      '+44 20 7946 0958',
      '7002',
      '0049 30 1234567',
      'tel:+12125550176',
    ]) {
      const today = normalizeDialString(typed, 'US');
      expect(today.ok).toBe(true);
      if (today.ok) expect(dialOf(applyDialPlan([], today.dial, 'US'))).toBe(today.dial);
    }
  });

  it('a number no rule matches is dialled as given', () => {
    const r = applyDialPlan([rule({ classes: ['internal'], prefix: '8' })], '+14155550132', 'US');
    expect(dialOf(r)).toBe('+14155550132');
    expect(r.steps.at(-1)).toEqual({ kind: 'no-match' });
  });
});

describe('dial plan: rules', () => {
  it('classifies in the agent region: internal, national (same calling code), international, other', () => {
    expect(classifyNumber('7002', 'US').numberClass).toBe('internal');
    expect(classifyNumber('+14155550132', 'US')).toMatchObject({
      numberClass: 'national',
      subject: '+14155550132',
      national: '4155550132',
    });
    // NANP: a Canadian number is dialled like a national one from the US.
    expect(classifyNumber('+16135550123', 'US').numberClass).toBe('national');
    expect(classifyNumber('+442079460958', 'US').numberClass).toBe('international');
    expect(classifyNumber('020 7946 0958', 'GB')).toMatchObject({
      numberClass: 'national',
      e164: '+442079460958',
      national: '02079460958',
    });
    expect(classifyNumber('12', 'US').numberClass).toBe('other');
  });

  it('9 + national for outside lines, 011 + international digits, internal untouched', () => {
    expect(dialOf(applyDialPlan(usPlan, '+14155550132', 'US'))).toBe('94155550132');
    expect(dialOf(applyDialPlan(usPlan, '+442079460958', 'US'))).toBe('011442079460958');
    expect(dialOf(applyDialPlan(usPlan, '7002', 'US'))).toBe('7002');
    const gb = [rule({ name: 'Outside', classes: ['national'], format: 'national', prefix: '9' })];
    expect(dialOf(applyDialPlan(gb, '+442079460958', 'GB'))).toBe('902079460958');
  });

  it('E.164 untouched for SIP: a format-only rule writes any public number in E.164', () => {
    const sip = [rule({ name: 'SIP', classes: ['national', 'international'], format: 'e164' })];
    expect(dialOf(applyDialPlan(sip, '(415) 555-0132', 'US'))).toBe('+14155550132');
    expect(dialOf(applyDialPlan(sip, '+442079460958', 'US'))).toBe('+442079460958');
  });

  it('the first enabled rule that matches wins; disabled rules and other patterns are skipped', () => {
    const rules = [
      rule({ name: 'Off', enabled: false, prefix: '1' }),
      rule({ name: 'London', pattern: '+4420.', format: 'national', stripDigits: 1, prefix: '8' }),
      rule({ name: 'NANP', pattern: '+1NXXNXXXXXX', format: 'digits', prefix: '9' }),
      rule({ name: 'Any', prefix: '5' }),
    ];
    const london = applyDialPlan(rules, '+442079460958', 'US');
    expect(london.ok && london.rule).toEqual({ index: 1, name: 'London' });
    expect(london.steps.map((s) => s.kind)).toEqual([
      'read',
      'skip',
      'match',
      'format',
      'strip',
      'prefix',
    ]);
    // Format national (in the agent's region US, a GB number keeps its own national form).
    expect(dialOf(london)).toBe('82079460958');
    expect(dialOf(applyDialPlan(rules, '+14155550132', 'US'))).toBe('914155550132');
    // +1 then 1 is not N: the NANP pattern does not match, "Any" does.
    expect(dialOf(applyDialPlan(rules, '+11155550132', 'US'))).toBe('5+11155550132');
  });

  it('strips a prefix only when the number starts with it', () => {
    const rules = [rule({ format: 'national', stripPrefix: '0', prefix: '0044' })];
    expect(dialOf(applyDialPlan(rules, '+442079460958', 'GB'))).toBe('00442079460958');
    expect(dialOf(applyDialPlan(rules, '+14155550132', 'US'))).toBe('00444155550132');
  });

  it('a rule that leaves nothing to dial is refused, not sent', () => {
    const r = applyDialPlan([rule({ name: 'Eats all', stripDigits: 15 })], '7002', 'US');
    expect(r.ok).toBe(false);
  });
});

describe('dial plan: patterns', () => {
  const matches = (pattern: string, value: string) => {
    const read = readDigitPattern(pattern);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    return matchesDigitPattern(read.pattern, value);
  };

  it('X, N, Z, sets, + and the final wildcards', () => {
    expect(matches('7XXX', '7002')).toBe(true);
    expect(matches('7XXX', '70021')).toBe(false);
    expect(matches('+1NXXNXXXXXX', '+14155550132')).toBe(true);
    expect(matches('+1NXXNXXXXXX', '+14151550132')).toBe(false);
    expect(matches('[1-35]ZZ', '512')).toBe(true);
    expect(matches('[1-35]ZZ', '410')).toBe(false);
    expect(matches('0.', '0')).toBe(false);
    expect(matches('0.', '01')).toBe(true);
    expect(matches('0!', '0')).toBe(true);
    expect(matches('+44 20-!', '+442079460958')).toBe(true);
  });

  it('says what is wrong with a pattern', () => {
    const problem = (p: string) => {
      const r = readDigitPattern(p);
      return r.ok ? undefined : r.problem;
    };
    expect(problem('7.*')).toEqual({ kind: 'wildcard-not-last', character: '.' });
    expect(problem('1+2')).toEqual({ kind: 'plus-not-first' });
    expect(problem('(7)XX')).toEqual({ kind: 'bad-character', character: '(' });
    expect(problem('[9-1]')).toEqual({ kind: 'bad-set', set: '[9-1]' });
    expect(problem('[12')).toMatchObject({ kind: 'bad-set' });
    expect(problem('X'.repeat(41))).toEqual({ kind: 'too-long' });
  });

  it('matching is one pass over the number: a long hostile value is simply not a match', () => {
    const read = readDigitPattern('XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX!');
    if (!read.ok) throw new Error('pattern');
    expect(matchesDigitPattern(read.pattern, '1'.repeat(100_000) + 'a')).toBe(false);
    expect(matchesDigitPattern(read.pattern, '1'.repeat(100_000))).toBe(true);
  });
});

describe('dial plan: validation', () => {
  it('names each field with a problem; rules with a problem are never used', () => {
    const read = readDialRules([
      {
        name: '',
        pattern: '7.*',
        prefix: '9a',
        stripDigits: 20,
        stripPrefix: 'x',
        format: 'weird',
        classes: ['local'],
      },
      { name: 'Good', classes: ['internal'], pattern: '7XXX' },
    ]);
    expect(read.rules.map((r) => r.name)).toEqual(['Good']);
    expect(read.problems.map((p) => `${p.index}.${p.field}:${p.words.key}`)).toEqual([
      '0.name:dialPlanNameMissing',
      '0.classes:dialPlanClassesInvalid',
      '0.pattern:dialPlanPatternWildcard',
      '0.format:dialPlanFormatInvalid',
      '0.stripDigits:dialPlanStripDigitsInvalid',
      '0.stripPrefix:dialPlanStripPrefixInvalid',
      '0.prefix:dialPlanPrefixInvalid',
    ]);
  });

  it('policy: bad rules are listed under their path and left out; a non-list locks to no rules', () => {
    const reading = readDialPlanRules([
      { name: 'Bad', pattern: '((' },
      { name: 'Outside', prefix: '9' },
    ]);
    expect(reading.value?.map((r) => r.name)).toEqual(['Outside']);
    expect(reading.problems).toEqual([
      expect.objectContaining({ path: 'dialPlanRules[0].pattern', code: 'bad-value' }),
    ]);
    const broken = readDialPlanRules('9 for outside');
    expect(broken.value).toEqual([]);
    expect(broken.problems).toHaveLength(1);
  });
});

const digits = fc.stringMatching(/^[0-9]{0,6}$/);
const anyRule: fc.Arbitrary<DialRule> = fc.record({
  name: fc.constant('r'),
  enabled: fc.boolean(),
  classes: fc.subarray([...NUMBER_CLASSES]),
  pattern: fc.constantFrom('', '7XXX', '+1NXXNXXXXXX', '0.', '+44!', '[1-5]XX', 'X!'),
  format: fc.constantFrom(...DIAL_FORMATS),
  stripDigits: fc.nat({ max: 15 }),
  stripPrefix: digits,
  prefix: fc.stringMatching(/^[0-9*#]{0,16}$/),
});
const numberLike = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.stringMatching(/^\+?[0-9 ()-]{0,24}$/),
  fc.constantFrom(
    '+442079460958',
    '(415) 555-0132',
    '7002',
    '1-800-FLOWERS',
    'tel:+12125550176;ext=3',
  ),
);

describe('dial plan: properties', () => {
  it('never throws, and the result is bounded by the number (or its E.164 form) plus one prefix', () => {
    fc.assert(
      fc.property(
        fc.array(anyRule, { maxLength: 6 }),
        numberLike,
        fc.constantFrom('US', 'GB', 'FR', 'XX'),
        (rules, n, region) => {
          expect(readDialRules(rules).problems).toEqual([]);
          const r = applyDialPlan(rules, n, region);
          if (!r.ok) return;
          expect(r.dial.length).toBeLessThanOrEqual(Math.max(n.length + 1, 20) + 16);
          if (!r.rule) expect(r.dial).toBe(n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('dial plan: operations', () => {
  const plan = (n: string) => applyDialPlan(usPlan, n, 'US');

  it('rewrites the number of a dial, a transfer or conference destination and a forward', () => {
    expect(planOperation({ kind: 'dial', phoneNumber: '+14155550132' }, plan).operation).toEqual({
      kind: 'dial',
      phoneNumber: '94155550132',
    });
    for (const op of [
      'InitiateTransfer',
      'SingleStepTransfer',
      'InitiateConference',
      'SingleStepConference',
    ] as const) {
      const planned = planOperation(
        {
          kind: 'call',
          callId: 'c1',
          request: { operation: op, params: { destination: '+442079460958' } },
        },
        plan,
      );
      expect(planned.operation).toEqual({
        kind: 'call',
        callId: 'c1',
        request: { operation: op, params: { destination: '011442079460958' } },
      });
    }
    const forward = {
      kind: 'device' as const,
      request: { operation: 'ForwardCallsOn' as const, params: { destination: '+14155550132' } },
    };
    expect(planOperation(forward, plan).operation).toEqual({
      kind: 'device',
      request: { operation: 'ForwardCallsOn', params: { destination: '94155550132' } },
    });
  });

  it('leaves operations that dial nothing alone: a party to remove, a device to monitor', () => {
    const remove = {
      kind: 'call' as const,
      callId: 'c1',
      request: {
        operation: 'RemoveParticipantFromConference' as const,
        params: { participant: '+14155550132' },
      },
    };
    expect(planOperation(remove, plan)).toEqual({ operation: remove });
    const off = { kind: 'device' as const, request: { operation: 'ForwardCallsOff' as const } };
    expect(planOperation(off, plan)).toEqual({ operation: off });
    const listen = {
      kind: 'device' as const,
      request: {
        operation: 'ListenIn' as const,
        params: { targetDeviceUri: 'http://gws/api/v2/devices/d-7001' },
      },
    };
    expect(planOperation(listen, plan)).toEqual({ operation: listen });
    const hold = { kind: 'call' as const, callId: 'c1', request: { operation: 'Hold' as const } };
    expect(planOperation(hold, plan)).toEqual({ operation: hold });
  });

  it('tells the call an operation places the number asked for: a Dial and a consultation, not a single step', () => {
    const rewriteOf = (operation: Parameters<typeof planOperation>[0]) =>
      placedCallRewrite(operation, planOperation(operation, plan).operation);
    const call = (operation: 'InitiateTransfer' | 'SingleStepTransfer', destination: string) =>
      ({
        kind: 'call',
        callId: 'c1',
        request: { operation, params: { destination } },
      }) as const;
    expect(rewriteOf({ kind: 'dial', phoneNumber: '+14155550132' })).toEqual({
      asked: '+14155550132',
      dialled: '94155550132',
    });
    expect(rewriteOf(call('InitiateTransfer', '+442079460958'))).toEqual({
      asked: '+442079460958',
      dialled: '011442079460958',
    });
    // A single step places no call of the agent's; an internal number goes out as asked.
    expect(rewriteOf(call('SingleStepTransfer', '+442079460958'))).toBeUndefined();
    expect(rewriteOf(call('InitiateTransfer', '7002'))).toBeUndefined();
    expect(rewriteOf({ kind: 'dial', phoneNumber: '7002' })).toBeUndefined();
    expect(
      rewriteOf({
        kind: 'device',
        request: { operation: 'ForwardCallsOn', params: { destination: '+14155550132' } },
      }),
    ).toBeUndefined();
  });
});
