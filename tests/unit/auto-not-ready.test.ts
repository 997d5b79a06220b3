import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  awayCause,
  decideAway,
  notReadyOperation,
  type AwayFacts,
  type AwaySettings,
} from '../../lib/auto-not-ready/decide.ts';
import { decodeAwayRecord } from '../../lib/auto-not-ready/away-record.ts';
import {
  AWAY_DEFAULTS,
  awaySettings,
  loadAwaySettingsInForce,
  normalizeAwaySettings,
} from '../../lib/settings/away-settings.ts';
import { loadDialRulesInForce, dialPlanSettings } from '../../lib/settings/dial-plan-settings.ts';
import { blankRule } from '../../lib/dial-plan/types.ts';
import type { AgentStateDefinition, UserState } from '../../lib/gws/types.ts';

const both: AwaySettings = { notReadyOnLock: true, notReadyOnIdle: true, notReadyState: '' };
const us = (patch: Omit<UserState, 'extra'>): UserState => ({ extra: {}, ...patch });
const ready = us({ state: 'Ready', displayName: 'Ready' });
const facts = (patch: Partial<AwayFacts>): AwayFacts => ({
  idle: 'locked',
  settings: both,
  connected: true,
  userState: ready,
  onCall: false,
  appliedThisPeriod: false,
  ...patch,
});

describe('automatic Not Ready: when', () => {
  it('off by default: nothing is ever decided', () => {
    const off = { ...AWAY_DEFAULTS };
    for (const idle of ['active', 'idle', 'locked'] as const)
      expect(decideAway(facts({ idle, settings: off }))).toEqual({ kind: 'none' });
  });

  it('locked and idle each by their own setting; a lock counts as idle too', () => {
    const lockOnly = { ...both, notReadyOnIdle: false };
    const idleOnly = { ...both, notReadyOnLock: false };
    expect(awayCause('locked', lockOnly)).toBe('locked');
    expect(awayCause('idle', lockOnly)).toBeUndefined();
    expect(awayCause('idle', idleOnly)).toBe('idle');
    expect(awayCause('locked', idleOnly)).toBe('locked');
    expect(awayCause('active', both)).toBeUndefined();
  });

  it('a Ready agent who locks the workstation is made Not Ready', () => {
    expect(decideAway(facts({}))).toEqual({ kind: 'not-ready', cause: 'locked' });
    expect(decideAway(facts({ idle: 'idle' }))).toEqual({ kind: 'not-ready', cause: 'idle' });
  });

  it('never back to Ready: coming back decides nothing, whatever the state', () => {
    for (const state of ['Ready', 'NotReady'] as const)
      expect(decideAway(facts({ idle: 'active', userState: us({ state }) }))).toEqual({
        kind: 'none',
      });
  });

  it('during a live call it waits; once the call is over it applies', () => {
    expect(decideAway(facts({ onCall: true }))).toEqual({ kind: 'wait-for-call', cause: 'locked' });
    expect(decideAway(facts({ onCall: false }))).toEqual({ kind: 'not-ready', cause: 'locked' });
  });

  it('leaves Not Ready, After Call Work and custom states alone, and acts once per away period', () => {
    expect(decideAway(facts({ userState: us({ state: 'NotReady' }) }))).toEqual({ kind: 'none' });
    expect(
      decideAway(facts({ userState: us({ state: 'NotReady', workMode: 'AfterCallWork' }) })),
    ).toEqual({ kind: 'none' });
    expect(decideAway(facts({ appliedThisPeriod: true }))).toEqual({ kind: 'none' });
    expect(decideAway(facts({ connected: false }))).toEqual({ kind: 'none' });
    expect(decideAway(facts({ userState: undefined }))).toEqual({ kind: 'none' });
  });
});

describe('automatic Not Ready: which state', () => {
  const catalogue: AgentStateDefinition[] = [
    { operationName: 'Ready', displayName: 'Ready', state: 'Ready' },
    { operationName: 'NotReady', displayName: 'Not Ready', state: 'NotReady' },
    {
      operationName: 'Meeting',
      displayName: 'Meeting',
      state: 'NotReady',
      reason: 'Meeting',
      reasonCode: '3',
    },
  ];

  it('plain Not Ready by default; a reason by operationName, reason or reason code', () => {
    expect(notReadyOperation('', catalogue)).toEqual({ operationName: 'NotReady' });
    expect(notReadyOperation('Meeting', catalogue)).toEqual({ operationName: 'Meeting' });
    expect(notReadyOperation(' 3 ', catalogue)).toEqual({ operationName: 'Meeting' });
  });

  it('a reason the agent does not have falls back to plain Not Ready and says so; Ready is never it', () => {
    expect(notReadyOperation('Lunch', catalogue)).toEqual({
      operationName: 'NotReady',
      missing: 'Lunch',
    });
    expect(notReadyOperation('Ready', catalogue)).toEqual({
      operationName: 'NotReady',
      missing: 'Ready',
    });
  });
});

describe('automatic Not Ready: stored values', () => {
  it('idle minutes are kept to 1–240 whole minutes', () => {
    expect(normalizeAwaySettings({ idleMinutes: 0 }, AWAY_DEFAULTS).idleMinutes).toBe(1);
    expect(normalizeAwaySettings({ idleMinutes: 9999 }, AWAY_DEFAULTS).idleMinutes).toBe(240);
    expect(normalizeAwaySettings({ idleMinutes: 'ten' }, AWAY_DEFAULTS).idleMinutes).toBe(5);
  });

  it('the popup reads only a well-formed record', () => {
    expect(decodeAwayRecord({ cause: 'locked', at: 5 })).toEqual({ cause: 'locked', at: 5 });
    expect(decodeAwayRecord({ cause: 'asleep', at: 5 })).toBeUndefined();
    expect(decodeAwayRecord('locked')).toBeUndefined();
  });
});

describe('settings in force: policy through the one reader', () => {
  beforeEach(() => fakeBrowser.reset());

  it('away settings set by policy win, field by field', async () => {
    await awaySettings.set({ ...AWAY_DEFAULTS, notReadyOnIdle: true, idleMinutes: 7 });
    await fakeBrowser.storage.managed.set({ notReadyOnLock: true, idleMinutes: 2 });
    expect(await loadAwaySettingsInForce()).toEqual({
      notReadyOnLock: true,
      notReadyOnIdle: true,
      idleMinutes: 2,
      notReadyState: '',
    });
  });

  it("dial-plan rules set by policy replace the agent's own, even with none", async () => {
    await dialPlanSettings.set({ rules: [blankRule('Mine')] });
    expect((await loadDialRulesInForce()).map((r) => r.name)).toEqual(['Mine']);
    await fakeBrowser.storage.managed.set({ dialPlanRules: [] });
    expect(await loadDialRulesInForce()).toEqual([]);
  });
});
