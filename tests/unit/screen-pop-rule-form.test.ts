import { describe, expect, it } from 'vitest';
import {
  copyRule,
  fieldDomId,
  formToRule,
  moveItem,
  newRule,
  problemField,
  ruleToForm,
  splitCountries,
  uniqueRuleId,
} from '@/lib/screen-pop/rule-form';
import { parseUserDataLines, sampleCallFromForm } from '@/lib/screen-pop/sample-call';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { validateRule } from '@/lib/screen-pop/validate';
import type { ScreenPopRule } from '@/lib/screen-pop/types';

const FULL: ScreenPopRule = {
  id: 'vip',
  name: 'VIP callers',
  enabled: false,
  when: {
    callTypes: ['Inbound', 'Callback'],
    direction: 'any',
    dnis: { op: 'prefix', value: '800' },
    ani: { op: 'country', countries: ['GB', 'IE'] },
    userData: [
      { key: 'Segment', match: { op: 'regex', value: '^gold$', ignoreCase: true } },
      { key: 'Blocked', present: false },
      { key: 'CaseId' },
    ],
  },
  trigger: 'both',
  url: 'https://crm.example.com/case/{userData.CaseId}',
  tab: { matchUrl: '', reusePopTab: false, newWindow: true },
};

describe('rule form ↔ rule', () => {
  it('gives back the same rule for the defaults and for a rule using every field', () => {
    for (const rule of [...defaultRules(), FULL]) {
      expect(formToRule(ruleToForm(rule))).toEqual(rule);
    }
  });

  it('reads the tab strategy as three choices: absent, a pattern, or empty', () => {
    const base = defaultRules()[0]!;
    const origin = ruleToForm({ ...base, tab: { reusePopTab: true, newWindow: false } });
    expect(origin.tabReuse).toBe('origin');
    expect(formToRule(origin).tab).toEqual({ reusePopTab: true, newWindow: false });
    expect(ruleToForm(base).tabReuse).toBe('pattern');
    expect(ruleToForm(FULL).tabReuse).toBe('never');
    expect(formToRule({ ...origin, tabReuse: 'never', matchUrl: '/crm/*' }).tab.matchUrl).toBe('');
  });

  it('keeps call types the editor does not offer, and offers them to untick', () => {
    const form = ruleToForm(FULL);
    expect(form.otherCallTypes).toEqual(['Callback']);
    expect(form.callTypes).toEqual(['Inbound', 'Callback']);
  });

  it('a rule without direction is an incoming-calls rule, and says so once saved', () => {
    const rule = { ...defaultRules()[0]!, when: {} };
    expect(ruleToForm(rule).direction).toBe('incoming');
    expect(formToRule(ruleToForm(rule)).when).toEqual({ direction: 'incoming' });
  });

  it('keeps what it cannot read from a broken rule as empty, for validation to name', () => {
    const form = ruleToForm({
      id: 7,
      trigger: 'never',
      when: { dnis: 'x', ani: { op: 'contains' } },
    });
    expect(form).toMatchObject({ id: '', name: '', trigger: 'never', enabled: false });
    expect(form.dnis.op).toBe('');
    expect(form.ani.op).toBe('contains');
    const paths = validateRule(formToRule(form)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'trigger', 'when.dnis.op', 'when.ani.op', 'url']),
    );
    expect(ruleToForm(null).url).toBe('');
  });

  it('trims names, ids and URLs but keeps condition values as typed', () => {
    const form = ruleToForm(FULL);
    form.name = '  Spaced  ';
    form.id = ' vip ';
    form.url = ' /x ';
    form.dnis = { op: 'regex', value: ' 1$', ignoreCase: false, countries: '' };
    const rule = formToRule(form);
    expect([rule.name, rule.id, rule.url]).toEqual(['Spaced', 'vip', '/x']);
    expect(rule.when.dnis).toEqual({ op: 'regex', value: ' 1$' });
  });

  it('splits country codes on commas, spaces and semicolons, upper-cased', () => {
    expect(splitCountries(' gb, ie ;fr  ')).toEqual(['GB', 'IE', 'FR']);
    expect(splitCountries('')).toEqual([]);
  });
});

describe('new, copied and moved rules', () => {
  it('a new rule pops inbound incoming calls when ringing, reusing the pop tab, with a fresh id', () => {
    const now = 1_700_000_000_000;
    const rule = newRule('New rule', now, []);
    expect(rule).toEqual({
      id: `rule-${now.toString(36)}`,
      name: 'New rule',
      enabled: true,
      when: { callTypes: ['Inbound'], direction: 'incoming' },
      trigger: 'ringing',
      url: '',
      tab: { reusePopTab: true, newWindow: false },
    });
    expect(newRule('x', now, [rule.id]).id).toBe(`${rule.id}-2`);
  });

  it('numbers ids until one is free', () => {
    expect(uniqueRuleId('a', [])).toBe('a');
    expect(uniqueRuleId('a', ['a', 'a-2'])).toBe('a-3');
  });

  it('a copy has its own id and name and shares nothing with the original', () => {
    const copy = copyRule(FULL, 'VIP callers (copy)', ['vip', 'vip-copy']);
    expect(copy.id).toBe('vip-copy-2');
    expect(copy.name).toBe('VIP callers (copy)');
    copy.when.userData![0]!.key = 'changed';
    expect(FULL.when.userData![0]!.key).toBe('Segment');
  });

  it('moves an item, clamped to the list, without changing the original', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 2, 5)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('problem paths → form fields', () => {
  it('maps each validation path to the field that shows it', () => {
    const cases: Array<[string, string]> = [
      ['when.dnis.value', 'dnis.value'],
      ['when.dnis', 'dnis.op'],
      ['when.ani.countries', 'ani.countries'],
      ['when.userData[2].match.value', 'userData.2.value'],
      ['when.userData[0].match', 'userData.0.op'],
      ['when.userData[1].key', 'userData.1.key'],
      ['when.userData[1].present', 'userData.1.requirement'],
      ['when.callTypes', 'callTypes'],
      ['url', 'url'],
      ['tab.matchUrl', 'tab.matchUrl'],
      ['tab', 'tab.reuse'],
      ['id', 'id'],
      ['', ''],
      ['when', ''],
    ];
    for (const [path, field] of cases) expect(problemField(path), path).toBe(field);
    expect(fieldDomId('userData.2.value')).toBe('rule-field-userData-2-value');
  });
});

describe('sample call attached data', () => {
  it('reads key=value lines: trimmed, = allowed in values, last value wins, bad lines listed', () => {
    const parsed = parseUserDataLines(
      'Name = Zoë Ünal\r\n\nQuery=a=b&c\n  =orphan\nno equals sign\nName=Zoë\n',
    );
    expect(parsed.userData).toEqual({ Name: 'Zoë', Query: 'a=b&c' });
    expect(parsed.badLines).toEqual([4, 5]);
  });

  it('stores any key as an own property, __proto__ included', () => {
    const { userData } = parseUserDataLines('__proto__=x\nconstructor=y');
    expect(Object.hasOwn(userData, '__proto__')).toBe(true);
    expect(userData.constructor).toBe('y');
    expect(Object.getPrototypeOf(userData)).toBe(Object.prototype);
  });

  it('leaves empty numbers out of the sample call', () => {
    const { call } = sampleCallFromForm({
      ani: ' ',
      dnis: ' 8005550100 ',
      callType: 'Internal',
      direction: 'outgoing',
      userData: 'a=1',
    });
    expect(call).toEqual({
      callType: 'Internal',
      direction: 'outgoing',
      dnis: '8005550100',
      userData: { a: '1' },
    });
  });
});
