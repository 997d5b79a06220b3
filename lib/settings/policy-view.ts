// What views (popup, options page) may know of the policy: everything but the password, of
// which they learn only that it is set (to lock the field). Views import this module, never
// managed-policy.ts; the lint boundaries hold them to it.
import { readManagedPolicy, type ManagedPolicy } from './managed-policy.ts';

export type { PolicyProblem } from './managed-policy.ts';

export type PolicyView = Omit<ManagedPolicy, 'password'> & { passwordSet: boolean };

export function policyView(policy: ManagedPolicy): PolicyView {
  const { password, ...view } = policy;
  return { ...view, passwordSet: password !== undefined };
}

/** The policy in force now, without its password. */
export async function readPolicyView(): Promise<PolicyView> {
  return policyView(await readManagedPolicy());
}

/** Nothing set by policy. */
export function noPolicy(): PolicyView {
  return { problems: [], passwordSet: false };
}
