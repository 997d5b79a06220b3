import type { CommandHandlers } from '../messaging/router.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { dialDeviceId, runCallOperation } from '../session/call-commands.ts';
import { CommandRejectedError } from '../session/errors.ts';
import { readCallOperation } from '../gws/call-operations.ts';
import { forgetLogin, rememberLogin } from './remembered-login.ts';
import { createPageCommandHandlers, type PageCommandOptions } from './page-commands.ts';

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
): CommandHandlers {
  return {
    // The CRM page overlay's narrow set (content scripts, enabled CRM sites only).
    ...createPageCommandHandlers(session, pageOptions),
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
    'agent.setState': ({ operationName, params }) =>
      session.perform(requireText(operationName, 'A state'), undefined, async (rest) => {
        await rest.setAgentState(operationName, params ?? {});
      }),
    'device.doNotDisturb': ({ on }) =>
      session.perform(on ? 'DoNotDisturbOn' : 'DoNotDisturbOff', undefined, async (rest, state) => {
        const device = dialDeviceId(state);
        await (on ? rest.doNotDisturbOn(device) : rest.doNotDisturbOff(device));
      }),
    'device.forward': ({ destination }) =>
      session.perform(
        destination ? 'ForwardCallsOn' : 'ForwardCallsOff',
        undefined,
        async (rest, state) => {
          const device = dialDeviceId(state);
          await (destination
            ? rest.forwardCallsOn(device, destination)
            : rest.forwardCallsOff(device));
        },
      ),
    'call.dial': ({ phoneNumber, userData }) =>
      session.perform('Dial', undefined, async (rest, state) => {
        const number = requireText(phoneNumber, 'A number');
        await rest.dial(dialDeviceId(state), number, userData ? { userData } : {});
      }),
    'call.operation': ({ callId, operation, params }) => {
      // Checked once, here, where the view's message comes in.
      const request = readCallOperation('popup', operation, params);
      const id = requireText(callId, 'A call');
      return session.perform(request.operation, id, (rest, state) =>
        runCallOperation(rest, state, id, request),
      );
    },
    'diagnostics.export': () => session.diagnostics.dump(),
  };
}
