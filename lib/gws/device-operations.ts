/**
 * The one table of device operations (`POST /api/v2/me/devices/{id}`, gws-api.md §4.3): for
 * each operationName, the parameters a view sends (checked once, where the view's message comes
 * in) and the request members GWS gets. Only extension pages offer them; the device's
 * capabilities say which apply now (§6.3).
 */
import { GwsInputError } from './errors.ts';
import { optionalMembers, requireDestination, requireText } from './rest-validate.ts';

/** Parameters as a view's message carries them, before they are checked. */
type Unchecked = Readonly<Record<string, unknown>>;
type NoParams = Record<never, never>;

interface DeviceOperationSpec<Params extends object, Body extends object> {
  /** Checks a view's parameters; throws GwsInputError naming the refused one. */
  readonly read: (params: Unchecked, operationName: string) => Params;
  /** The request's members besides `operationName`. */
  readonly body: (params: Params) => Body;
}

function operation<Params extends object, Body extends object>(
  read: (params: Unchecked, operationName: string) => Params,
  body: (params: Params) => Body,
): DeviceOperationSpec<Params, Body> {
  return { read, body };
}

const noParams = (): NoParams => ({});
const plain = () => operation(noParams, noParams);

export const MONITORING_SCOPES = ['Call', 'Agent'] as const;
export const MONITORING_MODES = ['AllCalls', 'NextCall'] as const;
export type MonitoringScope = (typeof MONITORING_SCOPES)[number];
export type MonitoringMode = (typeof MONITORING_MODES)[number];

export interface MonitorParams {
  /** The monitored agent's device URI (`http://host/api/v2/devices/<uuid>`). */
  targetDeviceUri: string;
  /** Omitted: GWS's default, `Call` (follow the call through transfers). */
  scope?: MonitoringScope;
  /** Omitted: GWS's default, `AllCalls`. */
  mode?: MonitoringMode;
}

function oneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  op: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new GwsInputError(field, `${field} must be one of ${allowed.join(', ')}`, {
    operationName: op,
  });
}

/**
 * The target is an absolute http(s) URI of a device: GWS takes nothing else, and a value that
 * is not one is refused here rather than by T-Server.
 */
function requireDeviceUri(value: unknown, op: string): string {
  const text = requireText('targetDeviceUri', value, op);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || !/\/devices\/[^/]+$/.test(url.pathname)) {
    throw new GwsInputError('targetDeviceUri', 'targetDeviceUri must be a device URI', {
      operationName: op,
    });
  }
  return text;
}

/** ListenIn / Coach / BargeIn on an agent's device (§4.3). */
const monitor = () =>
  operation(
    (params, op): MonitorParams => {
      const out: MonitorParams = { targetDeviceUri: requireDeviceUri(params.targetDeviceUri, op) };
      const scope = oneOf('scope', params.scope, MONITORING_SCOPES, op);
      const mode = oneOf('mode', params.mode, MONITORING_MODES, op);
      if (scope) out.scope = scope;
      if (mode) out.mode = mode;
      return out;
    },
    // Members left out take GWS's defaults.
    (params) =>
      optionalMembers({
        targetDeviceUri: params.targetDeviceUri,
        supervisorMonitoringScope: params.scope,
        supervisorMonitoringMode: params.mode,
      }) as { targetDeviceUri: string },
  );

export const DEVICE_OPERATIONS = {
  DoNotDisturbOn: plain(),
  DoNotDisturbOff: plain(),
  /** `destination` is a plain string here, unlike Dial (§4.3). */
  ForwardCallsOn: operation(
    (params, op) => ({ destination: requireDestination('destination', params.destination, op) }),
    (params) => params,
  ),
  ForwardCallsOff: plain(),
  ListenIn: monitor(),
  Coach: monitor(),
  BargeIn: monitor(),
  CancelSupervisorMonitoring: plain(),
  MuteMonitoredUser: plain(),
  UnmuteMonitoredUser: plain(),
} as const;

type Table = typeof DEVICE_OPERATIONS;
export type DeviceOperationName = keyof Table;
export type DeviceOperationParams<Op extends DeviceOperationName> = ReturnType<Table[Op]['read']>;
export type DeviceOperationBody<Op extends DeviceOperationName> = ReturnType<Table[Op]['body']>;

type ParamsMember<Op extends DeviceOperationName> =
  NoParams extends DeviceOperationParams<Op>
    ? { params?: DeviceOperationParams<Op> }
    : { params: DeviceOperationParams<Op> };

/** One device operation with its parameters: a union discriminated by `operation`. */
export type DeviceOperationRequest<Op extends DeviceOperationName = DeviceOperationName> = {
  [K in Op]: { operation: K } & ParamsMember<K>;
}[Op];

export function isDeviceOperation(name: unknown): name is DeviceOperationName {
  return typeof name === 'string' && Object.hasOwn(DEVICE_OPERATIONS, name);
}

/** Checks a device operation a view asked for, where its message comes in. */
export function readDeviceOperation(
  operationName: unknown,
  params: unknown,
): DeviceOperationRequest {
  if (!isDeviceOperation(operationName)) {
    throw new GwsInputError('operation', `${String(operationName)} is not a device operation`);
  }
  const unchecked: Unchecked =
    params !== null && typeof params === 'object' && !Array.isArray(params)
      ? (params as Unchecked)
      : {};
  const read = DEVICE_OPERATIONS[operationName].read as (p: Unchecked, op: string) => object;
  return {
    operation: operationName,
    params: read(unchecked, operationName),
  } as unknown as DeviceOperationRequest;
}

/** The request members GWS gets for a device operation whose parameters were checked. */
export function deviceOperationBody(request: DeviceOperationRequest): object {
  // Each operation's `body` is paired with its own `read` in the table; the one cast sits here.
  const body = DEVICE_OPERATIONS[request.operation].body as (p: object) => object;
  return body(request.params ?? {});
}
