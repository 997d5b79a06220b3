import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enrichNumber } from '@/lib/phone/enrich';
import { parseTemplate, renderTemplate, type TemplateContext } from '@/lib/screen-pop/template';
import { sampleCall } from '@/lib/screen-pop/test-rule';
import type { PopCall } from '@/lib/screen-pop/types';

function render(template: string, call: Partial<PopCall>, region = 'US') {
  const parsed = parseTemplate(template);
  expect(parsed.problems).toEqual([]);
  const c = sampleCall(call);
  const context: TemplateContext = { call: c };
  if (c.ani) context.ani = enrichNumber(c.ani, region);
  return renderTemplate(parsed.parts, context);
}

describe('URL templates: variables and encoding', () => {
  it('fills every call variable, URL-encoded', () => {
    const r = render('x?a={ani}&d={dnis}&u={callUuid}&c={connId}&t={callType}&id={callId}', {
      id: 'CALL/1',
      ani: '+44 20 7946 0958',
      dnis: '8012',
      callUuid: 'U&1',
      connId: '00710271926fb001',
      callType: 'Inbound',
    });
    expect(r.text).toBe(
      'x?a=%2B44%2020%207946%200958&d=8012&u=U%261&c=00710271926fb001&t=Inbound&id=CALL%2F1',
    );
    expect(r.missing).toEqual([]);
  });

  it('gives the enriched forms of the ANI (read in the configured region)', () => {
    const r = render('e={ani.e164}&n={ani.national}&d={ani.digits}&c={ani.country}', {
      ani: '(415) 555-0132',
    });
    const params = new URLSearchParams(r.text);
    expect(params.get('e')).toBe('+14155550132');
    expect(params.get('n')).toBe('(415) 555-0132');
    expect(params.get('d')).toBe('4155550132');
    expect(params.get('c')).toBe('US');
    // The same national digits mean another number in another region.
    const gb = render('{ani.e164}', { ani: '020 7946 0958' }, 'GB');
    expect(decodeURIComponent(gb.text)).toBe('+442079460958');
  });

  it('leaves a missing variable empty and reports it; alternatives fall back in order', () => {
    const r = render('p={ani.e164}&t={userData.Ticket}&f={ani.e164|ani}', { ani: '7002' });
    expect(r.text).toBe('p=&t=&f=7002');
    expect(r.missing).toEqual(['{ani.e164}', '{userData.Ticket}']);
    const none = render('{userData.A|userData.B}', { userData: { B: 'b' } });
    expect(none.text).toBe('b');
  });

  it('uses the E.164 number GWS sent when the ANI cannot be read', () => {
    const r = render('{ani.e164}', { ani: 'anonymous', participantE164: '+33123456789' });
    expect(r.text).toBe('%2B33123456789');
  });

  it('writes out number and boolean attached data; nested values count as missing', () => {
    const r = render('{userData.n}/{userData.b}/{userData.o}/{userData.e}', {
      userData: { n: 42, b: false, o: { a: 1 }, e: '' },
    });
    expect(r.text).toBe('42/false//');
    expect(r.missing).toEqual(['{userData.o}', '{userData.e}']);
  });

  it('encodes unicode attached data as UTF-8 and reads keys exactly as named', () => {
    const r = render('?n={userData.Nom du client}', {
      userData: { 'Nom du client': 'Zoë Ōkubo 東京 😀', 'nom du client': 'other' },
    });
    expect(r.text).toBe('?n=Zo%C3%AB%20%C5%8Ckubo%20%E6%9D%B1%E4%BA%AC%20%F0%9F%98%80');
  });

  it('never throws on a lone surrogate (it becomes U+FFFD)', () => {
    const r = render('{userData.x}', { userData: { x: 'a\uD800b' } });
    expect(decodeURIComponent(r.text)).toBe('a\uFFFDb');
  });

  it('property: any attached-data text round-trips and adds no URL syntax', () => {
    const tmpl = parseTemplate('http://crm.example/c?v={userData.v}').parts;
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('.', '..'), fc.string({ unit: 'grapheme' })),
        (value) => {
          const { text } = renderTemplate(tmpl, { call: sampleCall({ userData: { v: value } }) });
          // A value of only dots counts as missing (it could remove path segments elsewhere).
          const expected = value === '.' || value === '..' ? '' : value;
          const encoded = text.slice('http://crm.example/c?v='.length);
          expect(encoded).toMatch(/^[A-Za-z0-9\-_.!~*'()%]*$/);
          expect(decodeURIComponent(encoded)).toBe(expected);
          const url = new URL(text);
          expect(url.host).toBe('crm.example');
          expect(url.searchParams.get('v') ?? '').toBe(expected);
        },
      ),
    );
  });
});

describe('URL templates: syntax problems', () => {
  it('names unknown variables and lists the known ones', () => {
    const { problems } = parseTemplate('/c?p={caller}&x={userData.}');
    expect(problems.map((p) => p.code)).toEqual(['unknown-variable', 'unknown-variable']);
    expect(problems[0]?.message).toContain('Unknown variable "caller"');
    expect(problems[0]?.message).toContain('ani.e164');
  });

  it('reports unclosed, stray and empty braces with their position', () => {
    expect(parseTemplate('/c?p={ani').problems[0]?.message).toBe(
      'The "{" at position 6 is not closed by "}"',
    );
    expect(parseTemplate('/c?p=ani}').problems[0]?.message).toContain('position 9');
    expect(parseTemplate('/c?p={ani{dnis}').problems[0]?.code).toBe('template-syntax');
    expect(parseTemplate('/c?p={ani|}').problems[0]?.message).toContain('empty variable name');
  });
});
