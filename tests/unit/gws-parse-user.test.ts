import { describe, expect, it } from 'vitest';
import { parseUser, parseUserSnapshot, SYSTEM_AGENT_STATES } from '../../lib/gws/parse.ts';
import type { UserSnapshot } from '../../lib/gws/types.ts';
import { loadFixture } from '../fixtures/gws/load.ts';

function ok(body: unknown): UserSnapshot {
  const result = parseUserSnapshot(body);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('parseUserSnapshot (GET /api/v2/me?subresources=*)', () => {
  it('reads user, devices, calls, channels, skills, features and settings', () => {
    const raw = loadFixture<{ user: Record<string, unknown> }>('me-subresources');
    const snap = ok(raw);
    expect(snap.user).toMatchObject({
      id: raw.user.id,
      userName: 'agent1',
      firstName: 'Ann',
      roles: ['ROLE_AGENT'],
      enabled: true,
    });
    expect(snap.user.features).toEqual(['api-voice']);
    expect(snap.user.skills).toEqual([{ name: 'Billing', level: 5 }]);
    expect(snap.devices.map((d) => [d.id, d.userState?.state, d.channels])).toEqual([
      ['bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d', 'NotReady', ['voice']],
    ]);
    expect(snap.calls.map((c) => [c.id, c.state, c.duration])).toEqual([
      ['NR0O3ITJ5P0TP0HCUNKM9PPH4K00000D', 'Ringing', 4],
    ]);
    expect(snap.channels.map((c) => c.channel)).toEqual(['voice']);
    expect(snap.present).toEqual({ calls: true, devices: true, channels: true });
    expect(snap.settings).toHaveProperty('general');
    expect(snap.warnings).toEqual([]);
    expect(parseUser).toBe(parseUserSnapshot);
  });

  it('builds the agent-state catalogue: system states first, then custom ones from settings', () => {
    const snap = ok(loadFixture('me-subresources'));
    expect(snap.agentStates.slice(0, 4)).toEqual(SYSTEM_AGENT_STATES);
    expect(snap.agentStates.slice(4)).toEqual([
      {
        operationName: 'OutToLunch',
        displayName: 'Out to Lunch',
        state: 'NotReady',
        workMode: 'AuxWork',
        reason: 'Lunch',
      },
      // Settings values are often strings; a JSON string entry is read as JSON.
      {
        operationName: 'Meeting',
        displayName: 'In a meeting',
        state: 'NotReady',
        reason: 'MTG',
        reasonCode: 'MTG',
      },
    ]);
  });

  it.each([
    [
      'an array under agent-states',
      { 'agent-states': [{ operationName: 'Break', displayName: 'Break', state: 'NotReady' }] },
    ],
    ['a wrapper object', { AgentStates: { states: [{ name: 'Break', state: 'NotReady' }] } }],
    ['a name → label map', { agent_states: { Break: 'Break' } }],
    ['a JSON string section', { 'agent-states': JSON.stringify([{ operation: 'Break' }]) }],
  ])('reads custom states given as %s', (_label, settings) => {
    const snap = ok({ statusCode: 0, user: { id: 'u', settings } });
    expect(snap.agentStates.map((s) => s.operationName)).toEqual([
      ...SYSTEM_AGENT_STATES.map((s) => s.operationName),
      'Break',
    ]);
  });

  it('reads a user-level agentStates list and ignores duplicates and junk', () => {
    const snap = ok({
      statusCode: 0,
      user: {
        id: 'u',
        agentStates: [
          { operationName: 'Ready', displayName: 'Shadow' },
          null,
          3,
          { displayName: 'no op' },
          { operationName: 'Coffee' },
        ],
        settings: { 'agent-states': { Coffee: { displayName: 'dup' }, __proto__: { x: 1 } } },
      },
    });
    expect(snap.agentStates.slice(4)).toEqual([{ operationName: 'Coffee', displayName: 'Coffee' }]);
    expect(snap.agentStates[0]?.displayName).toBe('Ready');
  });

  it('fails on error envelopes and bodies without a user', () => {
    expect(parseUserSnapshot({ statusCode: 20, statusMessage: 'Access denied' })).toEqual({
      ok: false,
      reason: 'statusCode 20 Access denied',
    });
    expect(parseUserSnapshot({ statusCode: 0 }).ok).toBe(false);
    for (const body of [null, 'x', [], 7]) expect(parseUserSnapshot(body).ok).toBe(false);
  });

  it('accepts the bare user object and says which collections were present', () => {
    const snap = ok({ id: 'u', userName: 'agent1', devices: [] });
    expect(snap.present).toEqual({ calls: false, devices: true, channels: false });
    expect(snap.calls).toEqual([]);
  });

  it('skips unreadable list members with a warning (URIs-only lists, missing ids)', () => {
    const snap = ok({
      statusCode: 0,
      user: {
        id: 'u',
        calls: ['http://h/api/v2/me/calls/A', { state: 'Ringing' }, { id: 'B', state: 'Held' }],
        devices: 'oops',
        channels: [{}],
      },
    });
    expect(snap.calls.map((c) => c.id)).toEqual(['B']);
    expect(snap.devices).toEqual([]);
    expect(snap.present.devices).toBe(false);
    expect(snap.warnings).toHaveLength(3);
  });

  it('never throws on hostile bodies', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('x');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('x');
        },
      },
    );
    expect(parseUserSnapshot(trap).ok).toBe(false);
    const cyclic: Record<string, unknown> = { id: 'u', userName: 'a' };
    cyclic.settings = { 'agent-states': cyclic };
    expect(() => JSON.stringify(ok(cyclic))).not.toThrow();
  });
});
