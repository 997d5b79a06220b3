import { COMMAND_ACCESS, MESSAGE_CHANNEL } from './protocol.ts';
import type {
  CommandMessage,
  CommandName,
  CommandReply,
  CommandRequest,
  CommandResponse,
} from './protocol.ts';
import { serializeError } from '../errors/serialized-error.ts';
import type { SenderKind, SenderLike } from './sender.ts';

export type CommandHandlers = {
  [K in CommandName]: (
    request: CommandRequest<K>,
    sender: SenderLike,
  ) => Promise<CommandResponse<K>> | CommandResponse<K>;
};

function isCommandMessage(message: unknown): message is CommandMessage {
  if (!message || typeof message !== 'object') return false;
  const m = message as Partial<CommandMessage>;
  return m.channel === MESSAGE_CHANNEL && typeof m.command === 'string';
}

function isAllowed(command: CommandName, kind: SenderKind): boolean {
  if (kind === 'foreign') return false;
  if (kind === 'extension-page') return true;
  return COMMAND_ACCESS[command] === 'content-script';
}

/**
 * Builds the background's single runtime.onMessage listener. It answers only our own
 * messages (returns undefined for anything else, so other listeners are unaffected), checks
 * the sender against the command's access level, and always settles with a CommandReply:
 * a result or a serialized error, never a hanging promise.
 */
export function createCommandRouter(
  handlers: CommandHandlers,
  classify: (sender: SenderLike) => SenderKind,
): (message: unknown, sender: SenderLike) => Promise<CommandReply<unknown>> | undefined {
  return (message, sender) => {
    if (!isCommandMessage(message)) return undefined;
    const command = message.command;
    if (!Object.hasOwn(COMMAND_ACCESS, command)) {
      return Promise.resolve({
        ok: false,
        error: {
          name: 'UnknownCommand',
          message: `Unknown command: ${String(command)}`,
          code: 'unknown-command',
        },
      });
    }
    if (!isAllowed(command, classify(sender))) {
      return Promise.resolve({
        ok: false,
        error: {
          name: 'ForbiddenSender',
          message: `${command} may not be sent from here`,
          code: 'forbidden-sender',
        },
      });
    }
    const handler = handlers[command] as (req: unknown, sender: SenderLike) => unknown;
    return Promise.resolve()
      .then(() => handler(message.payload, sender))
      .then(
        (value): CommandReply<unknown> => ({ ok: true, value: value ?? null }),
        (error: unknown): CommandReply<unknown> => ({ ok: false, error: serializeError(error) }),
      );
  };
}
