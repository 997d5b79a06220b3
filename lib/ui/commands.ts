import type { CommandName, CommandRequest, CommandResponse } from '../messaging/protocol.ts';

/** The shape of `sendCommand`; the popup root takes one so tests can inject theirs. */
export type CommandSender = <K extends CommandName>(
  command: K,
  ...payload: CommandRequest<K> extends void ? [] : [CommandRequest<K>]
) => Promise<CommandResponse<K>>;
