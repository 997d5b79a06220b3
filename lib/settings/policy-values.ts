// How each managed-policy value is read and normalised, once, for every context. Chrome checks
// managed storage against public/managed-schema.json; Firefox's policies.json is not checked,
// so every reader here takes `unknown` and says what is wrong instead of trusting the type.
import { checkBaseUrl } from '../screen-pop/url-safety.ts';
import { validateRules } from '../screen-pop/validate.ts';
import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';
import { parseInternalPatterns } from '../phone/internal-numbers.ts';
import { readDialRules } from '../dial-plan/validate.ts';
import type { DialRule } from '../dial-plan/types.ts';
import { siteToPattern, type SiteProblem } from './crm-sites.ts';
import { checkServerUrl } from './login-defaults.ts';

/** A JSON-schema type as public/managed-schema.json writes it (the subset policy uses). */
export type SchemaType =
  | { readonly type: 'string' }
  | { readonly type: 'boolean' }
  | { readonly type: 'integer' }
  | { readonly type: 'number' }
  | { readonly type: 'object' }
  | { readonly type: 'array'; readonly items: SchemaType };

/** The TypeScript type a schema type stands for: a normalised value must fit it. */
export type SchemaValue<S> = S extends { type: 'string' }
  ? string
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integer' | 'number' }
      ? number
      : S extends { type: 'array'; items: infer I }
        ? SchemaValue<I>[]
        : S extends { type: 'object' }
          ? object
          : never;

/**
 * What one policy value came to: the value to use (absent when nothing of it is usable) and
 * what is wrong with it. Both can be present: a rule list with a bad rule is used (the bad
 * rule is never evaluated) and reported.
 */
export interface Reading<T> {
  value?: T;
  problems: RuleProblem[];
}

/** One policy key: its type in the schema and how its raw value is read. */
export interface PolicyKeyReader<S extends SchemaType, T> {
  schema: S;
  read(raw: unknown): Reading<T>;
}

/** Ties a reader to its schema type: a normalised value that does not fit is a type error. */
export function policyKey<const S extends SchemaType, T extends SchemaValue<S>>(
  schema: S,
  read: (raw: unknown) => Reading<T>,
): PolicyKeyReader<S, T> {
  return { schema, read };
}

function wrongType(path: string, what: string): Reading<never> {
  return {
    problems: [
      {
        path,
        code: 'bad-value',
        message: `The policy value ${path} is not ${what}; it is not used`,
      },
    ],
  };
}

/** Text used as it is (user name, password: never echoed in a problem). */
export function readText(path: string) {
  return (raw: unknown): Reading<string> =>
    typeof raw === 'string' ? { value: raw, problems: [] } : wrongType(path, 'text');
}

/** A list of texts (non-text items are dropped and reported). */
export function readTextList(path: string) {
  return (raw: unknown): Reading<string[]> => {
    if (!Array.isArray(raw)) return wrongType(path, 'a list');
    const value = raw.filter((item): item is string => typeof item === 'string');
    return value.length === raw.length
      ? { value, problems: [] }
      : { value, problems: wrongType(path, 'a list of texts only').problems };
  };
}

/** A whole number of at least 0. */
export function readCount(path: string) {
  return (raw: unknown): Reading<number> =>
    typeof raw === 'number' && Number.isInteger(raw) && raw >= 0
      ? { value: raw, problems: [] }
      : wrongType(path, 'a whole number');
}

export function readFlag(path: string) {
  return (raw: unknown): Reading<boolean> =>
    typeof raw === 'boolean' ? { value: raw, problems: [] } : wrongType(path, 'true or false');
}

/** The GWS server, normalised as the sign-in form normalises what the agent types. */
export function readServerUrl(raw: unknown): Reading<string> {
  if (typeof raw !== 'string') return wrongType('serverUrl', 'text');
  const url = checkServerUrl(raw);
  if (url) return { value: url, problems: [] };
  return {
    problems: [
      {
        path: 'serverUrl',
        code: 'bad-value',
        message: `The GWS server URL set by policy is not an http or https address: ${raw}`,
      },
    ],
  };
}

const SITE_REFUSALS: Readonly<Record<SiteProblem, string>> = {
  empty: 'it is empty',
  invalid: 'it is not a site address',
  scheme: 'only http and https sites are allowed',
  'too-broad': 'it would cover far too many sites',
};

/**
 * CRM sites as the match patterns the overlay registers for, normalised exactly as the agent's
 * own (`crm.example.com` → `https://crm.example.com/*`); what the options page would refuse
 * (`<all_urls>`, `*://*\/*`, other schemes) is refused here too, and reported.
 */
export function readCrmSites(raw: unknown): Reading<string[]> {
  if (!Array.isArray(raw)) return wrongType('crmSites', 'a list of sites');
  const patterns = new Set<string>();
  const problems: RuleProblem[] = [];
  raw.forEach((entry: unknown, i) => {
    const path = `crmSites[${i}]`;
    const check = typeof entry === 'string' ? siteToPattern(entry) : undefined;
    if (check?.ok) patterns.add(check.pattern);
    else {
      const shown = typeof entry === 'string' ? entry : JSON.stringify(entry);
      const reason = check ? SITE_REFUSALS[check.problem] : 'it is not text';
      problems.push({
        path,
        code: 'bad-value',
        message: `The CRM site ${shown} set by policy is not used: ${reason}`,
        words: { key: 'optionsSitesPolicyRefused', args: [String(shown)] },
      });
    }
  });
  return { value: [...patterns].sort(), problems };
}

/**
 * Dial-plan patterns of internal numbers ("7XXX, 8XX"), as the text the options page takes.
 * A malformed value still replaces the agent's own choice, as none: a policy typo never
 * falls back to numbers the administrator meant to replace.
 */
export function readInternalNumbers(raw: unknown): Reading<string> {
  if (typeof raw !== 'string') return wrongType('internalNumbers', 'text');
  const parsed = parseInternalPatterns(raw);
  if (parsed.ok) return { value: raw, problems: [] };
  return {
    value: '',
    problems: [
      {
        path: 'internalNumbers',
        code: 'bad-value',
        message: `The internal numbers set by policy are not dial-plan patterns (${parsed.invalid}); none are dialable`,
      },
    ],
  };
}

export function readCrmBaseUrl(raw: unknown): Reading<string> {
  if (typeof raw !== 'string') return wrongType('crmBaseUrl', 'text');
  const checked = checkBaseUrl(raw);
  if (checked.ok) return { value: checked.url, problems: [] };
  return {
    problems: [
      {
        path: 'crmBaseUrl',
        code: 'unsafe-url',
        message: `The CRM base URL set by policy is not usable (${checked.reason})`,
        words: checked.words,
      },
    ],
  };
}

/**
 * The screen-pop rules. Besides the schema's list, Firefox's unchecked policies.json may give
 * them as JSON text or as an exported rules file. A value that cannot be read at all still
 * locks the rules, as an empty list, so a broken policy never falls back to rules the
 * administrator meant to replace.
 */
export function readScreenPopRules(raw: unknown): Reading<ScreenPopRule[]> {
  let rules = raw;
  if (typeof rules === 'string') {
    try {
      rules = JSON.parse(rules);
    } catch {
      rules = undefined;
    }
  }
  if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
    rules = (rules as { rules?: unknown }).rules;
  }
  if (!Array.isArray(rules)) {
    return {
      value: [],
      problems: [
        {
          path: 'screenPopRules',
          code: 'bad-value',
          message: 'The screen-pop rules set by policy are not a list of rules',
        },
      ],
    };
  }
  return { value: structuredClone(rules) as ScreenPopRule[], problems: validateRules(rules) };
}

/**
 * The dial-plan rules. A rule with a problem is listed and never used; a value that is not a
 * list at all still locks the dial plan, as no rules (numbers go out as given), so a broken
 * policy never falls back to rules the administrator meant to replace.
 */
export function readDialPlanRules(raw: unknown): Reading<DialRule[]> {
  const reading = readDialRules(raw);
  return {
    value: reading.rules,
    problems: reading.problems.map((p) => ({
      path:
        p.field === 'rule' ? `dialPlanRules[${p.index}]` : `dialPlanRules[${p.index}].${p.field}`,
      code: 'bad-value' as const,
      message: `${p.message}; it is not used`,
      words: p.words,
    })),
  };
}
