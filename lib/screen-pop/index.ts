export type * from './types.ts';
export { TEMPLATE_VARIABLES, parseTemplate, renderTemplate, encodeValue } from './template.ts';
export {
  checkPopUrl,
  checkBaseUrl,
  templateOriginProblem,
  matchesUrlPattern,
} from './url-safety.ts';
export { failedConditions } from './conditions.ts';
export { validateRule, validateRules, isValidRule } from './validate.ts';
export { decidePop, popKey, type PopDecision, type PopPlan, type PopRuleSet } from './decide.ts';
export { decideTab, type TabAction, type TabInfo } from './tab-strategy.ts';
export { PopLedger, parseLedger, type LedgerStorage, type LedgerData } from './pop-ledger.ts';
export { popCallFromAlert, popCallFromRecord, directionOf } from './pop-call.ts';
export { testRule, sampleCall, type RuleTestResult, type RuleTestOptions } from './test-rule.ts';
export { exportRules, importRules, type RulesImport } from './import-export.ts';
export { DEFAULT_CRM_BASE_URL, DEFAULT_REGION, defaultRules } from './defaults.ts';
export { describeIncomingCall, badgeFor, ringingCallIds } from './call-alert-view.ts';
