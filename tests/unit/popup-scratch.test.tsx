// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderPopup, signedIn, useCatalogue, eventAction, callEventFrom } from './popup-harness';

describe('scratch', () => {
  beforeEach(() => { fakeBrowser.reset(); useCatalogue('en'); });
  afterEach(() => cleanup());
  it('renders', async () => {
    const h = renderPopup(signedIn(eventAction(callEventFrom('call-ringing-inbound'))));
    expect(await screen.findByRole('button', { name: 'Answer' })).toBeTruthy();
    console.log(document.body.innerHTML.length);
    console.log(document.body.textContent);
    h.unmount();
  });
});
