/**
 * Shared setup for the popup and component tests (not a test file itself).
 *
 * - i18n: fakeBrowser leaves `i18n.getMessage` unimplemented, so `useCatalogue` installs one
 *   with Chrome's semantics over the real `public/_locales/<lang>/messages.json`.
 * - State: built with the real store (`reduce`) from the GWS fixtures through the real
 *   parser, never hand-written.
 * - Commands: fake-browser's `runtime.sendMessage` cannot carry a Promise-returning listener,
 *   so the popup root gets an injected sender that records each intent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import { parseNotification, parseUserSnapshot } from '@/lib/gws/parse';
import type { CallEvent, GwsEvent } from '@/lib/gws/types';
import { initialCallsState, reduce, type CallsState, type StoreAction } from '@/lib/calls';
import type { ViewState } from '@/lib/messaging/view-state';
import type { CommandName, CommandRequest } from '@/lib/messaging/protocol';
import { CommandError } from '@/lib/messaging/errors';
import type { SerializedError } from '@/lib/errors/serialized-error';
import type { CommandSender } from '@/lib/ui/commands';
import { App, type AppProps } from '@/entrypoints/popup/App';
import { loadFixture } from '../fixtures/gws/load.ts';

export const T0 = 1_764_000_000_000;

// ---------------------------------------------------------------------------------------------
// i18n
// ---------------------------------------------------------------------------------------------

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export function readCatalogue(lang: string): Catalogue {
  const file = join(import.meta.dirname, '../../public/_locales', lang, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/** chrome.i18n.getMessage: named placeholders, then $1…$9 from the substitutions, `$$` → `$`. */
export function getMessageFrom(catalogue: Catalogue) {
  return (name: string, substitutions?: string | Array<string | number>): string => {
    const entry = catalogue[name];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat().map(String);
    const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => {
      const placeholders = entry.placeholders ?? {};
      const found = Object.entries(placeholders).find(
        ([k]) => k.toLowerCase() === key.toLowerCase(),
      );
      return found ? found[1].content : whole;
    });
    return expanded.replace(/\$(\$|[1-9])/g, (_, d: string) =>
      d === '$' ? '$' : (subs[Number(d) - 1] ?? ''),
    );
  };
}

export function useCatalogue(lang = 'en'): Catalogue {
  const catalogue = readCatalogue(lang);
  fakeBrowser.i18n.getMessage = vi.fn(
    getMessageFrom(catalogue),
  ) as unknown as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = vi.fn(() => lang);
  return catalogue;
}

// ---------------------------------------------------------------------------------------------
// State from fixtures
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** A fixture message with its `data.call` changed by `patch` (ids, state, capabilities…). */
export function callMessage(name: string, patch: Json = {}): Json {
  const message = loadFixture<{ data: { call: Json } }>(name);
  const call = { ...message.data.call, ...patch };
  const id = call.id as string;
  call.callUuid = id;
  call.uri = `http://127.0.0.1:8090/api/v2/me/calls/${id}`;
  call.path = `/calls/${id}`;
  return { ...message, data: { ...message.data, call } } as Json;
}

export function parsed(message: unknown): GwsEvent {
  const event = parseNotification(message);
  if (event.kind === 'unrecognised') throw new Error(`fixture not recognised: ${event.reason}`);
  return event;
}

export function callEventFrom(name: string, patch: Json = {}): CallEvent {
  const event = parsed(callMessage(name, patch));
  if (event.kind !== 'call') throw new Error(`expected a call event, got ${event.kind}`);
  return event;
}

/** The signed-in agent of `me-subresources.json`, optionally with changed settings/devices. */
export function snapshotAction(
  patchUser: (user: Json) => void = () => {},
  keepCalls = false,
): StoreAction {
  const body = loadFixture<{ user: Json }>('me-subresources');
  if (!keepCalls) body.user.calls = [];
  patchUser(body.user);
  const result = parseUserSnapshot(body);
  if (!result.ok) throw new Error(result.reason);
  return { type: 'recovery', snapshot: result.value, takenAt: T0 };
}

export function eventAction(event: GwsEvent): StoreAction {
  return { type: 'event', event };
}

/** Applies actions with the real store, one second apart from T0. */
export function build(
  actions: StoreAction[],
  from: CallsState = initialCallsState(T0),
): CallsState {
  return actions.reduce((s, a, i) => reduce(s, a, T0 + i * 1000), from);
}

/** Connected and recovered (agent, device, state catalogue), then `actions`. */
export function signedIn(...actions: StoreAction[]): CallsState {
  return build([
    { type: 'connection', connection: { kind: 'connecting' } },
    snapshotAction(),
    { type: 'connection', connection: { kind: 'connected' } },
    ...actions,
  ]);
}

export function later(state: CallsState, action: StoreAction, ms = 1000): CallsState {
  return reduce(state, action, state.clock + ms);
}

/** Documented capability sets (gws-api.md §8). */
export const ESTABLISHED_CAPS = [
  'SingleStepTransfer',
  'InitiateConference',
  'Hold',
  'SingleStepConference',
  'InitiateTransfer',
  'SendDtmf',
  'DeleteUserData',
  'AttachUserData',
  'DeleteUserDataPair',
  'Hangup',
  'UpdateUserData',
];
export const HELD_DURING_TRANSFER_CAPS = [
  'UpdateUserData',
  'SwapCalls',
  'InitiateConference',
  'SingleStepTransfer',
  'InitiateTransfer',
  'AttachUserData',
  'DeleteUserDataPair',
  'SingleStepConference',
  'DeleteUserData',
  'Hangup',
  'CompleteTransfer',
];

export const RINGING_ID = 'NR0O3ITJ5P0TP0HCUNKM9PPH4K00000D';
export const MAIN_ID = '01RCC3N118B1V0SL8O7GK2LAES00000O';
export const CONSULT_ID = '01RCC3N118B1V0SL8O7GK2LAES00000P';

/** The inbound call of the fixtures, answered. */
export function establishedCall(patch: Json = {}): CallEvent {
  return callEventFrom('call-ringing-inbound', {
    state: 'Established',
    capabilities: ESTABLISHED_CAPS,
    ...patch,
  });
}

/** A two-step transfer in progress: the original held, the consult call dialling (§4.5). */
export function consultPair(): StoreAction[] {
  return [
    eventAction(establishedCall({ id: MAIN_ID })),
    eventAction(
      callEventFrom('call-ringing-inbound', {
        id: MAIN_ID,
        state: 'Held',
        capabilities: HELD_DURING_TRANSFER_CAPS,
      }),
    ),
    eventAction(parsed(loadFixture('call-consult-dialing'))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Rendering the popup
// ---------------------------------------------------------------------------------------------

export interface SentCommand {
  command: CommandName;
  payload: unknown;
}

export interface PopupHarness {
  sent: SentCommand[];
  /** Pushes a state as the background would. */
  push(state: CallsState, extra?: Omit<ViewState, 'calls'>): void;
  /** Makes the next command of this name fail with this error. */
  failNext(command: CommandName, error: SerializedError): void;
  /** Holds the answer to the next command of this name until the returned function is called. */
  holdNext(command: CommandName): () => void;
  /** Moves the popup's clock. */
  setNow(now: number): void;
  /** Server URLs the popup asked the browser for access to. */
  accessRequests: string[];
  /** The browser's answer to the next access requests (default: granted). */
  grantAccess(granted: boolean): void;
  unmount(): void;
  container: HTMLElement;
}

export function renderPopup(
  initial?: CallsState,
  extra: Omit<ViewState, 'calls'> = {},
  props: Pick<AppProps, 'partyNaming' | 'dialRules'> = {},
): PopupHarness {
  const sent: SentCommand[] = [];
  const failures = new Map<CommandName, SerializedError>();
  const holds = new Map<CommandName, Promise<void>>();
  let listener: ((state: ViewState) => void) | undefined;
  let now = initial?.clock ?? T0;
  const accessRequests: string[] = [];
  let accessGranted = true;
  const requestAccess = async (serverUrl: string) => {
    accessRequests.push(serverUrl);
    return accessGranted;
  };
  const send = (async (command: CommandName, ...payload: [CommandRequest<CommandName>?]) => {
    sent.push({ command, payload: payload[0] });
    const hold = holds.get(command);
    if (hold) {
      holds.delete(command);
      await hold;
    }
    const failure = failures.get(command);
    if (failure) {
      failures.delete(command);
      throw new CommandError(failure);
    }
    return undefined;
  }) as CommandSender;
  const source = (onState: (state: ViewState) => void) => {
    listener = onState;
    if (initial) onState({ ...extra, calls: initial });
    return () => (listener = undefined);
  };
  const result = render(
    <App
      send={send}
      source={source}
      clock={() => now}
      requestAccess={requestAccess}
      // No dial plan unless a test gives one (the real loader reads managed storage).
      dialRules={async () => []}
      {...props}
    />,
  );
  return {
    sent,
    accessRequests,
    grantAccess(granted) {
      accessGranted = granted;
    },
    push(state, more = extra) {
      void act(() => listener?.({ ...more, calls: state }));
    },
    failNext(command, error) {
      failures.set(command, error);
    },
    holdNext(command) {
      let release = () => {};
      holds.set(command, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    setNow(value) {
      now = value;
    },
    unmount: result.unmount,
    container: result.container as HTMLElement,
  };
}

/** Lets pending promise callbacks (command answers, storage reads) run. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
