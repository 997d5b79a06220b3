import type { CommandHandlers } from '../messaging/router.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { CommandRejectedError } from '../session/errors.ts';
import { readCallOperation } from '../gws/call-operations.ts';
import { readDeviceOperation } from '../gws/device-operations.ts';
import { forgetLogin, rememberLogin } from './remembered-login.ts';
import { createPageCommandHandlers, type PageCommandOptions } from './page-commands.ts';
import { wrapUpUnavailable, type WrapUpHooks } from './wrap-up-commands.ts';
import type { AgentListRefresh, Directory } from './directory.ts';

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CommandRejectedError('missing-parameter', `${what} is required`);
  }
  return value.trim();
}

/** One handler per command of the protocol map; each delegates to the session. */
export function createCommandHandlers(
  session: GwsSession,
  pageOptions?: PageCommandOptions,
  wrapUp: WrapUpHooks = wrapUpUnavailable(),
  directory?: Pick<Directory, 'agents'>,
): CommandHandlers {
  return {
    // The CRM page overlay's narrow set (content scripts, enabled CRM sites only).
    ...createPageCommandHandlers(session, pageOptions),
    ...wrapUp.handlers,
    'session.getState': () => session.view,
    'session.login': async ({ serverUrl, username, password, remember }) => {
      const credentials = {
        serverUrl: requireText(serverUrl, 'The server URL'),
        username: requireText(username, 'The user name'),
        password: typeof password === 'string' ? password : '',
      };
      await session.login(credentials);
      if (remember) await rememberLogin(credentials);
      else await forgetLogin();
    },
    'session.logout': async () => {
      await session.logout();
      await forgetLogin();
    },
    'session.retry': () => session.retry(),
    'agent.setState': async ({ operationName, params }) => {
      wrapUp.checkState(requireText(operationName, 'A state'), session.calls);
      await session.operate({
        kind: 'agent-state',
        operationName,
        ...(params ? { params } : {}),
      });
      await wrapUp.stateChosen(operationName, session.calls);
    },
    'device.operation': ({ operation, params }) =>
      // Checked once, here, where the view's message comes in.
      session.operate({ kind: 'device', request: readDeviceOperation(operation, params) }),
    'call.dial': ({ phoneNumber, userData }) =>
      session.operate({
        kind: 'dial',
        phoneNumber: requireText(phoneNumber, 'A number'),
        ...(userData ? { userData } : {}),
      }),
    'call.operation': ({ callId, operation, params }) =>
      session.operate({
        kind: 'call',
        callId: requireText(callId, 'A call'),
        // Checked once, here, where the view's message comes in.
        request: readCallOperation('popup', operation, params),
      }),
    'diagnostics.export': () => session.diagnostics.dump(),
    'directory.agents': ({ refresh }) => {
      if (!directory) throw new CommandRejectedError('not-available', 'No directory here');
      const mode: AgentListRefresh = refresh === 'now' ? 'now' : 'if-stale';
      return directory.agents(mode);
    },
  };
}
