import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  browserPattern,
  originPattern,
  patternCovers,
  siteLabel,
  siteScope,
  siteToPattern,
  withSite,
  withoutSite,
} from '@/lib/settings/crm-sites';
import { urlMatchesPattern } from '@/lib/settings/site-patterns';
import { revokeDecision } from '@/lib/settings/site-access';

describe('what a site pattern covers', () => {
  it('says the port, or every port, and the subdomains', () => {
    expect(siteScope('http://127.0.0.1:9311/*')).toEqual({
      scheme: 'http',
      host: '127.0.0.1',
      subdomains: false,
      port: '9311',
    });
    expect(siteScope('https://*.example.com/*')).toEqual({
      scheme: 'https',
      host: 'example.com',
      subdomains: true,
    });
  });

  it('a port pattern covers that port only, in our matching and in what covers what', () => {
    expect(urlMatchesPattern('http://127.0.0.1:9311/app', 'http://127.0.0.1:9311/*')).toBe(true);
    expect(urlMatchesPattern('http://127.0.0.1:8091/app', 'http://127.0.0.1:9311/*')).toBe(false);
    expect(urlMatchesPattern('http://127.0.0.1:8091/app', 'http://127.0.0.1/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:9311/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1:9311/*', 'http://127.0.0.1/*')).toBe(false);
    expect(patternCovers('http://127.0.0.1:9311/*', 'http://127.0.0.1:9311/*')).toBe(true);
  });

  it('Firefox is given the pattern without its port (its match patterns take none)', () => {
    expect(browserPattern('http://127.0.0.1:9311/*', false)).toBe('http://127.0.0.1/*');
    expect(browserPattern('http://127.0.0.1:9311/*', true)).toBe('http://127.0.0.1:9311/*');
    expect(browserPattern('https://*.example.com/*', false)).toBe('https://*.example.com/*');
  });
});

describe('siteToPattern', () => {
  it.each([
    ['crm.example.com', 'https://crm.example.com/*'],
    ['  CRM.Example.com  ', 'https://crm.example.com/*'],
    ['https://crm.example.com/app/contacts?id=1#x', 'https://crm.example.com/*'],
    // The port typed is kept: that one service, not every port of the machine.
    ['http://127.0.0.1:8091/crm/contacts', 'http://127.0.0.1:8091/*'],
    ['http://127.0.0.1:9311', 'http://127.0.0.1:9311/*'],
    ['localhost:8091', 'https://localhost:8091/*'],
    // A scheme's default port is no restriction.
    ['https://crm.example.com:443/', 'https://crm.example.com/*'],
    ['http://127.0.0.1', 'http://127.0.0.1/*'],
    ['*.example.com', 'https://*.example.com/*'],
    ['http://*.crm.example.co.uk/', 'http://*.crm.example.co.uk/*'],
    ['intranet-crm', 'https://intranet-crm/*'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/*'],
  ])('%s → %s', (input, pattern) => {
    expect(siteToPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['<all_urls>', 'too-broad'],
    ['*', 'too-broad'],
    ['*://*/*', 'too-broad'],
    ['https://*/*', 'too-broad'],
    ['*.com', 'too-broad'],
    ['ftp://files.example.com', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['mailto:agent@example.com', 'scheme'],
    ['https://user:pw@crm.example.com', 'invalid'],
    ['crm example com', 'invalid'],
    ['https://crm..example.com', 'invalid'],
    ['https://-bad-.example.com', 'invalid'],
    ['http://999.1.1.1', 'invalid'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(siteToPattern(input)).toEqual({ ok: false, problem });
  });

  it('only ever produces one-host http(s) patterns, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.domain()), (input) => {
        const check = siteToPattern(input);
        if (!check.ok) return;
        expect(check.pattern).toMatch(/^https?:\/\/(\*\.)?[^*/:@\s]+(:\d{1,5})?\/\*$/);
        expect(check.pattern).not.toMatch(/^https?:\/\/\*\.[^.]+\/\*$/);
        // Idempotent: the pattern's own origin reads back as the same pattern.
        expect(siteToPattern(siteLabel(check.pattern))).toEqual(check);
      }),
    );
    // A hundred generated inputs take seconds on a loaded machine.
  }, 20_000);
});

describe('patternCovers', () => {
  it.each([
    ['http://127.0.0.1/*', 'http://127.0.0.1/*', true],
    ['http://127.0.0.1/*', 'https://127.0.0.1/*', false],
    ['*://crm.example.com/*', 'https://crm.example.com/*', true],
    ['https://*.example.com/*', 'https://crm.example.com/*', true],
    ['https://*.example.com/*', 'https://*.eu.example.com/*', true],
    ['https://*.example.com/*', 'https://example.org/*', false],
    ['https://crm.example.com/*', 'https://*.example.com/*', false],
    ['https://crm.example.com/app/*', 'https://crm.example.com/*', false],
    ['<all_urls>', 'http://anything.example/*', true],
    ['not a pattern', 'https://crm.example.com/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });
});

describe('revokeDecision', () => {
  const required = ['http://127.0.0.1/*', 'http://localhost/*'];

  it('gives back the access of an ordinary site', () => {
    expect(revokeDecision('https://crm.example.com/*', required, ['http://127.0.0.1:8090'])).toBe(
      'revoke',
    );
  });

  it('keeps what the manifest grants (the browser refuses to remove it anyway)', () => {
    expect(revokeDecision('http://127.0.0.1/*', required, [])).toBe('required');
  });

  it('keeps a site the GWS server lives on, even under a wildcard', () => {
    const servers = ['https://gws.example.com:8443/api'];
    expect(revokeDecision('https://gws.example.com/*', required, servers)).toBe('in-use');
    expect(revokeDecision('https://*.example.com/*', required, servers)).toBe('in-use');
    expect(revokeDecision('https://crm.example.com/*', required, servers)).toBe('revoke');
  });
});

describe('site list helpers', () => {
  it('adds once, sorted; removes exactly one', () => {
    const list = withSite(
      withSite(['https://b.example/*'], 'https://a.example/*'),
      'https://a.example/*',
    );
    expect(list).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(withoutSite(list, 'https://a.example/*')).toEqual(['https://b.example/*']);
  });

  it('originPattern reads a server URL', () => {
    expect(originPattern('https://gws.example.com:8443/api/v2')).toBe('https://gws.example.com/*');
    expect(originPattern('not a url')).toBeUndefined();
    expect(originPattern('ftp://x.example')).toBeUndefined();
  });
});
