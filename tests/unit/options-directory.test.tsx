// @vitest-environment happy-dom
/**
 * The options page's directory section: favourites and speed dials added with the same check
 * policy entries get (a message at the field that is wrong), removed, and shown locked when
 * policy sets them, with policy entries that are refused listed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageReady, renderOptionsPage } from './options-harness';
import { useCatalogue } from './popup-harness';

describe('options: transfer and dial directory', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  const section = () => screen.getByRole('region', { name: 'Transfer and dial directory' });
  const list = (name: 'Favourites' | 'Speed dials') =>
    within(within(section()).getByRole('heading', { name }).closest('section') as HTMLElement);

  it('adds a speed dial, refusing a bad one field by field, and removes it', async () => {
    const page = renderOptionsPage({
      directory: { speedDials: [{ name: 'Night desk', number: '5009', kind: 'queue', code: '9' }] },
    });
    await pageReady();
    const speed = list('Speed dials');
    fireEvent.input(speed.getByRole('textbox', { name: 'Number, extension or routing point' }), {
      target: { value: 'call mum' },
    });
    fireEvent.input(speed.getByRole('textbox', { name: 'Speed-dial code' }), {
      target: { value: '9' },
    });
    fireEvent.click(speed.getByRole('button', { name: 'Add' }));
    const name = speed.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(speed.getByText('Enter a name of 1 to 80 characters.')).toBeTruthy();
    expect(
      speed.getByText('“call mum” is not a phone number, extension or routing point.'),
    ).toBeTruthy();
    expect(speed.getByText('The speed-dial code 9 is already used.')).toBeTruthy();
    expect(page.directory().speedDials).toHaveLength(1);

    fireEvent.input(name, { target: { value: 'Billing' } });
    fireEvent.input(speed.getByRole('textbox', { name: 'Number, extension or routing point' }), {
      target: { value: '5000' },
    });
    fireEvent.change(speed.getByRole('combobox', { name: 'Reaches' }), {
      target: { value: 'routing-point' },
    });
    fireEvent.input(speed.getByRole('textbox', { name: 'Speed-dial code' }), {
      target: { value: '1' },
    });
    fireEvent.click(speed.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(page.directory().speedDials).toEqual([
        { name: 'Night desk', number: '5009', kind: 'queue', code: '9' },
        { name: 'Billing', number: '5000', kind: 'routing-point', code: '1' },
      ]),
    );
    fireEvent.click(await speed.findByRole('button', { name: 'Remove Night desk' }));
    await waitFor(() =>
      expect(page.directory().speedDials.map((e) => e.name)).toEqual(['Billing']),
    );
  });

  it('shows favourites set by policy locked, and lists the policy entries it refuses', async () => {
    renderOptionsPage({
      directory: { favourites: [{ name: 'Mine', number: '5200', kind: 'other' }] },
      policy: { directoryFavourites: [{ name: 'Support', number: '5100' }, { name: 'Broken' }] },
    });
    await pageReady();
    const favourites = list('Favourites');
    await favourites.findByText('Support');
    expect(favourites.queryByText('Mine')).toBeNull();
    expect(favourites.getByText('Set by your administrator')).toBeTruthy();
    expect(favourites.queryByRole('button', { name: 'Add' })).toBeNull();
    expect(favourites.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(section()).getByText(/is not a phone number/)).toBeTruthy();
    // Speed dials stay the agent's own.
    expect(list('Speed dials').getByRole('button', { name: 'Add' })).toBeTruthy();
  });
});
