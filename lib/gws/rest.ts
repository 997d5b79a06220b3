import type { WireCall, WireChannel, WireDevice, WireUserResponse } from './types.ts';
import { GwsAuthError, GwsInputError, GwsProtocolError } from './errors.ts';
import {
  basicAuthorization,
  GwsRestCore,
  requireArray,
  type OperationResult,
} from './rest-core.ts';
import type { CallOperationBody, CallOperationName } from './call-operations.ts';
import type { DeviceOperationBody, DeviceOperationName } from './device-operations.ts';
import {
  optionalMembers,
  pathId,
  requireDestination,
  requireText,
  requireUserData,
} from './rest-validate.ts';

export type { GwsRestClientOptions, CsrfHeader, OperationResult } from './rest-core.ts';

export interface StartSessionOptions {
  /** Default `['voice']`. */
  channels?: string[];
  place?: string;
  loginCode?: string;
  queue?: string;
  devicePath?: string;
}

export interface DialOptions {
  userData?: Record<string, unknown>;
  location?: string;
  outboundCallerId?: string;
}

/**
 * GWS REST v2 client (gws-api.md §3, §4). Every operation POSTs `{operationName, …}` and
 * resolves on `statusCode: 0`, meaning only "accepted": state changes arrive as CometD
 * notifications. Failures throw typed errors from `errors.ts`; bad arguments throw
 * GwsInputError without sending anything.
 */
export class GwsRestClient extends GwsRestCore {
  // --- session ----------------------------------------------------------------------

  /**
   * `GET /api/v2/me?subresources=*` with Basic credentials: creates the HTTP session
   * (JSESSIONID, kept by the fetch's cookie jar) and captures the CSRF header (§1 steps 1–2).
   * Returns the raw user snapshot.
   */
  async login(username: string, password: string): Promise<WireUserResponse> {
    const user = requireText('username', username);
    // Basic auth cannot carry a ':' in the user name (RFC 7617).
    if (user.includes(':')) throw new GwsInputError('username', 'User name cannot contain ":"');
    if (typeof password !== 'string') throw new GwsInputError('password', 'Missing password');
    this.clearAuth();
    const { body } = await this.request({
      method: 'GET',
      path: '/me?subresources=*',
      basicAuth: basicAuthorization(user, password),
    });
    this.markLoggedIn();
    return requireUser(body);
  }

  /** `GET /api/v2/me`, optionally with `subresources` (`*` or a comma list, §2.5). */
  async getMe(subresources?: string): Promise<WireUserResponse> {
    const query = subresources ? `?subresources=${encodeURIComponent(subresources)}` : '';
    const { body } = await this.request({ method: 'GET', path: `/me${query}` });
    return requireUser(body);
  }

  /** Active calls, full objects (`?fields=*`). */
  async getCalls(): Promise<WireCall[]> {
    const { body } = await this.request({
      method: 'GET',
      path: '/me/calls?fields=*',
      collection: 'calls',
    });
    return requireArray<WireCall>(body, 'calls', 'GET /me/calls');
  }

  async getDevices(): Promise<WireDevice[]> {
    const { body } = await this.request({
      method: 'GET',
      path: '/me/devices?fields=*',
      collection: 'devices',
    });
    return requireArray<WireDevice>(body, 'devices', 'GET /me/devices');
  }

  async getChannels(): Promise<WireChannel[]> {
    const { body } = await this.request({
      method: 'GET',
      path: '/me/channels?fields=*',
      collection: 'channels',
    });
    return requireArray<WireChannel>(body, 'channels', 'GET /me/channels');
  }

  /**
   * The back-end services and their state (`GET /services?fields=*`, gws-api.md §3): the
   * Voice service is `Unavailable` while T-Server is down. Each item is read loosely.
   */
  async getServices(): Promise<Array<{ type?: unknown; name?: unknown; state?: unknown }>> {
    const { body } = await this.request({
      method: 'GET',
      path: '/services?fields=*',
      collection: 'services',
    });
    return requireArray(body, 'services', 'GET /services');
  }

  /**
   * The contact centre's users with their voice devices (`GET /users?fields=*&subresources=
   * devices`): the agents of the transfer directory. Not in the contract table; GWS shows it to
   * supervisors and administrators (§2.1) and may refuse it to agents (statusCode 5) [INF].
   * The body is returned as it came, for `lib/directory/parse-users.ts` to read loosely.
   */
  async getUsers(): Promise<Record<string, unknown>> {
    const { body } = await this.request({
      method: 'GET',
      path: '/users?fields=*&subresources=devices',
      collection: 'users',
    });
    return body;
  }

  /**
   * `StartContactCenterSession` (§4.1). Resolves on statusCode 0; statusCode 7 (some
   * channels failed) is rejected like any other non-zero code, with the server's message.
   */
  async startContactCenterSession(options: StartSessionOptions = {}): Promise<OperationResult> {
    const op = 'StartContactCenterSession';
    const channels = options.channels ?? ['voice'];
    if (channels.length === 0) requireText('channels', '', op);
    return this.operation('/me', op, {
      channels: channels.map((c) => requireText('channel', c, op)),
      ...optionalMembers({
        place: options.place,
        loginCode: options.loginCode,
        queue: options.queue,
        devicePath: options.devicePath,
      }),
    });
  }

  /**
   * `EndContactCenterSession`: the server invalidates the HTTP session, so local auth is
   * cleared. No re-login on an auth failure: a session that is already gone is the goal.
   */
  async endContactCenterSession(): Promise<void> {
    const operationName = 'EndContactCenterSession';
    try {
      await this.request({
        method: 'POST',
        path: '/me',
        body: { operationName },
        operationName,
        reauthenticate: false,
      });
    } catch (error) {
      if (!(error instanceof GwsAuthError)) throw error;
    } finally {
      this.clearAuth();
    }
  }

  // --- agent state and device ---------------------------------------------------------

  /** Ready / NotReady / AfterCallWork / AuxWork or a custom state's operationName (§4.2). */
  async setAgentState(
    operationName: string,
    params: Record<string, string | number> = {},
  ): Promise<OperationResult> {
    const op = requireText('operationName', operationName);
    return this.operation('/me/channels/voice', op, params);
  }

  /**
   * Device operations on `POST /me/devices/{id}` (§4.3): one path for every operation of the
   * table in `device-operations.ts`, whose parameters were checked where the request came in.
   */
  async deviceOperation<Op extends DeviceOperationName>(
    deviceId: string,
    operationName: Op,
    ...body: NoParams extends DeviceOperationBody<Op>
      ? [body?: DeviceOperationBody<Op>]
      : [body: DeviceOperationBody<Op>]
  ): Promise<OperationResult> {
    const id = pathId('deviceId', deviceId, operationName);
    return this.operation(`/me/devices/${id}`, operationName, body[0] ?? {});
  }

  /** `POST /me/devices/{id}/calls` Dial (§4.4); the new call arrives as a Dialing notification. */
  async dial(
    deviceId: string,
    phoneNumber: string,
    options: DialOptions = {},
  ): Promise<OperationResult> {
    const op = 'Dial';
    const id = pathId('deviceId', deviceId, op);
    return this.operation(`/me/devices/${id}/calls`, op, {
      destination: { phoneNumber: requireDestination('phoneNumber', phoneNumber, op) },
      ...optionalMembers({
        userData:
          options.userData === undefined ? undefined : requireUserData(options.userData, op),
        location: options.location,
        outboundCallerId: options.outboundCallerId,
      }),
    });
  }

  // --- calls -------------------------------------------------------------------------------

  /**
   * Call control on `POST /me/calls/{id}` (§4.4–§4.8): one path for every operation of the
   * table in `call-operations.ts`, whose parameters were checked where the request came in.
   * Resolves when GWS accepted it; the call's new state arrives as a CometD notification.
   */
  async callOperation<Op extends CallOperationName>(
    callId: string,
    operationName: Op,
    ...body: NoParams extends CallOperationBody<Op>
      ? [body?: CallOperationBody<Op>]
      : [body: CallOperationBody<Op>]
  ): Promise<OperationResult> {
    const id = pathId('callId', callId, operationName);
    return this.operation(`/me/calls/${id}`, operationName, body[0] ?? {});
  }
}

type NoParams = Record<never, never>;

function requireUser(body: Record<string, unknown>): WireUserResponse {
  const user = body.user;
  if (user === null || typeof user !== 'object' || Array.isArray(user)) {
    throw new GwsProtocolError('GET /me: the answer has no "user" object');
  }
  return body as unknown as WireUserResponse;
}
