import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { CommandRejectedError } from '../session/errors.ts';

/** What the wrap-up needs of the session. */
export type WrapUpSession = Pick<GwsSession, 'calls' | 'operate' | 'client' | 'view'> & {
  readonly diagnostics: Pick<DiagnosticsLog, 'record'>;
};

/** An agent-state change the wrap-up makes by itself; a refusal is only recorded. */
export async function setStateAfterCall(
  session: WrapUpSession,
  operationName: string,
  params: Record<string, string> = {},
): Promise<void> {
  try {
    await session.operate({ kind: 'agent-state', operationName, params });
  } catch (error) {
    session.diagnostics.record('error', `${operationName} after the call failed`, String(error));
  }
}

/** The refusal of Ready or Done while a required disposition is missing. */
export function dispositionRequired(): CommandRejectedError {
  return new CommandRejectedError(
    'disposition-required',
    'Choose a disposition for the last call first',
  );
}
