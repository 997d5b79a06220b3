/**
 * What cometd-nodejs-server does not check before it uses a message: a non-string `channel`,
 * `subscription` or `clientId`, or a non-object `advice`/`ext`, make it throw and answer HTTP
 * 500. Java CometD (GWS) answers such a message with an error reply instead; these are its
 * wordings (`400::channel_missing`, `403::subscription_invalid` from BayeuxServerImpl).
 */
import type { BayeuxMessage } from './bayeux-types.ts';

export interface Refusal {
  channel?: string;
  id?: unknown;
  successful: false;
  error: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validSubscription(v: unknown): boolean {
  const list = Array.isArray(v) ? (v as unknown[]) : [v];
  return list.length > 0 && list.every((s) => typeof s === 'string' && s.startsWith('/'));
}

/** The error a message gets instead of being handled, or undefined when it is well formed. */
function refusal(m: unknown): Refusal | undefined {
  if (!isObject(m)) return { successful: false, error: '400::message_invalid' };
  const channel = m.channel;
  const base = { id: m.id, successful: false as const };
  if (typeof channel !== 'string' || !channel.startsWith('/'))
    return { ...base, error: '400::channel_missing' };
  const reply = { ...base, channel };
  if (m.clientId !== undefined && typeof m.clientId !== 'string')
    return { ...reply, error: '402::session_unknown' };
  for (const key of ['advice', 'ext'] as const) {
    if (m[key] !== undefined && !isObject(m[key]))
      return { ...reply, error: '400::message_invalid' };
  }
  if (
    (channel === '/meta/subscribe' || channel === '/meta/unsubscribe') &&
    m.subscription !== undefined &&
    !validSubscription(m.subscription)
  )
    return { ...reply, error: '403::subscription_invalid' };
  return undefined;
}

/**
 * Splits a batch. When any message is malformed the batch is answered with the refusals of its
 * malformed messages and nothing else of it is handled: a client that sends them is broken, and
 * handling half a batch would leave it in a state it cannot know.
 */
export function checkBatch(
  messages: unknown,
): { ok: BayeuxMessage[]; refused?: never } | { refused: Refusal[]; ok?: never } {
  const list = Array.isArray(messages) ? (messages as unknown[]) : [messages];
  const refused = list.map(refusal).filter((r): r is Refusal => r !== undefined);
  return refused.length > 0 ? { refused } : { ok: list as BayeuxMessage[] };
}
