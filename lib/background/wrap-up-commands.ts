import type { CallsState } from '../calls/index.ts';
import type { CommandHandlers } from '../messaging/router.ts';
import { CommandRejectedError } from '../session/errors.ts';
import type { CallHistory } from './call-history.ts';
import type { ScreenPop } from './screen-pop.ts';
import type { WrapUp } from './wrap-up.ts';

export type WrapUpCommand =
  'history.seen' | 'history.popAgain' | 'wrapUp.choose' | 'wrapUp.done' | 'wrapUp.nextState';

/** The wrap-up and history commands, and the check every agent-state change goes through. */
export interface WrapUpHooks {
  handlers: Pick<CommandHandlers, WrapUpCommand>;
  /** Throws when the state may not be taken now (Ready with a disposition missing). */
  checkState(operationName: string, calls: CallsState): void;
  /** The agent went to a state by hand: Ready ends the wrap-ups it may end. */
  stateChosen(operationName: string, calls: CallsState): Promise<void>;
}

function requireCallId(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new CommandRejectedError('missing-parameter', 'A call id is required');
  }
  return value;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function createWrapUpHooks(parts: {
  history: CallHistory;
  wrapUp: WrapUp;
  screenPop: Pick<ScreenPop, 'popAgain'>;
}): WrapUpHooks {
  const { history, wrapUp, screenPop } = parts;
  return {
    handlers: {
      'history.seen': () => history.seen(),
      'history.popAgain': async ({ callId }) => {
        const entry = await history.entry(requireCallId(callId));
        if (!entry)
          throw new CommandRejectedError('unknown-call', 'That call is not in the history');
        return { opened: await screenPop.popAgain(entry.pop) };
      },
      'wrapUp.choose': ({ callId, code, notes }) => {
        const chosenCode = optionalText(code);
        const chosenNotes = optionalText(notes);
        return wrapUp.choose(requireCallId(callId), {
          ...(chosenCode ? { code: chosenCode } : {}),
          ...(chosenNotes ? { notes: chosenNotes } : {}),
        });
      },
      'wrapUp.done': ({ callId }) => wrapUp.done(requireCallId(callId)),
      'wrapUp.nextState': ({ operationName }) =>
        wrapUp.setNextState(optionalText(operationName) ?? null),
    },
    checkState: (operationName, calls) => wrapUp.checkState(operationName, calls),
    stateChosen: async (operationName) => {
      if (operationName === 'Ready') await wrapUp.readyChosen();
    },
  };
}

/** Without the background's wrap-up parts (tests of other commands): every command refuses. */
export function wrapUpUnavailable(): WrapUpHooks {
  const refuse = () => {
    throw new CommandRejectedError('not-available', 'Wrap-up is not available here');
  };
  return {
    handlers: {
      'history.seen': refuse,
      'history.popAgain': refuse,
      'wrapUp.choose': refuse,
      'wrapUp.done': refuse,
      'wrapUp.nextState': refuse,
    },
    checkState: () => undefined,
    stateChosen: async () => undefined,
  };
}
