import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createCookieFetch } from '../support/cookie-fetch.ts';

describe('CookieJar', () => {
  it('keeps host-only cookies and sends them on matching paths only', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:8080/api/v2/me', ['JSESSIONID=abc; Path=/api; HttpOnly']);
    expect(jar.headerFor('http://127.0.0.1:8080/api/v2/notifications')).toBe('JSESSIONID=abc');
    expect(jar.headerFor('http://127.0.0.1:9999/api')).toBe('JSESSIONID=abc');
    expect(jar.headerFor('http://127.0.0.1:8080/apiary')).toBeUndefined();
    expect(jar.headerFor('http://127.0.0.1:8080/sim/state')).toBeUndefined();
    expect(jar.headerFor('http://localhost:8080/api/v2/me')).toBeUndefined();
  });

  it('defaults the path to the request directory (RFC 6265 §5.1.4)', () => {
    const jar = new CookieJar();
    jar.store('http://h/a/b/c', ['x=1']);
    expect(jar.get('x')?.path).toBe('/a/b');
    expect(jar.headerFor('http://h/a/b/d')).toBe('x=1');
    expect(jar.headerFor('http://h/a/other')).toBeUndefined();
  });

  it('replaces a cookie with the same name and path and deletes with Max-Age=0', () => {
    const jar = new CookieJar();
    jar.store('http://h/api/x', ['S=1; Path=/api', 'T=9; Path=/api']);
    jar.store('http://h/api/x', ['S=2; Path=/api']);
    expect(jar.headerFor('http://h/api/y')).toBe('S=2; T=9');
    jar.store('http://h/api/x', ['S=gone; Path=/api; Max-Age=0']);
    expect(jar.headerFor('http://h/api/y')).toBe('T=9');
  });

  it('honours Expires, with Max-Age taking precedence', () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const jar = new CookieJar(() => now);
    jar.store('http://h/', [
      'past=1; Expires=Wed, 01 Jan 2020 00:00:00 GMT',
      'future=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT',
      'both=1; Expires=Wed, 01 Jan 2020 00:00:00 GMT; Max-Age=60',
    ]);
    expect(jar.list().map((c) => c.name)).toEqual(['future', 'both']);
    now += 61_000;
    expect(jar.list().map((c) => c.name)).toEqual(['future']);
  });

  it('sends Secure cookies over https only and orders longer paths first', () => {
    const jar = new CookieJar();
    jar.store('https://h/api/v2/me', ['s=1; Secure; Path=/', 'p=2; Path=/api/v2']);
    expect(jar.headerFor('http://h/api/v2/me')).toBe('p=2');
    expect(jar.headerFor('https://h/api/v2/me')).toBe('p=2; s=1');
  });
});

describe('createCookieFetch', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/api/login') {
        res.writeHead(200, { 'Set-Cookie': 'JSESSIONID=s1; Path=/api; HttpOnly' }).end('ok');
      } else if (req.url === '/api/redirect') {
        res.writeHead(302, { 'Set-Cookie': 'R=1; Path=/', Location: '/api/echo' }).end();
      } else {
        res.writeHead(200).end(req.headers.cookie ?? '');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('stores Set-Cookie and sends Cookie on later requests, per instance', async () => {
    const a = createCookieFetch();
    const b = createCookieFetch();
    await a(`${base}/api/login`);
    expect(await (await a(`${base}/api/echo`)).text()).toBe('JSESSIONID=s1');
    expect(await (await b(`${base}/api/echo`)).text()).toBe('');
    expect(a.jar.get('JSESSIONID')?.value).toBe('s1');
  });

  it('keeps cookies set on a redirect and follows it', async () => {
    const f = createCookieFetch();
    const response = await f(`${base}/api/redirect`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('R=1');
  });
});
