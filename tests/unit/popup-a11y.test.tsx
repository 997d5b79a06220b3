// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initialCallsState } from '@/lib/calls';
import {
  callEventFrom,
  consultPair,
  establishedCall,
  eventAction,
  later,
  parsed,
  renderPopup,
  signedIn,
  useCatalogue,
  T0,
} from './popup-harness';
import { loadFixture } from '../fixtures/gws/load.ts';

const CONTROLS = 'button, input, select, textarea, summary, a[href], [tabindex]';

/** Controls the keyboard can reach with Tab, in the order Tab visits them. */
function tabbable(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      el.getAttribute('tabindex') !== '-1' &&
      !el.closest('[aria-hidden="true"], [hidden]'),
  );
}

function accessibleName(el: HTMLElement): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  if (el.id) {
    const label = document.querySelector(`label[for="${el.id}"]`);
    if (label) return label.textContent ?? '';
  }
  const wrapping = el.closest('label');
  if (wrapping) return wrapping.textContent ?? '';
  const visible = [...el.childNodes]
    .filter((n) => !(n instanceof HTMLElement && n.getAttribute('aria-hidden') === 'true'))
    .map((n) => n.textContent)
    .join('');
  return visible.trim();
}

function expectKeyboardReachable(container: HTMLElement) {
  const all = [...container.querySelectorAll<HTMLElement>(CONTROLS)];
  // No positive tabindex anywhere, so Tab follows document order through every control.
  for (const el of all) expect(Number(el.getAttribute('tabindex') ?? '0')).toBeLessThanOrEqual(0);
  // Only focus targets that are not controls (a call card, the tone pad) are taken out of it.
  const removed = all.filter((el) => el.getAttribute('tabindex') === '-1');
  for (const el of removed) expect(el.matches('.call-card, .dtmf')).toBe(true);
  const order = tabbable(container);
  expect(order.length).toBeGreaterThan(0);
  for (const el of order) {
    el.focus();
    expect(document.activeElement).toBe(el);
    expect(accessibleName(el).trim()).not.toBe('');
  }
  return order;
}

describe('popup: keyboard and screen readers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('announces an incoming call at once, and other changes politely', () => {
    const idle = signedIn();
    const popup = renderPopup(idle);
    const urgent = screen.getByTestId('live-assertive');
    const polite = screen.getByTestId('live-polite');
    expect(urgent.getAttribute('aria-live')).toBe('assertive');
    expect(polite.getAttribute('aria-live')).toBe('polite');

    const ringing = later(idle, eventAction(callEventFrom('call-ringing-inbound')));
    popup.push(ringing);
    expect(urgent.textContent).toBe('Incoming call from 5125');

    const talking = later(ringing, eventAction(establishedCall()));
    popup.push(talking);
    expect(polite.textContent).toBe('Connected to 5125');
    expect(urgent.textContent).toBe('');

    const released = loadFixture<{ data: { call: Record<string, unknown> } }>('call-released');
    released.data.call.id = talking.calls[0]!.call.id;
    popup.push(later(talking, eventAction(parsed(released))));
    expect(polite.textContent).toBe('Call with 5125 ended');

    popup.push(
      later(talking, {
        type: 'connection',
        connection: { kind: 'reconnecting', attempt: 1, reason: 'timeout' },
      }),
    );
    expect(polite.textContent).toContain('Connection lost, reconnecting');
  });

  it('announces a call that is already ringing when the popup opens, and focuses Answer', () => {
    renderPopup(signedIn(eventAction(callEventFrom('call-ringing-inbound'))));
    expect(screen.getByTestId('live-assertive').textContent).toBe('Incoming call from 5125');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Answer' }));
  });

  it('reaches every control of the login form by Tab, each with a name', async () => {
    const popup = renderPopup(initialCallsState(T0));
    await screen.findByRole('form');
    const names = expectKeyboardReachable(popup.container).map(accessibleName);
    expect(names).toEqual([
      'Server URL',
      'User name',
      'Password',
      'Remember me on this computer',
      'Sign in',
    ]);
  });

  it('reaches every control of a busy screen by Tab, each with a name', () => {
    const popup = renderPopup(signedIn(...consultPair()));
    const [main, consult] = within(
      screen.getByRole('group', { name: 'Call with consultation' }),
    ).getAllByRole('article') as [HTMLElement, HTMLElement];
    fireEvent.click(within(main).getByRole('button', { name: 'Transfer / conference' }));
    fireEvent.click(within(consult).getByRole('button', { name: 'Keypad' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pad' }));
    const order = expectKeyboardReachable(popup.container);
    const names = order.map(accessibleName);
    for (const expected of [
      'My state',
      'Do not disturb',
      'Forward calls to',
      'Complete transfer',
      'Swap',
      'Hang up',
      'Consult transfer',
      'Cancel consult',
      'Key 5',
      'Key hash',
      'Number to call',
      'Call',
    ]) {
      expect(names).toContain(expected);
    }
    // Reading order: agent state first, the original call before its consultation, dialling last.
    expect(names.indexOf('My state')).toBeLessThan(names.indexOf('Complete transfer'));
    expect(names.indexOf('Complete transfer')).toBeLessThan(names.indexOf('Cancel consult'));
    expect(names.indexOf('Cancel consult')).toBeLessThan(names.indexOf('Number to call'));
  });

  it('keeps the keyboard inside a call card when the pressed control goes away', () => {
    const talking = signedIn(eventAction(establishedCall()));
    const popup = renderPopup(talking);
    const hold = screen.getByRole('button', { name: 'Hold' });
    hold.focus();
    fireEvent.click(hold);
    const held = later(
      talking,
      eventAction(
        callEventFrom('call-ringing-inbound', {
          state: 'Held',
          capabilities: ['Retrieve', 'Hangup'],
        }),
      ),
    );
    popup.push(held);
    expect(screen.queryByRole('button', { name: 'Hold' })).toBeNull();
    const card = screen.getByRole('article', { name: '5125' });
    expect(card.contains(document.activeElement)).toBe(true);
  });

  it('uses real buttons, and marks toggles and disclosures for assistive technology', () => {
    renderPopup(signedIn(eventAction(establishedCall())));
    const panel = screen.getByRole('button', { name: 'Transfer / conference' });
    expect(panel.tagName).toBe('BUTTON');
    expect(panel.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(panel);
    expect(panel.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(panel.getAttribute('aria-controls')!)).not.toBeNull();
    expect(
      screen.getByRole('button', { name: 'Do not disturb' }).getAttribute('aria-pressed'),
    ).toBe('false');
    // Every call control says which call it acts on.
    const hold = screen.getByRole('button', { name: 'Hold' });
    expect(document.getElementById(hold.getAttribute('aria-describedby')!)?.textContent).toBe(
      '5125',
    );
  });
});
