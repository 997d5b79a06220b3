import type {
  CallDirection,
  RuleConditions,
  ScreenPopRule,
  TextCondition,
  UserDataCondition,
} from './types.ts';
import { isRecord } from './validate.ts';

/**
 * The rule editor's form state, and its conversion to and from a rule. The form holds text
 * exactly as typed; `formToRule` builds the rule the validator then judges, so every problem
 * is reported by `validateRule` with its path. Stored rules may be broken (an old or hand-made
 * file): `ruleToForm` accepts anything and keeps what it cannot understand as '' so the
 * validator names it at save time instead of the form silently changing it.
 */

/** The GWS call types the editor offers as checkboxes (others already in a rule are kept). */
export const KNOWN_CALL_TYPES: readonly string[] = ['Inbound', 'Internal', 'Outbound', 'Consult'];

export const TEXT_OPS = ['equals', 'prefix', 'regex'] as const;

/** A DNIS/ANI test as edited: `none` is no condition; `country` is for the ANI only. */
export interface ConditionForm {
  op: string;
  value: string;
  ignoreCase: boolean;
  /** ISO codes as typed, comma-separated (ANI `country` only). */
  countries: string;
}

export type UserDataRequirement = 'present' | 'absent' | 'matches';

/** One attached-data condition as edited. */
export interface UserDataRowForm {
  key: string;
  requirement: UserDataRequirement;
  op: string;
  value: string;
  ignoreCase: boolean;
}

/**
 * Which existing tab is reused: `origin` (no `matchUrl`: a tab on the pop page's site),
 * `pattern` (tabs matching `matchUrl`) or `never` (`matchUrl: ''`).
 */
export type TabReuse = 'origin' | 'pattern' | 'never';

export interface RuleForm {
  id: string;
  name: string;
  enabled: boolean;
  trigger: string;
  /** The call types ticked. */
  callTypes: string[];
  /** Call types the rule had that the editor does not offer; shown as extra checkboxes. */
  otherCallTypes: string[];
  direction: string;
  dnis: ConditionForm;
  ani: ConditionForm;
  userData: UserDataRowForm[];
  url: string;
  tabReuse: TabReuse;
  matchUrl: string;
  reusePopTab: boolean;
  newWindow: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function conditionForm(value: unknown): ConditionForm {
  const none: ConditionForm = { op: 'none', value: '', ignoreCase: false, countries: '' };
  if (value === undefined) return none;
  if (!isRecord(value)) return { ...none, op: '' };
  return {
    op: text(value.op),
    value: text(value.value),
    ignoreCase: value.ignoreCase === true,
    countries: Array.isArray(value.countries) ? value.countries.map(String).join(', ') : '',
  };
}

function userDataRow(value: unknown): UserDataRowForm {
  const c = isRecord(value) ? value : {};
  const match = isRecord(c.match) ? c.match : undefined;
  return {
    key: text(c.key),
    requirement: c.present === false ? 'absent' : match ? 'matches' : 'present',
    op: match ? text(match.op) : 'equals',
    value: match ? text(match.value) : '',
    ignoreCase: match?.ignoreCase === true,
  };
}

/** The form for a rule (stored, imported or new); tolerant of any value. */
export function ruleToForm(rule: unknown): RuleForm {
  const r = isRecord(rule) ? rule : {};
  const when = isRecord(r.when) ? r.when : {};
  const tab = isRecord(r.tab) ? r.tab : {};
  const callTypes = Array.isArray(when.callTypes)
    ? when.callTypes.filter((c): c is string => typeof c === 'string' && c !== '')
    : [];
  const matchUrl = tab.matchUrl;
  return {
    id: text(r.id),
    name: text(r.name),
    enabled: r.enabled === true,
    trigger: text(r.trigger),
    callTypes,
    otherCallTypes: callTypes.filter((c) => !KNOWN_CALL_TYPES.includes(c)),
    direction: when.direction === undefined ? 'incoming' : text(when.direction),
    dnis: conditionForm(when.dnis),
    ani: conditionForm(when.ani),
    userData: Array.isArray(when.userData) ? when.userData.map(userDataRow) : [],
    url: text(r.url),
    tabReuse: matchUrl === undefined ? 'origin' : matchUrl === '' ? 'never' : 'pattern',
    matchUrl: text(matchUrl),
    reusePopTab: tab.reusePopTab === true,
    newWindow: tab.newWindow === true,
  };
}

function textCondition(op: string, value: string, ignoreCase: boolean): TextCondition {
  return {
    op: op as TextCondition['op'],
    value,
    ...(ignoreCase ? { ignoreCase: true } : {}),
  };
}

/** "gb, ie ;FR" → ["GB", "IE", "FR"]. */
export function splitCountries(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

function userDataCondition(row: UserDataRowForm): UserDataCondition {
  const key = row.key.trim();
  if (row.requirement === 'absent') return { key, present: false };
  if (row.requirement === 'matches') {
    return { key, match: textCondition(row.op, row.value, row.ignoreCase) };
  }
  return { key };
}

/**
 * The rule the form describes. Names, ids and URLs are trimmed; condition values are kept as
 * typed (a space can matter in a regular expression). The result may have problems: pass it
 * to `validateRule`.
 */
export function formToRule(form: RuleForm): ScreenPopRule {
  const when: RuleConditions = {};
  if (form.callTypes.length > 0) when.callTypes = [...form.callTypes];
  when.direction = form.direction as CallDirection | 'any';
  if (form.dnis.op !== 'none') {
    when.dnis = textCondition(form.dnis.op, form.dnis.value, form.dnis.ignoreCase);
  }
  if (form.ani.op === 'country') {
    when.ani = { op: 'country', countries: splitCountries(form.ani.countries) };
  } else if (form.ani.op !== 'none') {
    when.ani = textCondition(form.ani.op, form.ani.value, form.ani.ignoreCase);
  }
  if (form.userData.length > 0) when.userData = form.userData.map(userDataCondition);
  const matchUrl =
    form.tabReuse === 'pattern' ? form.matchUrl.trim() : form.tabReuse === 'never' ? '' : undefined;
  return {
    id: form.id.trim(),
    name: form.name.trim(),
    enabled: form.enabled,
    when,
    trigger: form.trigger as ScreenPopRule['trigger'],
    url: form.url.trim(),
    tab: {
      ...(matchUrl === undefined ? {} : { matchUrl }),
      reusePopTab: form.reusePopTab,
      newWindow: form.newWindow,
    },
  };
}

/** `base`, or `base-2`, `base-3`… : the first not in `taken`. */
export function uniqueRuleId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/**
 * What "Add rule" starts from: inbound calls ringing here open the page, reusing the last
 * pop tab. Its id is `rule-<time in base 36>`, unique among `taken`; the URL is left for the
 * agent to write.
 */
export function newRule(name: string, now: number, taken: Iterable<string>): ScreenPopRule {
  return {
    id: uniqueRuleId(`rule-${now.toString(36)}`, taken),
    name,
    enabled: true,
    when: { callTypes: ['Inbound'], direction: 'incoming' },
    trigger: 'ringing',
    url: '',
    tab: { reusePopTab: true, newWindow: false },
  };
}

/** A copy of a rule with a new unique id (`<id>-copy`, `<id>-copy-2`…) and the given name. */
export function copyRule(
  rule: ScreenPopRule,
  name: string,
  taken: Iterable<string>,
): ScreenPopRule {
  const copy = structuredClone(rule);
  copy.id = uniqueRuleId(`${typeof rule.id === 'string' ? rule.id : 'rule'}-copy`, taken);
  copy.name = name;
  return copy;
}

/** The list with the item at `from` moved to `to` (clamped); a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const target = Math.max(0, Math.min(next.length - 1, to));
  if (from < 0 || from >= next.length || target === from) return next;
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * The form field a validation problem belongs to, from its path: `when.dnis.value` →
 * `dnis.value`, `when.userData[2].match.op` → `userData.2.op`, `tab.matchUrl` →
 * `tab.matchUrl`. '' when no single field fits (the problem is then shown in the summary only).
 */
export function problemField(path: string): string {
  const p = path.replace(/^when\./, '').replace(/\[(\d+)\]/g, '.$1');
  const row = /^userData\.(\d+)(?:\.(.*))?$/.exec(p);
  if (row) {
    const [, index, rest = ''] = row;
    if (rest === 'present') return `userData.${index}.requirement`;
    if (rest === 'match' || rest === 'match.op') return `userData.${index}.op`;
    if (rest === 'match.value') return `userData.${index}.value`;
    if (rest === 'match.ignoreCase') return `userData.${index}.value`;
    return `userData.${index}.key`;
  }
  const exact: Record<string, string> = {
    id: 'id',
    name: 'name',
    enabled: 'enabled',
    trigger: 'trigger',
    callTypes: 'callTypes',
    direction: 'direction',
    userData: 'userData',
    dnis: 'dnis.op',
    'dnis.op': 'dnis.op',
    'dnis.value': 'dnis.value',
    'dnis.ignoreCase': 'dnis.value',
    ani: 'ani.op',
    'ani.op': 'ani.op',
    'ani.value': 'ani.value',
    'ani.ignoreCase': 'ani.value',
    'ani.countries': 'ani.countries',
    url: 'url',
    'tab.matchUrl': 'tab.matchUrl',
    tab: 'tab.reuse',
    'tab.reusePopTab': 'tab.reusePopTab',
    'tab.newWindow': 'tab.newWindow',
  };
  return exact[p] ?? '';
}

/** The DOM id of a form field (`dnis.value` → `rule-field-dnis-value`). */
export function fieldDomId(field: string): string {
  return `rule-field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
