/**
 * Where directory entries come from: favourites and speed dials (options or policy, one
 * check), the user list GWS answers (read loosely), recent destinations (bounded, per agent),
 * and the names they give to internal parties.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAdminEntries } from '../../lib/directory/admin-entries.ts';
import { parseManagedPolicy } from '../../lib/settings/managed-policy.ts';
import {
  directoryInForce,
  directorySettings,
  DIRECTORY_DEFAULTS,
} from '../../lib/directory/directory-settings.ts';
import { policyView } from '../../lib/settings/policy-view.ts';
import { readUserList } from '../../lib/directory/parse-users.ts';
import {
  addRecent,
  clearRecent,
  decodeRecentBook,
  MAX_RECENT_AGENTS,
  MAX_RECENT_DESTINATIONS,
  recentOf,
} from '../../lib/directory/recent-destinations.ts';
import { directoryEntries, directoryNameResolver } from '../../lib/directory/entries.ts';
import { otherParty } from '../../lib/calls/other-party.ts';
import { readAgentDirectory } from '../../lib/directory/agent-directory.ts';

const API = 'http://gws.example/api/v2';

describe('favourites and speed dials', () => {
  it('keeps good entries and says what is wrong with each refused one, field by field', () => {
    const read = readAdminEntries(
      [
        { name: ' Billing  queue ', number: '5000', kind: 'queue', code: '1' },
        { name: '', number: '5001' },
        { name: 'Ghost', number: 'call mum', code: '1' },
        { name: 'Same code', number: '5002', code: '1' },
        { name: 'Long code', number: '5003', code: '12345' },
        { name: 'Weird kind', number: '5004', kind: 'robot', code: '7' },
        'not an entry',
      ],
      'directorySpeedDials',
      true,
    );
    expect(read.entries).toEqual([
      { name: 'Billing queue', number: '5000', kind: 'queue', code: '1' },
    ]);
    expect(read.problems.map((p) => [p.path, p.words?.key])).toEqual([
      ['directorySpeedDials[1].name', 'directoryProblemName'],
      ['directorySpeedDials[1].code', 'directoryProblemCode'],
      ['directorySpeedDials[2].number', 'directoryProblemNumber'],
      ['directorySpeedDials[2].code', 'directoryProblemCodeTaken'],
      ['directorySpeedDials[3].code', 'directoryProblemCodeTaken'],
      ['directorySpeedDials[4].code', 'directoryProblemCode'],
      ['directorySpeedDials[5].kind', 'directoryProblemKind'],
      ['directorySpeedDials[6]', 'directoryProblemEntry'],
    ]);
    expect(read.problems[2]!.message).toContain('"call mum" is not a number');
  });

  it('favourites need no code; the kind defaults to other', () => {
    expect(readAdminEntries([{ name: 'Desk', number: '+44 20 7183 8750' }], 'f', false)).toEqual({
      entries: [{ name: 'Desk', number: '+44 20 7183 8750', kind: 'other' }],
      problems: [],
    });
  });

  it('policy lists go through the one policy reader and replace the agent’s own', () => {
    const policy = parseManagedPolicy({
      directoryFavourites: [{ name: 'Support', number: '5100', kind: 'routing-point' }, 3],
      directorySpeedDials: 'nonsense',
    });
    expect(policy.directoryFavourites).toEqual([
      { name: 'Support', number: '5100', kind: 'routing-point' },
    ]);
    // A broken list still replaces (as none): never the list the policy meant to replace.
    expect(policy.directorySpeedDials).toEqual([]);
    expect(policy.problems.map((p) => [p.key, p.path])).toEqual([
      ['directoryFavourites', 'directoryFavourites[1]'],
      ['directorySpeedDials', 'directorySpeedDials'],
    ]);
    const own = {
      favourites: [{ name: 'Mine', number: '5200', kind: 'other' as const }],
      speedDials: [{ name: 'Fast', number: '5300', kind: 'other' as const, code: '2' }],
    };
    expect(directoryInForce(own, policyView(policy))).toEqual({
      favourites: policy.directoryFavourites,
      speedDials: [],
    });
    expect(directoryInForce(own, policyView(parseManagedPolicy({})))).toEqual(own);
  });

  describe('stored', () => {
    beforeEach(() => fakeBrowser.reset());
    it('drops what the check refuses when read back', async () => {
      await fakeBrowser.storage.local.set({
        directorySettings: {
          version: 1,
          value: { favourites: [{ name: 'Ok', number: '5000' }, { name: 'Bad' }], speedDials: 4 },
        },
      });
      expect(await directorySettings.get()).toEqual({
        favourites: [{ name: 'Ok', number: '5000', kind: 'other' }],
        speedDials: [],
      });
    });
  });
});

describe('the user list GWS answers', () => {
  const body = {
    statusCode: 0,
    users: [
      {
        id: 'a1',
        userName: 'agent1',
        firstName: 'Anna',
        lastName: 'Kowalski',
        devices: [{ id: 'd1', deviceState: 'Active', phoneNumber: '7001' }],
      },
      {
        id: 'b2',
        userName: 'agent2',
        firstName: 'Ben',
        lastName: 'Okafor',
        devices: [
          { id: 'old', deviceState: 'Inactive', phoneNumber: '7992' },
          {
            id: 'd2',
            deviceState: 'Active',
            phoneNumber: '7002',
            uri: 'https://gws.example/api/v2/devices/d2',
            userState: { state: 'NotReady', displayName: 'Out to Lunch', reason: 'Lunch' },
          },
        ],
      },
      // No devices, only a voice channel with the DN and state (§6.5).
      {
        id: 'c3',
        userName: 'agent3',
        channels: [
          { channel: 'voice', phoneNumber: '7003', userState: { state: 'Ready' } },
          { channel: 'chat' },
        ],
      },
      // No name at all: not listed. A duplicate id: listed once.
      { id: 'x', devices: [] },
      { id: 'b2', userName: 'dup' },
      'garbage',
    ],
  };

  it('reads name, DN, device URIs and state loosely, without the signed-in user', () => {
    const { agents, listed } = readUserList(body, API, { userId: 'a1' });
    expect(listed).toBe(true);
    expect(agents).toEqual([
      {
        userId: 'c3',
        userName: 'agent3',
        name: 'agent3',
        dn: '7003',
        deviceUris: [],
        presence: { loggedIn: true, state: 'Ready' },
      },
      {
        userId: 'b2',
        userName: 'agent2',
        name: 'Ben Okafor',
        dn: '7002',
        deviceUri: 'https://gws.example/api/v2/devices/d2',
        deviceUris: [`https://gws.example/api/v2/devices/d2`, `${API}/devices/old`],
        presence: {
          loggedIn: true,
          state: 'NotReady',
          displayName: 'Out to Lunch',
          reason: 'Lunch',
        },
      },
    ]);
  });

  it('builds a device URI from the id where GWS sends none; no state is no state', () => {
    const { agents } = readUserList(body, API, { userName: 'agent2' });
    const anna = agents.find((a) => a.userId === 'a1');
    expect(anna?.deviceUri).toBe(`${API}/devices/d1`);
    expect(anna?.presence).toEqual({ loggedIn: true });
  });

  it('is not a list when GWS answers without one', () => {
    expect(readUserList({ statusCode: 0, uris: [] }, API)).toEqual({ agents: [], listed: false });
    expect(readUserList(null, API).listed).toBe(false);
  });

  it('survives the storage round trip the views read it through', () => {
    const { agents } = readUserList(body, API);
    const stored = { agent: 'agent1@x', status: 'ok', agents, fetchedAt: 5 };
    expect(readAgentDirectory(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(readAgentDirectory({ status: 'weird', agents: [{}] })).toEqual({
      agent: '',
      status: 'none',
      agents: [],
      fetchedAt: 0,
    });
  });
});

describe('recent destinations', () => {
  it('puts the latest first once, bounded per agent and per profile', () => {
    let book = decodeRecentBook(undefined);
    for (let i = 0; i < 15; i++)
      book = addRecent(book, 'agent1@s', { number: `70${i}`, use: 'dial', at: i });
    book = addRecent(book, 'agent1@s', { number: '7014', use: 'transfer', at: 99 });
    const recent = recentOf(book, 'agent1@s');
    expect(recent).toHaveLength(MAX_RECENT_DESTINATIONS);
    expect(recent[0]).toEqual({ number: '7014', use: 'transfer', at: 99 });
    expect(recent.filter((r) => r.number === '7014')).toHaveLength(1);
    for (let a = 0; a < MAX_RECENT_AGENTS + 3; a++)
      book = addRecent(book, `a${a}@s`, { number: '1', use: 'dial', at: 100 + a });
    expect(Object.keys(book.agents)).toHaveLength(MAX_RECENT_AGENTS);
    // The least recently active agent went first.
    expect(recentOf(book, 'agent1@s')).toEqual([]);
    expect(recentOf(clearRecent(book, 'a5@s'), 'a5@s')).toEqual([]);
  });

  it('reads back only what it can use', () => {
    const book = decodeRecentBook({
      agents: { x: { entries: [{ number: ' 7002 ', at: 1, use: 'bogus' }, { at: 2 }] } },
    });
    expect(recentOf(book, 'x')).toEqual([{ number: '7002', use: 'dial', at: 1 }]);
  });
});

describe('entries and names', () => {
  const agents = readUserList(
    {
      users: [
        {
          id: 'b2',
          firstName: 'Ben',
          lastName: 'Okafor',
          devices: [{ id: 'd2', deviceState: 'Active', phoneNumber: '7002' }],
        },
      ],
    },
    API,
  ).agents;
  const settings = {
    ...DIRECTORY_DEFAULTS,
    favourites: [{ name: 'Billing', number: '5000', kind: 'queue' as const }],
  };

  it('names a recent destination after the agent whose DN it is', () => {
    const entries = directoryEntries(
      settings,
      [
        { number: '7002', use: 'transfer', at: 1 },
        { number: '+15550100', use: 'dial', at: 0 },
      ],
      agents,
    );
    expect(entries.map((e) => [e.kind, e.name, e.number])).toEqual([
      ['favourite', 'Billing', '5000'],
      ['recent', 'Ben Okafor', '7002'],
      ['recent', '+15550100', '+15550100'],
      ['agent', 'Ben Okafor', '7002'],
    ]);
  });

  it('names an internal party by the agent’s DN, else a favourite', () => {
    const resolveName = directoryNameResolver(agents, settings);
    const internal = otherParty(
      { callType: 'Internal', ani: '7002', participants: [], userData: {} },
      { resolveName },
    );
    expect(internal.name).toBe('Ben Okafor');
    const queue = otherParty(
      { callType: 'Outbound', dnis: '5000', participants: [], userData: {} },
      { resolveName },
    );
    expect(queue.name).toBe('Billing');
    const stranger = otherParty(
      { callType: 'Inbound', ani: '+15550100', participants: [], userData: {} },
      { resolveName },
    );
    expect(stranger.name).toBeUndefined();
  });
});
