import { failedConditions } from './conditions.ts';
import { parseTemplate, renderTemplate } from './template.ts';
import {
  absoluteTemplate,
  checkPopUrl,
  isRelativeTemplate,
  keepsLiteralPrefix,
  type UrlCheck,
} from './url-safety.ts';
import { isValidRule } from './validate.ts';
import type {
  EnrichNumber,
  NumberForms,
  PopCall,
  PopTrigger,
  ScreenPopRule,
  TabStrategy,
} from './types.ts';

/** What the decision needs from the settings. */
export interface PopRuleSet {
  /** Relative templates and tab patterns are resolved against this (http(s), no trailing /). */
  crmBaseUrl: string;
  /** Region for reading national numbers (ISO code), e.g. "US". */
  region: string;
  rules: ScreenPopRule[];
}

/** A tab strategy with its pattern made absolute; no `matchUrl`: no tab is searched. */
export interface ResolvedTabStrategy extends Omit<TabStrategy, 'matchUrl'> {
  matchUrl?: string;
}

/** One pop to perform: the bookkeeping key, the URL (already checked) and where it goes. */
export interface PopPlan {
  key: string;
  callId: string;
  trigger: PopTrigger;
  ruleId: string;
  url: string;
  tab: ResolvedTabStrategy;
  /** Template variables the call had no value for (left empty). */
  missing: string[];
}

export type PopDecision =
  { kind: 'pop'; plan: PopPlan } | { kind: 'skip'; reason: string; ruleId?: string };

/** The bookkeeping key: one pop per call and trigger. */
export function popKey(callId: string, trigger: PopTrigger): string {
  return `${trigger}:${callId}`;
}

/** Enrichment must never stop a pop: a failure just leaves the enriched forms out. */
export function enrichAni(
  call: PopCall,
  region: string,
  enrich: EnrichNumber | undefined,
): NumberForms | undefined {
  if (!call.ani || !enrich) return undefined;
  try {
    return enrich(call.ani, region);
  } catch {
    return undefined;
  }
}

/** The first enabled, valid rule whose conditions hold (rules with problems are skipped). */
export function firstMatchingRule(
  rules: ScreenPopRule[],
  call: PopCall,
  ani: NumberForms | undefined,
): ScreenPopRule | undefined {
  return rules.find(
    (rule) =>
      rule.enabled && isValidRule(rule) && failedConditions(rule.when, call, ani).length === 0,
  );
}

/** The URL a rule produces for a call: rendered, made absolute and checked. */
export function ruleUrl(
  rule: Pick<ScreenPopRule, 'url'>,
  crmBaseUrl: string,
  call: PopCall,
  ani: NumberForms | undefined,
): { ok: true; url: string; missing: string[] } | (UrlCheck & { ok: false; missing: string[] }) {
  const template = absoluteTemplate(rule.url, crmBaseUrl);
  const parsed = parseTemplate(template);
  const rendered = renderTemplate(parsed.parts, { call, ...(ani ? { ani } : {}) });
  const checked = checkPopUrl(rendered.text);
  if (!checked.ok) return { ...checked, missing: rendered.missing };
  if (!keepsLiteralPrefix(template, checked.url)) {
    return {
      ok: false,
      reason: 'the call data moved the URL out of the path the template fixes',
      words: { key: 'urlPathEscape' },
      missing: rendered.missing,
    };
  }
  return { ok: true, url: checked.url, missing: rendered.missing };
}

/** The tab pattern made absolute: absent → the pop URL's origin, empty → none. */
export function resolveTabStrategy(
  tab: TabStrategy,
  crmBaseUrl: string,
  popUrl: string,
): ResolvedTabStrategy {
  const { matchUrl, ...rest } = tab;
  if (matchUrl === '') return rest;
  if (matchUrl === undefined) return { ...rest, matchUrl: `${new URL(popUrl).origin}/*` };
  return {
    ...rest,
    matchUrl: isRelativeTemplate(matchUrl) ? absoluteTemplate(matchUrl, crmBaseUrl) : matchUrl,
  };
}

/**
 * Whether this call pops now, and how. The first matching rule decides (its conditions are
 * read against the call as it is at this trigger); its trigger says whether this moment is
 * the one. `alreadyPopped` is the persisted bookkeeping, so a replayed alert, a recovery
 * snapshot or a restarted worker never pops the same call and trigger twice.
 */
export function decidePop(input: {
  ruleSet: PopRuleSet;
  call: PopCall;
  trigger: PopTrigger;
  alreadyPopped: (key: string) => boolean;
  enrich?: EnrichNumber;
}): PopDecision {
  const { ruleSet, call, trigger, alreadyPopped } = input;
  const key = popKey(call.id, trigger);
  if (alreadyPopped(key)) return { kind: 'skip', reason: 'already popped' };
  const ani = enrichAni(call, ruleSet.region, input.enrich);
  const rule = firstMatchingRule(ruleSet.rules, call, ani);
  if (!rule) return { kind: 'skip', reason: 'no rule matches' };
  if (rule.trigger !== 'both' && rule.trigger !== trigger) {
    return { kind: 'skip', reason: `the rule pops on ${rule.trigger}`, ruleId: rule.id };
  }
  if (
    rule.trigger === 'both' &&
    trigger === 'established' &&
    alreadyPopped(popKey(call.id, 'ringing'))
  ) {
    return { kind: 'skip', reason: 'already popped when ringing', ruleId: rule.id };
  }
  const url = ruleUrl(rule, ruleSet.crmBaseUrl, call, ani);
  if (!url.ok) return { kind: 'skip', reason: `unsafe URL: ${url.reason}`, ruleId: rule.id };
  return {
    kind: 'pop',
    plan: {
      key,
      callId: call.id,
      trigger,
      ruleId: rule.id,
      url: url.url,
      tab: resolveTabStrategy(rule.tab, ruleSet.crmBaseUrl, url.url),
      missing: url.missing,
    },
  };
}
