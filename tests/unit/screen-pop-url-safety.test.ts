import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decidePop, ruleUrl } from '@/lib/screen-pop/decide';
import { sampleCall, testRule } from '@/lib/screen-pop/test-rule';
import {
  checkBaseUrl,
  checkPopUrl,
  keepsLiteralPrefix,
  templateOriginProblem,
} from '@/lib/screen-pop/url-safety';
import { validateRule } from '@/lib/screen-pop/validate';
import type { ScreenPopRule } from '@/lib/screen-pop/types';

const BASE = 'http://127.0.0.1:8091';

function rule(url: string): ScreenPopRule {
  return {
    id: 'r',
    name: 'r',
    enabled: true,
    when: {},
    trigger: 'ringing',
    url,
    tab: { reusePopTab: true, newWindow: false },
  };
}

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'chrome://settings',
  'chrome-extension://abc/popup.html',
  'about:blank',
  'vbscript:msgbox(1)',
  'blob:http://127.0.0.1/x',
  'http://user:secret@127.0.0.1/',
  '//evil.example/x',
];

describe('only http(s) pages are ever opened', () => {
  it.each(HOSTILE)('refuses %j as a final URL', (url) => {
    expect(checkPopUrl(url).ok).toBe(false);
  });

  it('accepts http and https pages, normalised', () => {
    expect(checkPopUrl('https://crm.example/c?p=%2B1')).toEqual({
      ok: true,
      url: 'https://crm.example/c?p=%2B1',
    });
    expect(checkPopUrl('HTTP://CRM.example')).toEqual({ ok: true, url: 'http://crm.example/' });
  });

  it('refuses templates whose scheme or host is not literal http(s) text', () => {
    for (const template of [
      '{userData.url}',
      '{ani}',
      'javascript:alert({ani})',
      'data:text/html,{userData.x}',
      'http://{userData.host}/x',
      'https://crm{dnis}.example/x',
      '//evil.example/{ani}',
      'file:///{ani}',
      ' /crm/contacts',
    ]) {
      expect(templateOriginProblem(template), template).toBeDefined();
      const problems = validateRule(rule(template));
      expect(
        problems.some((p) => p.code === 'unsafe-url' && p.path === 'url'),
        template,
      ).toBe(true);
    }
    expect(templateOriginProblem('https://crm.example:8443/c/{userData.id}')).toBeUndefined();
    expect(templateOriginProblem('/crm/contacts?phone={ani}')).toBeUndefined();
  });

  it('a template made only of a variable never opens javascript: (even if it got past validation)', () => {
    const call = sampleCall({ userData: { url: 'javascript:alert(document.domain)' } });
    const result = ruleUrl(rule('{userData.url}'), BASE, call, undefined);
    expect(result.ok).toBe(false);
    // The validated path refuses the rule outright, so decidePop never evaluates it.
    const decision = decidePop({
      ruleSet: { crmBaseUrl: BASE, region: 'US', rules: [rule('{userData.url}')] },
      call,
      trigger: 'ringing',
      alreadyPopped: () => false,
    });
    expect(decision).toEqual({ kind: 'skip', reason: 'no rule matches' });
    expect(testRule(rule('{userData.url}'), call).problems[0]?.code).toBe('unsafe-url');
  });

  it('hostile attached data stays inside the path or query of the literal host', () => {
    const template = 'https://crm.example/c/{userData.a}?q={userData.b}#{userData.c}';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...HOSTILE, '../../admin', '@evil.example', '%2F%2F'),
          fc.string(),
        ),
        fc.oneof(fc.constantFrom('.', '..', '&q=x', '#'), fc.string()),
        fc.string(),
        (a, b, c) => {
          const call = sampleCall({ userData: { a, b, c } });
          const result = ruleUrl(rule(template), BASE, call, undefined);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const url = new URL(result.url);
          // The host is fixed, and so is the literal start of the path.
          expect(url.origin).toBe('https://crm.example');
          expect(url.pathname.startsWith('/c/')).toBe(true);
          // A value of only dots counts as missing wherever it stands (see the next test).
          const expectedQuery = b === '.' || b === '..' ? '' : b;
          expect(url.searchParams.get('q') ?? '').toBe(
            expectedQuery.replace(/[\uD800-\uDFFF]/g, '\uFFFD'),
          );
        },
      ),
    );
  });

  it('a value "." or ".." counts as missing: it cannot remove path segments', () => {
    for (const id of ['.', '..']) {
      const result = ruleUrl(
        rule('/pop/{userData.id}/view'),
        BASE,
        sampleCall({ userData: { id } }),
        undefined,
      );
      expect(result).toEqual({ ok: true, url: `${BASE}/pop//view`, missing: ['{userData.id}'] });
    }
    const fallback = ruleUrl(
      rule('/pop/{userData.id|callId}/view'),
      BASE,
      sampleCall({ id: 'c-1', userData: { id: '..' } }),
      undefined,
    );
    expect(fallback).toMatchObject({ ok: true, url: `${BASE}/pop/c-1/view` });
  });

  it('a final URL must keep the literal origin and path the template starts with', () => {
    // Values alone can no longer make dot segments ("." and ".." are missing, "%" is
    // encoded); this is the check behind that, before any tab is touched.
    const template = `${BASE}/app/pop/{userData.id}/view`;
    expect(keepsLiteralPrefix(template, `${BASE}/app/pop/7/view`)).toBe(true);
    expect(keepsLiteralPrefix(template, `${BASE}/app/view`)).toBe(false);
    expect(keepsLiteralPrefix(template, `${BASE}/app/popular`)).toBe(false);
    expect(keepsLiteralPrefix(template, 'http://127.0.0.1:8092/app/pop/7/view')).toBe(false);
    // A prefix ending inside a segment keeps that segment; a query ends the literal path.
    expect(keepsLiteralPrefix(`${BASE}/pop/id-{x}`, `${BASE}/pop/id-9`)).toBe(true);
    expect(keepsLiteralPrefix(`${BASE}/pop/id-{x}`, `${BASE}/pop/other`)).toBe(false);
    expect(keepsLiteralPrefix(`${BASE}/pop/view?id={x}`, `${BASE}/pop/view?id=..`)).toBe(true);
    expect(keepsLiteralPrefix(`${BASE}/a b/{x}`, `${BASE}/a%20b/1`)).toBe(true);
  });

  it('a rendered URL that leaves the literal path is refused, not opened', () => {
    // The template's own literal dots combine with nothing from the call; a "." + "."
    // pair from two variables is two missing values, so the path stays.
    const call = sampleCall({ userData: { a: '.', b: '.' } });
    expect(ruleUrl(rule('/pop/{userData.a}{userData.b}/view'), BASE, call, undefined)).toEqual({
      ok: true,
      url: `${BASE}/pop//view`,
      missing: ['{userData.a}', '{userData.b}'],
    });
    const dots = sampleCall({ userData: { a: '.x' } });
    expect(ruleUrl(rule('/pop/.{userData.a}/view'), BASE, dots, undefined)).toMatchObject({
      ok: true,
      url: `${BASE}/pop/..x/view`,
    });
  });

  it('checks the CRM base URL the same way', () => {
    expect(checkBaseUrl('http://127.0.0.1:8091/')).toEqual({ ok: true, url: BASE });
    expect(checkBaseUrl('http://crm.example/app')).toEqual({
      ok: true,
      url: 'http://crm.example/app',
    });
    expect(checkBaseUrl('javascript:alert(1)').ok).toBe(false);
    expect(checkBaseUrl('http://crm.example/?x=1').ok).toBe(false);
  });
});
