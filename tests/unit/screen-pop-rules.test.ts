import { describe, expect, it } from 'vitest';
import { enrichNumber } from '@/lib/phone/enrich';
import { failedConditions } from '@/lib/screen-pop/conditions';
import { decidePop, popKey, type PopDecision } from '@/lib/screen-pop/decide';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { exportRules, importRules } from '@/lib/screen-pop/import-export';
import { sampleCall, testRule } from '@/lib/screen-pop/test-rule';
import { validateRule, validateRules } from '@/lib/screen-pop/validate';
import type { PopCall, PopTrigger, RuleConditions, ScreenPopRule } from '@/lib/screen-pop/types';

const BASE = 'http://127.0.0.1:8091';

function rule(patch: Partial<ScreenPopRule> = {}): ScreenPopRule {
  return {
    id: 'r1',
    name: 'Rule',
    enabled: true,
    when: {},
    trigger: 'ringing',
    url: '/crm/contacts?phone={ani.e164|ani}',
    tab: { matchUrl: '/crm/*', reusePopTab: true, newWindow: false },
    ...patch,
  };
}

function holds(when: RuleConditions, call: Partial<PopCall>): string[] {
  const c = sampleCall(call);
  return failedConditions(when, c, c.ani ? enrichNumber(c.ani, 'US') : undefined);
}

function decide(
  rules: ScreenPopRule[],
  call: Partial<PopCall>,
  trigger: PopTrigger,
  popped: string[] = [],
): PopDecision {
  return decidePop({
    ruleSet: { crmBaseUrl: BASE, region: 'US', rules },
    call: sampleCall(call),
    trigger,
    alreadyPopped: (key) => popped.includes(key),
    enrich: enrichNumber,
  });
}

describe('rule conditions', () => {
  it('call type and direction: a dialled call matches only when a rule says so', () => {
    expect(holds({ callTypes: ['Inbound'] }, { callType: 'Inbound' })).toEqual([]);
    expect(holds({ callTypes: ['Inbound'] }, { callType: 'Consult' })).toEqual(['callTypes']);
    expect(holds({}, { direction: 'outgoing' })).toEqual(['direction']);
    expect(holds({ direction: 'outgoing' }, { direction: 'outgoing' })).toEqual([]);
    expect(holds({ direction: 'any' }, { direction: 'outgoing' })).toEqual([]);
  });

  it('DNIS equals / prefix / regex, on the DNIS as sent or its digits', () => {
    const call = { dnis: '+1 (800) 555-0100' };
    expect(holds({ dnis: { op: 'equals', value: '18005550100' } }, call)).toEqual([]);
    expect(holds({ dnis: { op: 'prefix', value: '1800' } }, call)).toEqual([]);
    expect(holds({ dnis: { op: 'prefix', value: '1900' } }, call)).toEqual(['dnis']);
    expect(holds({ dnis: { op: 'regex', value: '^1(800|888)' } }, call)).toEqual([]);
    expect(holds({ dnis: { op: 'equals', value: '8012' } }, {})).toEqual(['dnis']);
  });

  it('ANI prefix is tested against the E.164 form too; ANI country', () => {
    const national = { ani: '(415) 555-0132' };
    expect(holds({ ani: { op: 'prefix', value: '+1415' } }, national)).toEqual([]);
    expect(holds({ ani: { op: 'prefix', value: '+44' } }, national)).toEqual(['ani']);
    expect(holds({ ani: { op: 'country', countries: ['us', 'CA'] } }, national)).toEqual([]);
    expect(holds({ ani: { op: 'country', countries: ['GB'] } }, { ani: '+33123456789' })).toEqual([
      'ani',
    ]);
    // An internal extension has no country: a country rule does not match it.
    expect(holds({ ani: { op: 'country', countries: ['US'] } }, { ani: '7002' })).toEqual(['ani']);
  });

  it('attached data: present, absent, value match (unicode, case-insensitive)', () => {
    const userData = { Segment: 'Günther GOLD', Empty: '', Count: 3 };
    const check = (c: RuleConditions['userData']) => holds({ userData: c }, { userData });
    expect(check([{ key: 'Segment' }])).toEqual([]);
    expect(check([{ key: 'Empty' }])).toEqual(['userData[0]']);
    expect(check([{ key: 'Missing', present: false }])).toEqual([]);
    expect(check([{ key: 'Segment', present: false }])).toEqual(['userData[0]']);
    expect(
      check([
        { key: 'Segment', match: { op: 'regex', value: '^günther gold$', ignoreCase: true } },
      ]),
    ).toEqual([]);
    expect(check([{ key: 'Count', match: { op: 'equals', value: '3' } }])).toEqual([]);
    expect(check([{ key: 'Segment' }, { key: 'Nope' }])).toEqual(['userData[1]']);
  });
});

describe('choosing the rule and the moment', () => {
  const call: Partial<PopCall> = {
    id: 'C1',
    ani: '+14155550132',
    userData: { Ticket: 'T-1' },
  };

  it('the default rule pops an inbound call at Ringing on the contact page', () => {
    const d = decide(defaultRules(), call, 'ringing');
    expect(d.kind).toBe('pop');
    if (d.kind !== 'pop') return;
    expect(d.plan.url).toBe(`${BASE}/crm/contacts?phone=%2B14155550132`);
    expect(d.plan.tab.matchUrl).toBe(`${BASE}/crm/*`);
    expect(d.plan.key).toBe(popKey('C1', 'ringing'));
    expect(decide(defaultRules(), call, 'established').kind).toBe('skip');
  });

  it('the first matching rule wins; disabled and invalid rules are passed over', () => {
    const vip = rule({
      id: 'vip',
      when: { userData: [{ key: 'Ticket' }] },
      url: 'https://tickets.example/t/{userData.Ticket}',
      // No pattern: tabs already on the pop URL's origin are reused.
      tab: { reusePopTab: true, newWindow: false },
    });
    const broken = rule({ id: 'broken', url: '/x?{nope}' });
    const off = rule({ id: 'off', enabled: false, url: '/off' });
    const rules = [off, broken, vip, ...defaultRules()];
    const d = decide(rules, call, 'ringing');
    expect(d.kind === 'pop' && d.plan.ruleId).toBe('vip');
    expect(d.kind === 'pop' && d.plan.url).toBe('https://tickets.example/t/T-1');
    expect(d.kind === 'pop' && d.plan.tab.matchUrl).toBe('https://tickets.example/*');
    const plain = decide(rules, { ...call, userData: {} }, 'ringing');
    expect(plain.kind === 'pop' && plain.plan.ruleId).toBe('default-contact-by-ani');
  });

  it('a matching rule for Established keeps a later rule from popping at Ringing', () => {
    const onAnswer = rule({ id: 'answer', trigger: 'established' });
    const rules = [onAnswer, ...defaultRules()];
    expect(decide(rules, call, 'ringing')).toMatchObject({ kind: 'skip', ruleId: 'answer' });
    expect(decide(rules, call, 'established')).toMatchObject({ kind: 'pop' });
  });

  it('"both" pops once: at Ringing, or at Established when Ringing did not pop', () => {
    const both = [rule({ trigger: 'both' })];
    expect(decide(both, call, 'ringing').kind).toBe('pop');
    expect(decide(both, call, 'established', [popKey('C1', 'ringing')])).toMatchObject({
      kind: 'skip',
      reason: 'already popped when ringing',
    });
    // The call was first seen answered (e.g. picked up on the desk phone while offline).
    expect(decide(both, call, 'established').kind).toBe('pop');
  });

  it('never pops the same call and trigger twice', () => {
    expect(decide(defaultRules(), call, 'ringing', [popKey('C1', 'ringing')])).toEqual({
      kind: 'skip',
      reason: 'already popped',
    });
  });

  it('an agent-dialled call does not pop unless a rule asks for outgoing calls', () => {
    const dialled: Partial<PopCall> = { ...call, direction: 'outgoing', callType: 'Outbound' };
    expect(decide(defaultRules(), dialled, 'established').kind).toBe('skip');
    const outbound = rule({
      id: 'out',
      when: { direction: 'outgoing' },
      trigger: 'established',
      url: '/crm/contacts?phone={dnis}',
    });
    const d = decide(
      [outbound, ...defaultRules()],
      { ...dialled, dnis: '+14155550199' },
      'established',
    );
    expect(d.kind === 'pop' && d.plan.url).toBe(`${BASE}/crm/contacts?phone=%2B14155550199`);
  });
});

describe('validation for the rule editor', () => {
  it('the default rules are valid', () => {
    expect(validateRules(defaultRules())).toEqual([]);
  });

  it('a bad regular expression is reported with the engine message and the field', () => {
    const problems = validateRule(rule({ when: { dnis: { op: 'regex', value: '(800' } } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'r1', path: 'when.dnis.value', code: 'bad-regex' });
    expect(problems[0]?.message).toMatch(/not a valid regular expression: .*/);
    const ud = validateRule(
      rule({ when: { userData: [{ key: 'k', match: { op: 'regex', value: '[z-a]' } }] } }),
    );
    expect(ud[0]?.path).toBe('when.userData[0].match.value');
  });

  it('back-references and look-arounds are refused with their own message, agent and policy rules alike', () => {
    for (const [value, construct] of [
      ['^(\\w+)+\\1$', '\\1'],
      ['(?<digits>\\d+)-\\k<digits>', '\\k<'],
      ['^1(?=800)', '(?='],
      ['(?<!\\+)44', '(?<!'],
    ] as const) {
      const problems = validateRule(
        rule({ when: { userData: [{ key: 'k', match: { op: 'regex', value } }] } }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'when.userData[0].match.value',
          code: 'bad-regex',
          words: { key: 'ruleProblemRegexUnsupported', args: [construct] },
        }),
      ]);
    }
    const imported = importRules(
      JSON.stringify([rule({ when: { dnis: { op: 'regex', value: '^(\\d+)+\\1$' } } })]),
    );
    expect(JSON.stringify(imported)).toContain('ruleProblemRegexUnsupported');
  });

  it('a pattern that backtracks catastrophically in RegExp answers at once on a hostile value', () => {
    // `^(\w+)+$` on 40 word characters and a "!" takes 2^40 steps in a backtracking engine;
    // with the linear-time engine this test finishes (it would hit the test timeout before).
    const hostile = 'a'.repeat(40) + '!';
    const when: RuleConditions = {
      userData: [{ key: 'Note', match: { op: 'regex', value: '^(\\w+)+$' } }],
    };
    expect(holds(when, { userData: { Note: hostile } })).toEqual(['userData[0]']);
    expect(holds(when, { userData: { Note: 'a'.repeat(40) } })).toEqual([]);
  });

  it('JavaScript pattern syntax keeps working: named groups, \\u escapes, classes, flags', () => {
    const when = (value: string, ignoreCase = false): RuleConditions => ({
      userData: [{ key: 'k', match: { op: 'regex', value, ignoreCase } }],
    });
    expect(holds(when('^(?<p>\\d{3})-\\u0041$'), { userData: { k: '123-A' } })).toEqual([]);
    expect(holds(when('^gold|silver$', true), { userData: { k: 'GOLD' } })).toEqual([]);
    expect(holds(when('^gold$'), { userData: { k: 'GOLD' } })).toEqual(['userData[0]']);
    expect(holds(when('\\p{L}+'), { userData: { k: 'été' } })).toEqual([]);
  });

  it('an unknown variable is reported by name', () => {
    const problems = validateRule(rule({ url: '/crm/contacts?phone={ani.e165}' }));
    expect(problems).toEqual([expect.objectContaining({ path: 'url', code: 'unknown-variable' })]);
    expect(problems[0]?.message).toContain('"ani.e165"');
  });

  it('shape problems: missing fields, bad enums, countries, duplicate ids', () => {
    expect(validateRule(null)[0]?.message).toBe('A rule must be an object');
    const paths = validateRule({ id: '', trigger: 'later', when: { direction: 'up' } }).map(
      (p) => p.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'name', 'enabled', 'trigger', 'when.direction', 'url', 'tab']),
    );
    expect(
      validateRule(rule({ when: { ani: { op: 'country', countries: ['United States'] } } }))[0]
        ?.path,
    ).toBe('when.ani.countries');
    expect(validateRules([rule(), rule()]).map((p) => p.code)).toEqual(['duplicate-id']);
  });

  it('testRule shows what a rule would do with a sample call', () => {
    const r = rule({
      when: { userData: [{ key: 'Ticket' }] },
      url: '/t/{userData.Ticket}/{connId}',
    });
    const hit = testRule(r, { userData: { Ticket: 'T 9' } });
    expect(hit).toMatchObject({
      problems: [],
      matches: true,
      failed: [],
      triggers: ['ringing'],
      url: `${BASE}/t/T%209/`,
      missing: ['{connId}'],
    });
    expect(testRule(r, {}, { crmBaseUrl: 'https://crm.example' })).toMatchObject({
      matches: false,
      failed: ['userData[0]'],
      url: 'https://crm.example/t//',
    });
    expect(testRule({ ...r, url: '/t/{x}' }, {}).problems[0]?.code).toBe('unknown-variable');
  });

  it('export/import round-trips; an import with any problem is refused whole', () => {
    const rules = [rule(), rule({ id: 'r2', trigger: 'both' })];
    expect(importRules(exportRules(rules))).toEqual({ ok: true, rules });
    expect(importRules(JSON.stringify(rules))).toEqual({ ok: true, rules });
    const bad = importRules(JSON.stringify([rule(), rule({ id: 'r2', url: 'javascript:x' })]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ ruleId: 'r2', code: 'unsafe-url' });
    const notJson = importRules('{');
    expect(!notJson.ok && notJson.problems[0]?.message).toMatch(/^Not JSON/);
    const other = importRules('{"format":"something-else","rules":[]}');
    expect(!other.ok && other.problems[0]?.message).toBe('This is not a screen-pop rules file');
    const future = importRules(
      JSON.stringify({ format: 'gws-cti-screen-pop-rules', version: 9, rules: [] }),
    );
    expect(!future.ok && future.problems[0]?.path).toBe('version');
  });
});
