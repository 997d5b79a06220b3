/**
 * Message keys built from values that come from GWS, libphonenumber or a rule file. Each
 * builder knows the values the catalogue has words for (a value missing from the catalogue is
 * a type error here) and answers `valueAsSent` for any other, which shows the value itself:
 * pass the value as the substitution, `t(callStateKey(state), state)`.
 */
import type { MessageKey } from './messages.ts';
// Types only: the overlay's content script uses this file and must not carry the tables.
import type { CallOperationName } from '../gws/call-operations.ts';
import type { DeviceOperationName } from '../gws/device-operations.ts';

export const VALUE_AS_SENT = 'valueAsSent' satisfies MessageKey;

/** `{ value: prefix + value }` for each value, typed so that `satisfies` checks the keys. */
function prefixed<const P extends string, const V extends string>(
  prefix: P,
  values: readonly V[],
): { readonly [K in V]: `${P}${K}` } {
  return Object.fromEntries(values.map((v) => [v, `${prefix}${v}`])) as {
    readonly [K in V]: `${P}${K}`;
  };
}

function builder<T extends Readonly<Record<string, MessageKey>>, F extends MessageKey>(
  table: T,
  fallback: F,
) {
  return (value: unknown): T[keyof T] | F => {
    const name = String(value);
    return Object.hasOwn(table, name) ? (table[name] as T[keyof T]) : fallback;
  };
}

export const CALL_STATE_KEYS = prefixed('callState_', [
  'Dialing',
  'Ringing',
  'Established',
  'Held',
  'Released',
]) satisfies Record<string, MessageKey>;

export const CALL_TYPE_KEYS = prefixed('callType_', [
  'Inbound',
  'Outbound',
  'Internal',
  'Consult',
]) satisfies Record<string, MessageKey>;

export const RECORDING_KEYS = prefixed('recording_', [
  'Recording',
  'Paused',
  'Stopped',
]) satisfies Record<string, MessageKey>;

/** libphonenumber's number types. */
export const NUMBER_TYPE_KEYS = prefixed('numberType_', [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
]) satisfies Record<string, MessageKey>;

export const callStateKey = builder(CALL_STATE_KEYS, VALUE_AS_SENT);
export const callTypeKey = builder(CALL_TYPE_KEYS, VALUE_AS_SENT);
export const recordingKey = builder(RECORDING_KEYS, VALUE_AS_SENT);
export const numberTypeKey = builder(NUMBER_TYPE_KEYS, VALUE_AS_SENT);

/** GWS envelope statusCodes with words of their own (gws-api.md §2.4). */
const GWS_STATUS_KEYS = prefixed(
  'gwsStatus_',
  // prettier-ignore
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
) satisfies Record<string, MessageKey>;

/** The words for one GWS statusCode, when the catalogue has them. */
export function gwsStatusKey(statusCode: number): MessageKey | undefined {
  const name = String(statusCode);
  return Object.hasOwn(GWS_STATUS_KEYS, name)
    ? GWS_STATUS_KEYS[name as keyof typeof GWS_STATUS_KEYS]
    : undefined;
}

/** Every operation the agent can ask GWS for by name: the call and device tables, and Dial. */
export type AgentOperationName = CallOperationName | DeviceOperationName | 'Dial';

/**
 * What the agent was doing when an operation failed ("Could not put the call on hold."):
 * `failed_<operationName>`, for each name of the call and device operation tables
 * (`lib/gws/call-operations.ts`, `device-operations.ts`) and Dial. Derived from the tables'
 * types, so an operation added there without its words in the catalogue is a type error here.
 */
export function failedOperationKey(operation: AgentOperationName): MessageKey {
  return `failed_${operation}` as const satisfies MessageKey;
}

export const RULE_TRIGGER_KEYS = prefixed('optionsRuleTrigger_', [
  'ringing',
  'established',
  'both',
]) satisfies Record<string, MessageKey>;
export const ruleTriggerKey = builder(RULE_TRIGGER_KEYS, VALUE_AS_SENT);

/** The conditions `testRule` names (attached-data rows have their own message). */
export const TEST_FAILED_KEYS = prefixed('optionsTestFailed_', [
  'direction',
  'callTypes',
  'dnis',
  'ani',
]) satisfies Record<string, MessageKey>;
export const testFailedKey = builder(TEST_FAILED_KEYS, VALUE_AS_SENT);

/** Screen-pop template variables, by name with non-word characters as `_`. */
export const TEMPLATE_VAR_KEYS = prefixed('optionsTemplateVar_', [
  'ani',
  'ani_e164',
  'ani_national',
  'ani_international',
  'ani_digits',
  'ani_country',
  'dnis',
  'callId',
  'callUuid',
  'connId',
  'callType',
  'userData_KEY',
]) satisfies Record<string, MessageKey>;
const templateVar = builder(TEMPLATE_VAR_KEYS, VALUE_AS_SENT);
export const templateVarKey = (name: string) => templateVar(name.replace(/\W/g, '_'));
