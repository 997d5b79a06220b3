// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  callEventFrom,
  eventAction,
  later,
  renderPopup,
  signedIn,
  useCatalogue,
} from './popup-harness';

const CUSTOMER = {
  e164Number: '+14155550132',
  formattedPhoneNumber: '(415) 555-0132',
  phoneNumber: '+14155550132',
  digits: '14155550132',
};

describe('popup: the other party of a call', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('titles a call with the caller’s name from the chosen attached-data key, number below', () => {
    const ringing = signedIn(
      eventAction(
        callEventFrom('call-ringing-inbound', {
          participants: [CUSTOMER],
          ani: CUSTOMER.phoneNumber,
          userData: { CustomerName: 'Jane Doe' },
        }),
      ),
    );
    renderPopup(ringing, {}, { partyNaming: { nameKey: 'CustomerName' } });
    const card = screen.getByRole('article', { name: 'Jane Doe' });
    expect(within(card).getByRole('heading').textContent).toBe('Jane Doe');
    expect(card.querySelector('.participant-number')?.textContent).toBe('(415) 555-0132');
  });

  it('without the key the title is the number', () => {
    const ringing = signedIn(
      eventAction(
        callEventFrom('call-ringing-inbound', {
          participants: [CUSTOMER],
          ani: CUSTOMER.phoneNumber,
          userData: { CustomerName: 'Jane Doe' },
        }),
      ),
    );
    renderPopup(ringing, {}, { partyNaming: { nameKey: '' } });
    expect(screen.getByRole('article', { name: '(415) 555-0132' })).toBeTruthy();
  });

  it('a consultation transferred here reads as the customer, not "Consultation" from the ANI', () => {
    // agent2's call after agent1 completed a two-step transfer: GWS keeps callType Consult
    // and the ANI of agent1, while the party on the call is the customer.
    const transferred = signedIn(
      eventAction(
        callEventFrom('call-ringing-inbound', {
          state: 'Established',
          callType: 'Consult',
          ani: '7001',
          dnis: '7002',
          participants: [CUSTOMER],
          userData: { CustomerName: 'Jane Doe' },
          capabilities: ['Hangup', 'Hold'],
        }),
      ),
    );
    renderPopup(transferred, {}, { partyNaming: { nameKey: 'CustomerName' } });
    const card = screen.getByRole('article', { name: 'Jane Doe' });
    expect(card.querySelector('.call-type')?.textContent).toContain('Transferred to you');
    expect(card.textContent).not.toContain('Consultation');
    expect(card.textContent).not.toContain('Caller (ANI)');
    expect(card.textContent).not.toContain('7001');
  });

  it('a call dialled through a dial-plan rewrite shows and announces the number asked for', () => {
    // The agent asked for +1 212 555 0176; an outside-line rule sent 92125550176, which is
    // what the switch reports as the party.
    const switchDigits = {
      e164Number: '',
      formattedPhoneNumber: '92125550176',
      phoneNumber: '92125550176',
      digits: '92125550176',
    };
    const idle = signedIn();
    const popup = renderPopup(idle);
    const asked = later(idle, {
      type: 'intent',
      id: 'Dial:1',
      operation: 'Dial',
      dial: { asked: '+12125550176', dialled: '92125550176' },
    });
    const dialling = later(
      asked,
      eventAction(
        callEventFrom('call-dialing-outbound', {
          callType: 'Outbound',
          participants: [switchDigits],
          dnis: '92125550176',
        }),
      ),
    );
    popup.push(dialling);
    const card = screen.getByRole('article', { name: '(212) 555-0176' });
    expect(within(card).getByRole('heading').textContent).toBe('(212) 555-0176');
    expect(screen.getByTestId('live-polite').textContent).toBe('Calling (212) 555-0176');

    // Hung up: the announcement names the same number.
    popup.push(
      later(
        dialling,
        eventAction(callEventFrom('call-released', { id: dialling.calls[0]!.call.id })),
      ),
    );
    expect(screen.getByTestId('live-polite').textContent).toBe('Call with (212) 555-0176 ended');
  });
});
