import type { ViewState } from './view-state.ts';
import type { CallOperationRequest, OfferedOperation } from '../gws/call-operations.ts';
import type { DeviceOperationRequest } from '../gws/device-operations.ts';
import type { DiagnosticsDump } from '../diagnostics/diagnostics-log.ts';
import type {
  PageConfig,
  PageDetectedNumber,
  PageDetectRequest,
  PageNumberInfo,
  PageOperation,
} from './page-messages.ts';
import type { AgentDirectory } from '../directory/types.ts';

/** Who may send a command: extension pages only, or content scripts too. */
export type Access = 'extension-page' | 'content-script';

export interface LoginRequest {
  serverUrl: string;
  username: string;
  password: string;
  /** Keep the password, encrypted, so the next browser start signs in without asking. */
  remember: boolean;
}

/** The call operations the popup may ask for, each with its own parameters. */
export type PopupCallOperation = OfferedOperation<'popup'>;
export type PopupCallRequest = CallOperationRequest<PopupCallOperation>;

/**
 * The one protocol map shared by every context: each command's request, response and who
 * may send it. The background registers exactly one handler per command.
 */
export interface CommandMap {
  'session.getState': { request: void; response: ViewState; access: 'extension-page' };
  'session.login': { request: LoginRequest; response: void; access: 'extension-page' };
  'session.logout': { request: void; response: void; access: 'extension-page' };
  'session.retry': { request: void; response: void; access: 'extension-page' };
  'agent.setState': {
    request: { operationName: string; params?: Record<string, string> };
    response: void;
    access: 'extension-page';
  };
  /** DND, forwarding, supervisor monitoring: the operations of the device table (§4.3). */
  'device.operation': { request: DeviceOperationRequest; response: void; access: 'extension-page' };
  'call.dial': {
    request: { phoneNumber: string; userData?: Record<string, string> };
    response: void;
    access: 'extension-page';
  };
  'call.operation': {
    request: { callId: string } & PopupCallRequest;
    response: void;
    access: 'extension-page';
  };
  'diagnostics.export': { request: void; response: DiagnosticsDump; access: 'extension-page' };
  /** The agent looked at the call history: missed calls leave the badge. */
  'history.seen': { request: void; response: void; access: 'extension-page' };
  /** Opens the CRM page of a call in the history again (the screen-pop rule that matches). */
  'history.popAgain': {
    request: { callId: string };
    response: { opened: boolean };
    access: 'extension-page';
  };
  /** A disposition code and/or notes for a live or just-ended call. */
  'wrapUp.choose': {
    request: { callId: string; code?: string; notes?: string };
    response: void;
    access: 'extension-page';
  };
  /** The wrap-up of an ended call is over (refused while a required disposition is missing). */
  'wrapUp.done': { request: { callId: string }; response: void; access: 'extension-page' };
  /** The agent state to take after the current call; null forgets it. */
  'wrapUp.nextState': {
    request: { operationName: string | null };
    response: void;
    access: 'extension-page';
  };
  /**
   * The agents GWS lists, with DN, device URI and state (the transfer directory, a
   * supervisor's monitoring target): read from GWS first when older than a minute, or `now`.
   */
  'directory.agents': {
    request: { refresh: 'if-stale' | 'now' };
    response: AgentDirectory;
    access: 'extension-page';
  };
  // The CRM page overlay (content script). The background also checks that the sending frame
  // and its tab are on an enabled CRM site (lib/background/page-commands.ts).
  'page.config': { request: void; response: PageConfig; access: 'content-script' };
  /**
   * Finds the numbers in a batch of page texts (the background's detection service). One
   * list of numbers per item, in the items' order.
   */
  'page.detect': {
    request: PageDetectRequest;
    response: PageDetectedNumber[][];
    access: 'content-script';
  };
  'page.enrich': {
    request: { numbers: string[] };
    response: PageNumberInfo[];
    access: 'content-script';
  };
  'page.dial': { request: { number: string }; response: void; access: 'content-script' };
  /** A call operation on a call that involves `number` (or a transfer/conference *to* it). */
  'page.callOperation': {
    request: { callId: string; operation: PageOperation; number: string };
    response: void;
    access: 'content-script';
  };
}

export type CommandName = keyof CommandMap;
export type CommandRequest<K extends CommandName> = CommandMap[K]['request'];
export type CommandResponse<K extends CommandName> = CommandMap[K]['response'];

/** Runtime copy of each command's access level (types vanish at run time). */
export const COMMAND_ACCESS: { readonly [K in CommandName]: Access } = {
  'session.getState': 'extension-page',
  'session.login': 'extension-page',
  'session.logout': 'extension-page',
  'session.retry': 'extension-page',
  'agent.setState': 'extension-page',
  'device.operation': 'extension-page',
  'call.dial': 'extension-page',
  'call.operation': 'extension-page',
  'diagnostics.export': 'extension-page',
  'history.seen': 'extension-page',
  'history.popAgain': 'extension-page',
  'wrapUp.choose': 'extension-page',
  'wrapUp.done': 'extension-page',
  'wrapUp.nextState': 'extension-page',
  'directory.agents': 'extension-page',
  'page.config': 'content-script',
  'page.detect': 'content-script',
  'page.enrich': 'content-script',
  'page.dial': 'content-script',
  'page.callOperation': 'content-script',
};

/** Marks our messages so they never collide with anything else on runtime messaging. */
export const MESSAGE_CHANNEL = 'gws-cti';
/** Name of the long-lived port views open to receive state pushes. */
export const VIEW_PORT_NAME = 'gws-cti.view';

export interface CommandMessage<K extends CommandName = CommandName> {
  channel: typeof MESSAGE_CHANNEL;
  command: K;
  payload: CommandRequest<K>;
}

export type CommandReply<T> =
  | { ok: true; value: T }
  | { ok: false; error: import('../errors/serialized-error.ts').SerializedError };

/** What the background pushes to connected views. */
export interface StatePush {
  type: 'state';
  state: ViewState;
}
