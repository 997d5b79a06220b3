/**
 * Screen-pop rules: plain JSON data (they live in `storage.local` and travel through
 * import/export), evaluated by pure functions in this folder.
 */
import type { Participant } from '../gws/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The moment of a call at which a rule may open its page. */
export type PopTrigger = 'ringing' | 'established';

/** `both` pops once per call, at whichever of Ringing / Established comes first. */
export type RuleTrigger = PopTrigger | 'both';

/** Who started the call: the far end (it rang here) or the agent (it was dialled here). */
export type CallDirection = 'incoming' | 'outgoing';

/** A text test: exact, prefix or regular expression (JavaScript syntax, `u` flag). */
export interface TextCondition {
  op: 'equals' | 'prefix' | 'regex';
  value: string;
  ignoreCase?: boolean;
}

/** The caller's country, by ISO 3166-1 alpha-2 code, from the enriched ANI. */
export interface CountryCondition {
  op: 'country';
  countries: string[];
}

export type AniCondition = TextCondition | CountryCondition;

/**
 * A condition on one attached-data key. `present: false` requires the key to be absent (or
 * empty); otherwise the key must be present and, with `match`, its value must match.
 */
export interface UserDataCondition {
  key: string;
  present?: boolean;
  match?: TextCondition;
}

/** Every given condition must hold (AND); an absent condition always holds. */
export interface RuleConditions {
  /** GWS callType values (Inbound, Internal, Consult, Outbound …); empty or absent: any. */
  callTypes?: string[];
  /**
   * Default `incoming`: a call the agent dialled never pops unless a rule asks for
   * `outgoing` or `any`.
   */
  direction?: CallDirection | 'any';
  /** Tested against the DNIS as sent and its digits; either matching counts. */
  dnis?: TextCondition;
  /** Tested against the ANI as sent, its E.164 form and its digits; any matching counts. */
  ani?: AniCondition;
  userData?: UserDataCondition[];
}

/** Where the page opens: an existing matching tab, else the last pop tab, else a new one. */
export interface TabStrategy {
  /**
   * Tabs whose URL matches this pattern (`*` = any text, the rest literal; a pattern starting
   * with `/` is relative to the CRM base URL) are focused and navigated. Absent: tabs on the
   * pop URL's origin. Empty string: never look for an existing tab.
   */
  matchUrl?: string;
  /** Navigate the tab of the previous pop (when no matching tab exists). */
  reusePopTab: boolean;
  /** Open new pages in a new window instead of a new tab. */
  newWindow: boolean;
}

export interface ScreenPopRule {
  id: string;
  name: string;
  enabled: boolean;
  when: RuleConditions;
  trigger: RuleTrigger;
  /**
   * URL template: `{ani}`, `{ani.e164}`, `{userData.KEY}`, alternatives `{ani.e164|ani}`.
   * Every value is URL-encoded. Starting with `/`: relative to the CRM base URL. The scheme
   * and host are always literal text, never a variable.
   */
  url: string;
  tab: TabStrategy;
}

/** What a rule is evaluated against: one call, normalised from the store or an alert. */
export interface PopCall {
  id: string;
  state: string;
  callType: string;
  direction: CallDirection;
  ani?: string;
  dnis?: string;
  callUuid?: string;
  connId?: string;
  /** The caller's E.164 number as GWS sent it in the participants, when it did. */
  participantE164?: string;
  /** The other parties as GWS listed them (absent on the rule editor's sample calls). */
  participants?: Participant[];
  userData: Record<string, unknown>;
}

/** The number forms templates, conditions and alerts use (a subset of lib/phone's EnrichedNumber). */
export interface NumberForms {
  digits: string;
  e164?: string;
  national?: string;
  international?: string;
  country?: { code: string; name?: string };
  /** Human location, e.g. a US state. */
  region?: string;
  /** A short internal directory number. */
  internal?: boolean;
}

export type EnrichNumber = (raw: string, region: string) => NumberForms;

export type RuleProblemCode =
  | 'missing-field'
  | 'bad-value'
  | 'bad-regex'
  | 'unknown-variable'
  | 'template-syntax'
  | 'unsafe-url'
  | 'duplicate-id';

/**
 * A message's entry in the extension's catalogue (`_locales`) with its substitutions, so a
 * view can say it in the agent's language; the English `message` next to it serves files,
 * diagnostics and any message the catalogue lacks.
 */
export interface MessageWords {
  key: MessageKey;
  args?: string[];
}

/** One thing wrong with a rule; `path` names the field, e.g. `when.dnis.value`. */
export interface RuleProblem {
  ruleId?: string;
  path: string;
  code: RuleProblemCode;
  message: string;
  /** For the problems the rule editor can lead to (others are read in English). */
  words?: MessageWords;
}
