/**
 * Which call operations carry a destination is said once, in the call-operation table; the
 * dial plan and the recent destinations both read it there. The check goes by what each
 * operation sends GWS, not by the table's own mark: an operation added with a destination (or
 * one whose mark is forgotten) is caught here whether or not anyone lists it.
 */
import { describe, expect, it } from 'vitest';
import {
  CALL_OPERATIONS,
  DESTINATION_OPERATIONS,
  type CallContext,
  type CallOperationName,
  type CallOperationRequest,
} from '../../lib/gws/call-operations.ts';
import { recentUseOf } from '../../lib/background/recent-destinations.ts';
import { planOperation } from '../../lib/dial-plan/plan-operation.ts';
import { applyDialPlan } from '../../lib/dial-plan/apply.ts';
import { blankRule } from '../../lib/dial-plan/types.ts';

const context: CallContext = {
  uriOf: (id) => `http://gws/api/v2/me/calls/${id}`,
  consultPartner: () => 'C2',
  swapPartner: (requested) => requested ?? 'C3',
};

/** Parameters every operation of the table accepts, whichever of them it reads. */
const ANY_PARAMS = {
  destination: '+14155550132',
  participant: '+14155550132',
  digits: '12',
  key: 'k',
  userData: { k: 'v' },
  otherCallId: 'C3',
};

/** The number the request sends GWS as its destination, when it sends one (§4.5). */
function sentDestination(name: CallOperationName): string | undefined {
  const spec = CALL_OPERATIONS[name] as {
    read: (p: object, op: string) => object;
    body: (p: object, c: CallContext) => { destination?: { phoneNumber?: unknown } };
  };
  const number = spec.body(spec.read(ANY_PARAMS, name), context).destination?.phoneNumber;
  return typeof number === 'string' ? number : undefined;
}

const plan = (n: string) =>
  applyDialPlan(
    [{ ...blankRule('outside'), classes: ['national'], format: 'national', prefix: '9' }],
    n,
    'US',
  );

describe('operations that carry a destination', () => {
  const names = Object.keys(CALL_OPERATIONS) as CallOperationName[];

  it('are exactly the ones that send GWS a destination number', () => {
    const sending = names.filter((name) => sentDestination(name) !== undefined);
    expect(DESTINATION_OPERATIONS).toEqual(sending);
    expect(sending.length).toBeGreaterThan(0);
  });

  it('every one is rewritten by the dial plan and remembered as a recent destination; no other is', () => {
    for (const name of names) {
      const request = {
        operation: name,
        params: { ...ANY_PARAMS },
      } as unknown as CallOperationRequest;
      const operation = { kind: 'call' as const, callId: 'c1', request };
      const planned = planOperation(operation, plan);
      const used = recentUseOf(operation);
      if (sentDestination(name) === undefined) {
        expect(planned, name).toEqual({ operation });
        expect(used, name).toBeUndefined();
        continue;
      }
      expect(planned.plan?.ok, name).toBe(true);
      expect(planned.operation, name).toEqual({
        ...operation,
        request: { operation: name, params: { ...ANY_PARAMS, destination: '94155550132' } },
      });
      expect(used?.number, name).toBe('+14155550132');
      expect(used?.use, name).toBe(name.includes('Conference') ? 'conference' : 'transfer');
    }
  });
});
