// The one reader of managed storage (what an administrator sets by enterprise policy) for
// every context: the background, the popup and the options page all see the same values,
// normalised once, with what is wrong reported per key.
//
// Adding a policy key is a change in one place here, plus its schema:
//   1. add the property to public/managed-schema.json (title, description, type);
//   2. add one entry to POLICY_KEYS below: `policyKey({ type: … }, reader)`, with a reader
//      from policy-values.ts (`readFlag('yourKey')`, `readText('yourKey')`) or a new one there.
// `ManagedPolicy` gains the typed, normalised field by itself; views see it through
// policy-view.ts (only the password is withheld there). tests/unit/managed-policy.test.ts
// fails until the schema and this table list the same keys with the same types.
import browser from 'webextension-polyfill';
import type { RuleProblem } from '../screen-pop/types.ts';
import {
  policyKey,
  readCrmBaseUrl,
  readCount,
  readCrmSites,
  readDialPlanRules,
  readFlag,
  readInternalNumbers,
  readScreenPopRules,
  readServerUrl,
  readText,
  readTextList,
  type Reading,
} from './policy-values.ts';
import { readAdminEntries, type AdminEntry } from '../directory/admin-entries.ts';

/**
 * Favourites or speed dials set by policy: the usable entries replace the agent's list (even
 * none of them: a broken policy never falls back to the list it meant to replace), and each
 * refused one is reported.
 */
function readDirectoryList(path: string, speedDial: boolean) {
  return (raw: unknown): Reading<AdminEntry[]> => {
    const { entries, problems } = readAdminEntries(raw, path, speedDial);
    return { value: entries, problems };
  };
}

export const POLICY_KEYS = {
  serverUrl: policyKey({ type: 'string' }, readServerUrl),
  username: policyKey({ type: 'string' }, readText('username')),
  password: policyKey({ type: 'string' }, readText('password')),
  crmSites: policyKey({ type: 'array', items: { type: 'string' } }, readCrmSites),
  internalNumbers: policyKey({ type: 'string' }, readInternalNumbers),
  autoLogin: policyKey({ type: 'boolean' }, readFlag('autoLogin')),
  confirmBeforeDial: policyKey({ type: 'boolean' }, readFlag('confirmBeforeDial')),
  allowRememberMe: policyKey({ type: 'boolean' }, readFlag('allowRememberMe')),
  crmBaseUrl: policyKey({ type: 'string' }, readCrmBaseUrl),
  screenPopRules: policyKey({ type: 'array', items: { type: 'object' } }, readScreenPopRules),
  dialPlanRules: policyKey({ type: 'array', items: { type: 'object' } }, readDialPlanRules),
  // Wrap-up and call history (lib/settings/wrap-up-settings.ts reads them into its settings).
  dispositions: policyKey(
    { type: 'array', items: { type: 'string' } },
    readTextList('dispositions'),
  ),
  dispositionKey: policyKey({ type: 'string' }, readText('dispositionKey')),
  dispositionRequired: policyKey({ type: 'boolean' }, readFlag('dispositionRequired')),
  afterCallWork: policyKey({ type: 'boolean' }, readFlag('afterCallWork')),
  wrapUpSeconds: policyKey({ type: 'integer' }, readCount('wrapUpSeconds')),
  historyKeys: policyKey({ type: 'array', items: { type: 'string' } }, readTextList('historyKeys')),
  clearHistoryOnSignOut: policyKey({ type: 'boolean' }, readFlag('clearHistoryOnSignOut')),
  callLogUrl: policyKey({ type: 'string' }, readText('callLogUrl')),
  // Automatic Not Ready (lib/settings/away-settings.ts reads them into its settings).
  notReadyOnLock: policyKey({ type: 'boolean' }, readFlag('notReadyOnLock')),
  notReadyOnIdle: policyKey({ type: 'boolean' }, readFlag('notReadyOnIdle')),
  idleMinutes: policyKey({ type: 'integer' }, readCount('idleMinutes')),
  notReadyState: policyKey({ type: 'string' }, readText('notReadyState')),
  readOnlyKeys: policyKey(
    { type: 'array', items: { type: 'string' } },
    readTextList('readOnlyKeys'),
  ),
  // The transfer and dial directory (lib/directory/directory-settings.ts).
  directoryFavourites: policyKey(
    { type: 'array', items: { type: 'object' } },
    readDirectoryList('directoryFavourites', false),
  ),
  directorySpeedDials: policyKey(
    { type: 'array', items: { type: 'object' } },
    readDirectoryList('directorySpeedDials', true),
  ),
};

export type PolicyKey = keyof typeof POLICY_KEYS;

type ReadValue<R> = R extends { read(raw: unknown): Reading<infer T> } ? T : never;

/** Each key's normalised value. */
export type PolicyValues = { [K in PolicyKey]: ReadValue<(typeof POLICY_KEYS)[K]> };

/** One thing wrong with the policy, under the key it belongs to. */
export type PolicyProblem = RuleProblem & { key: PolicyKey };

/**
 * The policy in force: a key is present when the administrator set it and something of it is
 * usable. Absent keys leave the agent's own setting in force.
 */
export type ManagedPolicy = Partial<PolicyValues> & { problems: PolicyProblem[] };

const POLICY_KEY_NAMES = Object.keys(POLICY_KEYS) as PolicyKey[];

/** Reads managed storage's raw object. Keys outside the schema are ignored. */
export function parseManagedPolicy(raw: Readonly<Record<string, unknown>>): ManagedPolicy {
  const policy: ManagedPolicy = { problems: [] };
  const values = policy as Record<PolicyKey, unknown>;
  for (const key of POLICY_KEY_NAMES) {
    if (raw[key] === undefined) continue;
    const reading: Reading<unknown> = POLICY_KEYS[key].read(raw[key]);
    if (reading.value !== undefined) values[key] = reading.value;
    policy.problems.push(...reading.problems.map((p) => ({ ...p, key })));
  }
  return policy;
}

/** Longest wait for managed storage: Chrome has been seen never to answer right after startup. */
const MANAGED_TIMEOUT_MS = 1000;

/** The policy in force now; nothing managed when no policy is installed. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const raw = await Promise.race([
      browser.storage.managed.get(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('managed storage did not answer')),
          MANAGED_TIMEOUT_MS,
        );
      }),
    ]);
    return parseManagedPolicy(raw);
  } catch {
    // No policy installed (Firefox without policies.json throws here), or no answer in time.
    return { problems: [] };
  } finally {
    clearTimeout(timer);
  }
}
