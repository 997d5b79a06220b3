/**
 * The one table of call operations (`POST /api/v2/me/calls/{id}`, gws-api.md §4.4–§4.8): for
 * each operationName, the parameters a view sends (checked once, where the view's message
 * comes in), the request members GWS gets, and where the product offers it. Every list of
 * operations elsewhere (capabilities, what the popup, pages and shortcuts may ask for, which
 * destinations the dial plan rewrites and the recent destinations keep) is derived from it.
 */
import {
  requireDestination,
  requireDtmfDigits,
  requireText,
  requireUserData,
} from './rest-validate.ts';
import { GwsInputError } from './errors.ts';

/**
 * Where the product offers an operation: the popup's call card, a CRM page's card on a call
 * that involves its number, a page card bringing its number into another call, a shortcut.
 */
export type Offer = 'popup' | 'page-call' | 'page-transfer' | 'keyboard';

/** What a request needs to know of the calls around the one it acts on. */
export interface CallContext {
  /** The full URI of a call, which SwapCalls and Complete* take (gws-api.md §4.5). */
  uriOf(callId: string): string;
  /** The other leg of this call's consultation (its consult call, or its main call). */
  consultPartner(): string | undefined;
  /** The call to swap with: the one asked for, else the other live call that offers it. */
  swapPartner(requested: string | undefined): string;
}

/** Parameters as a view's message carries them, before they are checked. */
type Unchecked = Readonly<Record<string, unknown>>;

/**
 * What an operation does with the number it is given: moves the call there or brings it into
 * the call. The switch dials that number, so the dial plan rewrites it, and the agent may pick
 * it again from the recent destinations.
 */
export type DestinationUse = 'transfer' | 'conference';

interface OperationSpec<Params extends object, Body extends object> {
  readonly offeredBy: readonly Offer[];
  /** Set on the operations that take a `destination` number the switch dials. */
  readonly destination?: DestinationUse;
  /** The switch places a new (consult) call to the destination; single-step ones place none. */
  readonly consultation?: boolean;
  /** Checks a view's parameters; throws GwsInputError naming the refused one. */
  readonly read: (params: Unchecked, operationName: string) => Params;
  /** The request's members besides `operationName`. */
  readonly body: (params: Params, context: CallContext) => Body;
}

type NoParams = Record<never, never>;

const noParams = (): NoParams => ({});

function operation<Params extends object, Body extends object, const O extends readonly Offer[]>(
  offeredBy: O,
  read: (params: Unchecked, operationName: string) => Params,
  body: (params: Params, context: CallContext) => Body,
): OperationSpec<Params, Body> & { readonly offeredBy: O } {
  return { offeredBy, read, body };
}

/** An operation without parameters. */
const plain = <const O extends readonly Offer[]>(offeredBy: O) =>
  operation(offeredBy, noParams, noParams);

/**
 * Transfer or conference to a number: the view sends the number, GWS gets a destination. Two
 * steps go through a consult call to the destination (§4.5); a single step places none.
 */
const toDestination = <const O extends readonly Offer[], const U extends DestinationUse>(
  offeredBy: O,
  destination: U,
  steps: 'consultation' | 'single-step',
) => ({
  ...operation(
    offeredBy,
    (params, op): { destination: string } => ({
      destination: requireDestination('destination', params.destination, op),
    }),
    ({ destination }) => ({ destination: { phoneNumber: destination } }),
  ),
  destination,
  consultation: steps === 'consultation',
});

/** GWS finds the related call when `consultCallUri` is omitted (§4.5). */
const complete = <const O extends readonly Offer[]>(offeredBy: O) =>
  operation(offeredBy, noParams, (_params, context): { consultCallUri?: string } => {
    const partner = context.consultPartner();
    return partner === undefined ? {} : { consultCallUri: context.uriOf(partner) };
  });

/** Attached data: a plain, non-empty key/value object (§4.6). */
const withUserData = <const O extends readonly Offer[]>(offeredBy: O) =>
  operation(
    offeredBy,
    (params, op) => ({ userData: requireUserData(params.userData, op) }),
    (params) => params,
  );

export const CALL_OPERATIONS = {
  Answer: plain(['popup', 'page-call', 'keyboard']),
  Hangup: plain(['popup', 'page-call', 'keyboard']),
  Hold: plain(['popup', 'page-call', 'keyboard']),
  Retrieve: plain(['popup', 'page-call', 'keyboard']),
  InitiateTransfer: toDestination(['popup'], 'transfer', 'consultation'),
  CompleteTransfer: complete(['popup']),
  SingleStepTransfer: toDestination(['popup', 'page-transfer'], 'transfer', 'single-step'),
  InitiateConference: toDestination(['popup'], 'conference', 'consultation'),
  CompleteConference: complete(['popup']),
  SingleStepConference: toDestination(['popup', 'page-transfer'], 'conference', 'single-step'),
  /** `participant` is the party's phone number (§4.5). */
  RemoveParticipantFromConference: operation(
    ['popup'],
    (params, op) => ({ participant: requireDestination('participant', params.participant, op) }),
    (params) => params,
  ),
  SwapCalls: operation(
    ['popup'],
    (params, op): { otherCallId?: string } =>
      params.otherCallId === undefined
        ? {}
        : { otherCallId: requireText('otherCallId', params.otherCallId, op) },
    (params, context) => ({ otherCallUri: context.uriOf(context.swapPartner(params.otherCallId)) }),
  ),
  SendDtmf: operation(
    ['popup'],
    (params, op) => ({ digits: requireDtmfDigits(params.digits, op) }),
    (params) => params,
  ),
  /** Adds keys even when they exist (duplicates, §4.6); UpdateUserData replaces. */
  AttachUserData: withUserData(['popup']),
  UpdateUserData: withUserData(['popup']),
  DeleteUserData: plain(['popup']),
  DeleteUserDataPair: operation(
    ['popup'],
    (params, op) => ({ key: requireText('key', params.key, op) }),
    (params) => params,
  ),
  StartCallRecording: plain(['popup']),
  PauseCallRecording: plain(['popup']),
  ResumeCallRecording: plain(['popup']),
  StopCallRecording: plain(['popup']),
  /** On a supervisor's monitoring call (§4.9); from BargeIn GWS offers only ListenIn. */
  SwitchToListenIn: plain(['popup']),
  SwitchToCoach: plain(['popup']),
  SwitchToBargeIn: plain(['popup']),
} as const;

type Table = typeof CALL_OPERATIONS;
export type CallOperationName = keyof Table;

/** The operations offered in one place, e.g. `OfferedOperation<'keyboard'>`. */
export type OfferedOperation<Where extends Offer> = {
  [Op in CallOperationName]: Where extends Table[Op]['offeredBy'][number] ? Op : never;
}[CallOperationName];

/** The operations that take a destination number (transfers and conferences). */
export type DestinationOperation = {
  [Op in CallOperationName]: Table[Op] extends { destination: DestinationUse } ? Op : never;
}[CallOperationName];

export type CallOperationParams<Op extends CallOperationName> = ReturnType<Table[Op]['read']>;
export type CallOperationBody<Op extends CallOperationName> = ReturnType<Table[Op]['body']>;

/** `params` may be left out where an operation has none to give. */
type ParamsMember<Op extends CallOperationName> =
  NoParams extends CallOperationParams<Op>
    ? { params?: CallOperationParams<Op> }
    : { params: CallOperationParams<Op> };

/** One operation with its parameters: a union discriminated by `operation`. */
export type CallOperationRequest<Op extends CallOperationName = CallOperationName> = {
  [K in Op]: { operation: K } & ParamsMember<K>;
}[Op];

const NAMES = Object.keys(CALL_OPERATIONS) as CallOperationName[];

export function isCallOperation(name: unknown): name is CallOperationName {
  return typeof name === 'string' && Object.hasOwn(CALL_OPERATIONS, name);
}

/** The operations that take a destination number, in the table's order. */
export const DESTINATION_OPERATIONS = NAMES.filter(
  (name) => (CALL_OPERATIONS[name] as { destination?: DestinationUse }).destination !== undefined,
) as DestinationOperation[];

/** A request to transfer or conference the call to a number. */
export function isDestinationRequest(
  request: CallOperationRequest,
): request is CallOperationRequest<DestinationOperation> {
  return (DESTINATION_OPERATIONS as readonly CallOperationName[]).includes(request.operation);
}

/**
 * The number a request transfers or conferences the call to, and which of the two it is;
 * undefined for an operation that takes no destination.
 */
export function destinationOf(
  request: CallOperationRequest,
): { number: string; use: DestinationUse } | undefined {
  if (!isDestinationRequest(request)) return undefined;
  return {
    number: request.params.destination,
    use: CALL_OPERATIONS[request.operation].destination,
  };
}

/** A request whose destination the switch calls on a new consult call (InitiateTransfer…). */
export function placesConsultCall(request: CallOperationRequest): boolean {
  return isDestinationRequest(request) && CALL_OPERATIONS[request.operation].consultation;
}

/** The same request sent to another number (the one the dial plan makes of it). */
export function withDestination<Op extends DestinationOperation>(
  request: CallOperationRequest<Op>,
  destination: string,
): CallOperationRequest<Op> {
  return { ...request, params: { ...request.params, destination } };
}

/** The operations offered in one place, in the table's order. */
export function operationsOfferedBy<Where extends Offer>(where: Where): OfferedOperation<Where>[] {
  return NAMES.filter((name) =>
    (CALL_OPERATIONS[name].offeredBy as readonly Offer[]).includes(where),
  ) as OfferedOperation<Where>[];
}

/**
 * Checks an operation a view asked for, where its message comes in: the name must be one the
 * view is offered, and the parameters what that operation takes. Throws GwsInputError.
 */
export function readCallOperation<Where extends Offer>(
  where: Where,
  operationName: unknown,
  params: unknown,
): CallOperationRequest<OfferedOperation<Where>> {
  if (
    !isCallOperation(operationName) ||
    !operationsOfferedBy(where).some((n) => n === operationName)
  ) {
    throw new GwsInputError('operation', `${String(operationName)} is not offered here`);
  }
  const unchecked: Unchecked =
    params !== null && typeof params === 'object' && !Array.isArray(params)
      ? (params as Unchecked)
      : {};
  const read = CALL_OPERATIONS[operationName].read as (p: Unchecked, op: string) => object;
  const request = { operation: operationName, params: read(unchecked, operationName) };
  return request as unknown as CallOperationRequest<OfferedOperation<Where>>;
}

/** The request members GWS gets for an operation whose parameters were checked. */
export function callOperationBody(request: CallOperationRequest, context: CallContext): object {
  // The table pairs each operation's `body` with its own `read`; TypeScript cannot follow
  // that pairing through an indexed union, so the one cast sits here.
  const body = CALL_OPERATIONS[request.operation].body as (p: object, c: CallContext) => object;
  return body(request.params ?? {}, context);
}
