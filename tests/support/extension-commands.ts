import type { ViewState } from '../../lib/messaging/view-state.ts';
import type { CommandReply } from '../../lib/messaging/protocol.ts';
import { waitFor } from './wait-for.ts';
import type { SimControl } from './sim.ts';

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
    local: { get(key: null): Promise<Record<string, unknown>> };
  };
}

/**
 * Runs inside an extension page (pass it to `page.evaluate`): Firefox has `browser`, Chromium
 * `chrome`. Self-contained, because evaluate() sends its source text to the page.
 */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('not an extension page');
  return api.runtime.sendMessage(message);
}

/** Runs inside an extension page: one value of `storage.session`. */
export async function readSessionStorage(key: string): Promise<unknown> {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('not an extension page');
  return (await api.storage.session.get(key))[key];
}

/**
 * Sends the background the same runtime messages the popup sends, through `send` (an
 * extension page evaluating `sendRuntimeMessage`), and reads the view state back.
 */
export function extensionCommands(send: (message: unknown) => Promise<unknown>) {
  const command = async <T = unknown>(name: string, payload?: unknown): Promise<T> => {
    const reply = (await send({ channel: 'gws-cti', command: name, payload })) as CommandReply<T>;
    if (!reply.ok) throw new Error(`${name}: ${reply.error.name}: ${reply.error.message}`);
    return reply.value;
  };
  const view = () => command<ViewState>('session.getState');
  return {
    command,
    view,
    until: (predicate: (v: ViewState) => boolean, message: string, timeoutMs = 8_000) =>
      waitFor(
        async () => {
          const v = await view();
          return predicate(v) ? v : undefined;
        },
        { timeoutMs, message },
      ),
    callOp: (callId: string, operation: string, params?: unknown) =>
      command('call.operation', { callId, operation, params }),
    login: (serverUrl: string, username: string, password = 'password') =>
      command('session.login', { serverUrl, username, password, remember: false }),
  };
}

/** Runs inside an extension page: drops one value of `storage.session` (what a browser restart does). */
export async function removeSessionStorage(key: string): Promise<void> {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('not an extension page');
  await api.storage.session.remove(key);
}

/** Runs inside an extension page: everything in `storage.local`, as JSON text. */
export async function dumpLocalStorage(): Promise<string> {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('not an extension page');
  return JSON.stringify(await api.storage.local.get(null));
}

/**
 * The agent's everyday path, driven through the background: an inbound call rings, is
 * answered, held, retrieved and transferred in one step to `transferTo` (a DN). Resolves once
 * the call is gone from the agent's view; the caller checks what the simulator received.
 */
export async function inboundCallToTransfer(
  commands: ReturnType<typeof extensionCommands>,
  control: SimControl,
  transferTo: string,
): Promise<string> {
  const { until, callOp } = commands;
  const { callId } = await control.call({
    to: 'agent1',
    from: '+14155550132',
    userData: { Ticket: 'T-1001' },
  });
  await until(
    (v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Ringing'),
    'ringing',
  );
  await callOp(callId, 'Answer');
  await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
  await callOp(callId, 'Hold');
  await until((v) => v.calls.calls[0]?.call.state === 'Held', 'held');
  await callOp(callId, 'Retrieve');
  await until((v) => v.calls.calls[0]?.call.state === 'Established', 'retrieved');
  await callOp(callId, 'SingleStepTransfer', { destination: transferTo });
  await until((v) => v.calls.calls.length === 0, 'released');
  return callId;
}
