// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Participant } from '@/lib/gws/types';
import { ParticipantLine } from '@/components/ParticipantLine';
import { callEventFrom, eventAction, signedIn, useCatalogue } from './popup-harness';

/** Participants as the parser makes them from a call notification (gws-api.md §6.2). */
function participants(wire: unknown[]): Participant[] {
  const state = signedIn(
    eventAction(callEventFrom('call-ringing-inbound', { participants: wire })),
  );
  return state.calls[0]!.call.participants;
}

function line(p: Participant): { text: string; flag: string | undefined; number: string } {
  const { container } = render(
    <ul>
      <ParticipantLine participant={p} />
    </ul>,
  );
  const li = container.querySelector('li')!;
  const flag = li.querySelector('.flag');
  return {
    text: li.textContent ?? '',
    flag: flag?.textContent ?? undefined,
    number: li.querySelector('.participant-number')?.textContent ?? '',
  };
}

describe('ParticipantLine: the other party, enriched', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it('shows a foreign number internationally, with flag, country, city and type', () => {
    useCatalogue('en');
    const [uk] = participants([{ phoneNumber: '+442079460958', e164Number: '+442079460958' }]);
    const shown = line(uk!);
    expect(shown.number).toBe('+44 20 7946 0958');
    expect(shown.flag).toBe('GB');
    expect(shown.text).toContain('United Kingdom');
    expect(shown.text).toContain('London');
    expect(shown.text).toContain('Landline');
  });

  it('shows a number of the agent region in national form, with its state', () => {
    useCatalogue('en');
    const [us] = participants(['+14155550132']);
    const shown = line(us!);
    expect(shown.number).toBe('(415) 555-0132');
    expect(shown.flag).toBe('US');
    expect(shown.text).toContain('United States');
    expect(shown.text).toContain('California');
    expect(shown.text).toContain('Landline or mobile');
  });

  it('names countries and number types in the UI language', () => {
    useCatalogue('fr');
    const [fr] = participants([{ phoneNumber: '+33612345678' }]);
    const shown = line(fr!);
    expect(shown.number).toBe('+33 6 12 34 56 78');
    expect(shown.text).toContain('France');
    expect(shown.text).toContain('Mobile');
    const [uk] = participants([{ phoneNumber: '+442079460958' }]);
    expect(line(uk!).text).toContain('Royaume-Uni');
  });

  it('marks internal extensions and keeps them as they are', () => {
    useCatalogue('en');
    const [dn] = participants(['7002']);
    const shown = line(dn!);
    expect(shown.number).toBe('7002');
    expect(shown.flag).toBeUndefined();
    expect(shown.text).toContain('Internal');
  });

  it('falls back to what GWS says about a number it cannot read', () => {
    useCatalogue('en');
    const [odd] = participants([
      {
        phoneNumber: 'sip:desk@pbx.example',
        country: { name: 'Narnia', code: '', callingCode: '' },
        location: 'Cair Paravel',
      },
    ]);
    const shown = line(odd!);
    expect(shown.number).toBe('sip:desk@pbx.example');
    expect(shown.text).toContain('Narnia');
    expect(shown.text).toContain('Cair Paravel');
  });
});
