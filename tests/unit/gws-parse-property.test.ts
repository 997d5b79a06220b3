import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNotification, parseUserSnapshot } from '../../lib/gws/parse.ts';
import type { GwsEvent, UnrecognisedMessage } from '../../lib/gws/types.ts';
import { loadFixture, notificationFixtureNames } from '../fixtures/gws/load.ts';

const KINDS = new Set(['call', 'device', 'channel', 'error', 'password', 'unrecognised']);

/** What every parse result must satisfy, whatever the input. */
function assertWellFormed(result: GwsEvent | UnrecognisedMessage): void {
  expect(KINDS.has(result.kind)).toBe(true);
  const json = JSON.stringify(result);
  expect(typeof json).toBe('string');
  if (result.kind === 'call') {
    const call = result.call;
    expect(typeof call.id).toBe('string');
    expect(call.id.trim()).not.toBe('');
    expect(typeof call.state).toBe('string');
    expect(typeof call.callType).toBe('string');
    expect(call.capabilities.every((c) => typeof c === 'string')).toBe(true);
    expect(
      call.participants.every(
        (p) => typeof p.phoneNumber === 'string' && p.phoneNumber.trim() !== '',
      ),
    ).toBe(true);
    if (call.duration !== undefined)
      expect(Number.isFinite(call.duration) && call.duration >= 0).toBe(true);
    expect(Object.getPrototypeOf(call.userData)).toBe(Object.prototype);
  }
  if (result.kind === 'device')
    expect(result.devices.every((d) => typeof d.id === 'string' && d.id !== '')).toBe(true);
  if (result.kind === 'channel')
    expect(result.channels.every((c) => typeof c.channel === 'string')).toBe(true);
  if (result.kind === 'unrecognised') expect(typeof result.reason).toBe('string');
}

const fixtures = notificationFixtureNames().map((name) => loadFixture(name));

type Path = Array<string | number>;

/** Every (container, key) location in a JSON value, root first. */
function locations(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...path, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      locations(v, p, out);
    }
  }
  return out;
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cur: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>) : undefined;
}

const ENUM_NOISE = [
  'Completed',
  'Unknown',
  'Talking',
  'CallRecovered',
  'Ringing',
  'Released',
  'StatusChange',
  '',
  'ErrorMessage',
  'CallStateChangeMessage',
  'DeviceStateChangeMessage',
  'ChannelStateChangeMessageV2',
  'PasswordChangeError',
  '__proto__',
];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('rename' as const),
    at: fc.nat(),
    name: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'id', 'data', 'call')),
  }),
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
  }),
  fc.record({
    op: fc.constant('enum' as const),
    at: fc.nat(),
    value: fc.constantFrom(...ENUM_NOISE),
  }),
  fc.record({ op: fc.constant('null' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), inArray: fc.boolean() }),
  fc.record({ op: fc.constant('swapType' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(root: unknown, m: Mutation): void {
  const all = locations(root);
  if (all.length === 0) return;
  const path = all[m.at % all.length] as Path;
  const container = containerAt(root, path);
  const key = path[path.length - 1] as string | number;
  if (!container) return;
  const current = container[key];
  switch (m.op) {
    case 'drop':
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      break;
    case 'rename':
      if (!Array.isArray(container)) {
        delete container[key];
        Object.defineProperty(container, m.name, {
          value: current,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      break;
    case 'set':
    case 'enum':
      container[key] = m.value;
      break;
    case 'null':
      container[key] = null;
      break;
    case 'wrap':
      container[key] = m.inArray ? [current] : { value: current };
      break;
    case 'swapType':
      container[key] =
        typeof current === 'string'
          ? Number(current) || current.length
          : typeof current === 'number'
            ? String(current)
            : typeof current === 'boolean'
              ? String(current)
              : Array.isArray(current)
                ? Object.assign({}, current)
                : current && typeof current === 'object'
                  ? Object.values(current)
                  : 'x';
      break;
  }
}

describe('parseNotification properties', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withBigInt: true,
          withMap: true,
          withSet: true,
        }),
        (input) => {
          assertWellFormed(parseNotification(input));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary envelopes with a known messageType', () => {
    const data = fc.record(
      {
        messageType: fc.constantFrom(
          'CallStateChangeMessage',
          'DeviceStateChangeMessage',
          'ChannelStateChangeMessageV2',
          'ErrorMessage',
        ),
        notificationType: fc.oneof(
          fc.string(),
          fc.constantFrom('StatusChange', 'PasswordChangeError'),
        ),
        call: fc.anything({ maxDepth: 3 }),
        devices: fc.array(fc.anything({ maxDepth: 2 })),
        channels: fc.anything({ maxDepth: 3 }),
        phoneNumber: fc.anything({ maxDepth: 1 }),
        extensions: fc.dictionary(fc.string(), fc.anything({ maxDepth: 1 })),
      },
      { requiredKeys: ['messageType'] },
    );
    fc.assert(
      fc.property(fc.record({ channel: fc.string(), data }), (message) =>
        assertWellFormed(parseNotification(message)),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated real messages, and still recognises most of them', () => {
    let recognised = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          const message = structuredClone(fixtures[index]);
          for (const m of mutations) mutate(message, m);
          const result = parseNotification(message);
          assertWellFormed(result);
          runs++;
          if (result.kind !== 'unrecognised') recognised++;
        },
      ),
      { numRuns: 4000 },
    );
    // Mutations mostly hit leaves (participants, userData…), which a tolerant parser survives.
    expect(recognised / runs).toBeGreaterThan(0.5);
  });

  it('gives the same result for any key order', () => {
    const shuffle = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => shuffle(v, seed + i));
      if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        const rotated = entries.map(
          (_, i) => entries[(i + seed) % entries.length] as [string, unknown],
        );
        return Object.fromEntries(rotated.map(([k, v]) => [k, shuffle(v, seed * 7 + 1)]));
      }
      return value;
    };
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.nat(), (index, seed) => {
        const message = fixtures[index];
        expect(parseNotification(shuffle(message, seed))).toEqual(parseNotification(message));
      }),
      { numRuns: 500 },
    );
  });

  it('parseUserSnapshot never throws on mutated snapshots', () => {
    const base = loadFixture('me-subresources');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const body = structuredClone(base);
        for (const m of mutations) mutate(body, m);
        const result = parseUserSnapshot(body);
        expect(typeof result.ok).toBe('boolean');
        expect(() => JSON.stringify(result)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
