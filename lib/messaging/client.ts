import browser from 'webextension-polyfill';
import { MESSAGE_CHANNEL, VIEW_PORT_NAME } from './protocol.ts';
import type {
  CommandMessage,
  CommandName,
  CommandReply,
  CommandRequest,
  CommandResponse,
  StatePush,
} from './protocol.ts';
import { CommandError } from './errors.ts';
import type { ViewState } from './view-state.ts';

/**
 * The CRM content script uses the browser's own API, not webextension-polyfill (wxt.config.ts):
 * where the polyfill answers nothing, Chrome's own API rejects. Both are the same "no reply".
 */
function noReplyAsUndefined(error: unknown): undefined {
  if (error instanceof Error && /message port closed/i.test(error.message)) return undefined;
  throw error;
}

/** Sends a command to the background; resolves with its result or throws a CommandError. */
export async function sendCommand<K extends CommandName>(
  command: K,
  ...payload: CommandRequest<K> extends void ? [] : [CommandRequest<K>]
): Promise<CommandResponse<K>> {
  const message: CommandMessage<K> = {
    channel: MESSAGE_CHANNEL,
    command,
    payload: payload[0] as CommandRequest<K>,
  };
  const reply = (await browser.runtime.sendMessage(message).catch(noReplyAsUndefined)) as
    CommandReply<CommandResponse<K>> | undefined;
  if (!reply)
    throw new CommandError({
      name: 'NoReply',
      message: 'The background did not answer',
      code: 'no-reply',
    });
  if (!reply.ok) throw new CommandError(reply.error);
  return reply.value;
}

/**
 * Receives every state the background pushes. The port is reopened when it drops (the
 * MV3 service worker was stopped): reconnecting wakes the worker, which resumes the session
 * and pushes the current state again. Returns an unsubscribe function.
 */
export function subscribeToState(onState: (state: ViewState) => void): () => void {
  let port: browser.Runtime.Port | undefined;
  let closed = false;
  const open = () => {
    if (closed) return;
    port = browser.runtime.connect({ name: VIEW_PORT_NAME });
    port.onMessage.addListener((message: unknown) => {
      const push = message as Partial<StatePush>;
      if (push?.type === 'state' && push.state) onState(push.state);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!closed) setTimeout(open, 100);
    });
  };
  open();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
