import { enrichNumber } from '../phone/enrich.ts';
import { failedConditions } from './conditions.ts';
import { enrichAni, ruleUrl } from './decide.ts';
import { DEFAULT_CRM_BASE_URL, DEFAULT_REGION } from './defaults.ts';
import { validateRule } from './validate.ts';
import type {
  EnrichNumber,
  MessageWords,
  PopCall,
  PopTrigger,
  RuleProblem,
  ScreenPopRule,
} from './types.ts';

export interface RuleTestResult {
  /** Validation problems; with any, the rule is never used and nothing else is computed. */
  problems: RuleProblem[];
  /** All conditions hold for the sample call. */
  matches: boolean;
  /** Names of the conditions that do not hold, e.g. `dnis`, `userData[0]`. */
  failed: string[];
  /** The moments it would pop at. */
  triggers: PopTrigger[];
  /** The page it would open. */
  url?: string;
  /** Why the page would not be opened (the URL is not a safe http(s) URL). */
  blocked?: string;
  /** `blocked` as a catalogue entry. */
  blockedWords?: MessageWords;
  /** Variables the sample call has no value for (they are left empty). */
  missing: string[];
}

export interface RuleTestOptions {
  crmBaseUrl?: string;
  region?: string;
  enrich?: EnrichNumber;
}

/** A sample call for the rule editor; unspecified fields take an inbound ringing call's. */
export function sampleCall(partial: Partial<PopCall> = {}): PopCall {
  return {
    id: 'sample-call',
    state: 'Ringing',
    callType: 'Inbound',
    direction: 'incoming',
    userData: {},
    ...partial,
  };
}

/**
 * What a rule would do with a sample call, for the rule editor's "test" button: problems,
 * the conditions that fail, and the URL it would open (or why it would not open one).
 * Rule order is not considered: this is the rule on its own.
 */
export function testRule(
  rule: unknown,
  call: Partial<PopCall>,
  options: RuleTestOptions = {},
): RuleTestResult {
  const problems = validateRule(rule);
  const result: RuleTestResult = {
    problems,
    matches: false,
    failed: [],
    triggers: [],
    missing: [],
  };
  if (problems.length > 0) return result;
  const valid = rule as ScreenPopRule;
  const sample = sampleCall(call);
  const ani = enrichAni(sample, options.region ?? DEFAULT_REGION, options.enrich ?? enrichNumber);
  result.failed = failedConditions(valid.when, sample, ani);
  result.matches = result.failed.length === 0;
  result.triggers = valid.trigger === 'both' ? ['ringing', 'established'] : [valid.trigger];
  const url = ruleUrl(valid, options.crmBaseUrl ?? DEFAULT_CRM_BASE_URL, sample, ani);
  result.missing = url.missing;
  if (url.ok) result.url = url.url;
  else {
    result.blocked = url.reason;
    result.blockedWords = url.words;
  }
  return result;
}
