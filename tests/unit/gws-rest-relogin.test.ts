import { afterEach, describe, expect, it } from 'vitest';
import { GwsAuthError } from '../../lib/gws/errors.ts';
import { loggedInClient, startFakeGws, stopFakeServers } from './gws-rest-fake-server.ts';

afterEach(stopFakeServers);

describe('GwsRestClient re-login path', () => {
  it('re-logs in once on a CSRF 403 and retries the operation', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
    });
    fake.expireSessions();
    await client.callOperation('C1', 'Hold');
    expect(relogins).toBe(1);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v2/me/calls/C1',
      'GET /api/v2/me?subresources=*',
      'POST /api/v2/me/calls/C1',
    ]);
    expect(fake.requests[2]!.headers['x-csrf-token']).toBe('token-2');
  });

  it('re-logs in on statusCode 20 for reads too', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
    });
    fake.expireSessions();
    expect(await client.getCalls()).toEqual([]);
    expect(relogins).toBe(1);
  });

  it('shares one re-login between concurrent failures', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
    });
    fake.expireSessions();
    await Promise.all([
      client.callOperation('C1', 'Hold'),
      client.callOperation('C2', 'Answer'),
      client.getCalls(),
      client.callOperation('C3', 'Hangup'),
    ]);
    expect(relogins).toBe(1);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.headers.authorization)).toHaveLength(
      1,
    );
  });

  it('does not re-login again for a failure answered after a re-login already happened', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    let releaseSlow!: () => void;
    const loginDone = new Promise<void>((resolve) => (releaseSlow = resolve));
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
      releaseSlow();
    });
    fake.expireSessions();
    // The first C2 request is answered (403) only after the re-login for C1 completed.
    fake.override = async (req) => {
      const isFirstSlow =
        req.url === '/api/v2/me/calls/C2' &&
        fake.requests.filter((r) => r.url === '/api/v2/me/calls/C2').length === 1;
      if (isFirstSlow) {
        await loginDone;
        return { status: 403, body: 'Missing or invalid Csrf token' };
      }
      return undefined;
    };
    const slow = client.callOperation('C2', 'Answer');
    await client.callOperation('C1', 'Hold');
    await slow;
    expect(relogins).toBe(1);
  });

  it('lets the hook restore the contact-center session with its own requests', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    client.setReauthenticate(async () => {
      await client.login('agent1', 'pässword');
      await client.startContactCenterSession();
    });
    fake.expireSessions();
    await client.callOperation('C1', 'Hold');
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v2/me/calls/C1',
      'GET /api/v2/me?subresources=*',
      'POST /api/v2/me',
      'POST /api/v2/me/calls/C1',
    ]);
  });

  it('does not nest a re-login when a request of the hook itself fails (no deadlock)', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
      await client.startContactCenterSession();
    });
    fake.expireSessions();
    fake.override = (req) =>
      req.url === '/api/v2/me' ? { status: 403, body: 'Missing or invalid Csrf token' } : undefined;
    await expect(client.callOperation('C1', 'Hold')).rejects.toMatchObject({ kind: 'csrf' });
    expect(relogins).toBe(1);
  });

  it('propagates the auth error when the retry fails again', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
      await client.login('agent1', 'pässword');
    });
    fake.override = (req) =>
      req.method === 'POST' ? { status: 403, body: 'Missing or invalid Csrf token' } : undefined;
    const error = await client.callOperation('C1', 'Hold').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GwsAuthError);
    expect(error).toMatchObject({ kind: 'csrf' });
    expect(relogins).toBe(1);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('propagates the re-login failure itself', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    client.setReauthenticate(() =>
      client.login('agent1', 'changed-password').then(() => undefined),
    );
    fake.expireSessions();
    await expect(client.callOperation('C1', 'Hold')).rejects.toMatchObject({
      kind: 'bad-credentials',
    });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('without a hook, the auth error reaches the caller', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    fake.expireSessions();
    await expect(client.callOperation('C1', 'Hold')).rejects.toMatchObject({
      name: 'GwsAuthError',
      kind: 'csrf',
    });
  });

  it('EndContactCenterSession clears local auth and treats a gone session as done', async () => {
    const fake = await startFakeGws();
    const client = await loggedInClient(fake);
    let relogins = 0;
    client.setReauthenticate(async () => {
      relogins++;
    });
    await client.endContactCenterSession();
    expect(fake.requests[0]!.body).toEqual({ operationName: 'EndContactCenterSession' });
    expect(client.csrfHeader).toBeUndefined();

    await client.login('agent1', 'pässword');
    fake.expireSessions();
    await client.endContactCenterSession();
    expect(relogins).toBe(0);
    expect(client.csrfHeader).toBeUndefined();
  });
});
