// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageReady, renderOptionsPage } from './options-harness';
import { useCatalogue } from './popup-harness';

describe('options: wrap-up and call history', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  const section = () => screen.getByRole('region', { name: 'Wrap-up and call history' });

  it('saves the disposition catalogue, after-call work and the history keys together', async () => {
    const page = renderOptionsPage({
      wrapUp: { settings: { dispositions: [{ code: 'Sale', label: 'Sale' }] } },
    });
    await pageReady();
    const form = within(section());
    const list = form.getByRole('textbox', { name: /Disposition codes/ });
    await waitFor(() => expect((list as HTMLTextAreaElement).value).toBe('Sale'));
    fireEvent.input(list, { target: { value: 'Sale\nNoSale = No sale\n\n' } });
    fireEvent.click(form.getByRole('checkbox', { name: /required before going Ready/ }));
    fireEvent.click(form.getByRole('checkbox', { name: /After Call Work automatically/ }));
    fireEvent.input(form.getByRole('textbox', { name: /Wrap-up time/ }), {
      target: { value: '45' },
    });
    fireEvent.input(form.getByRole('textbox', { name: /kept in the call history/ }), {
      target: { value: 'Ticket, Account ,' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(page.wrapUp()).toMatchObject({
        dispositions: [
          { code: 'Sale', label: 'Sale' },
          { code: 'NoSale', label: 'No sale' },
        ],
        dispositionRequired: true,
        afterCallWork: true,
        wrapUpSeconds: 45,
        historyKeys: ['Ticket', 'Account'],
      }),
    );
    expect(await within(section()).findByText('Saved.')).toBeTruthy();
  });

  it('shows what policy sets as locked and keeps it', async () => {
    renderOptionsPage({
      wrapUp: { managed: { dispositionRequired: true, callLogUrl: 'https://crm.example.com/log' } },
    });
    await pageReady();
    const form = within(section());
    await waitFor(() =>
      expect(form.getByRole('checkbox', { name: /required before going Ready/ })).toHaveProperty(
        'disabled',
        true,
      ),
    );
    expect(form.getByRole('textbox', { name: /Call-log URL/ })).toHaveProperty('disabled', true);
    expect(form.getByRole('textbox', { name: /Disposition codes/ })).toHaveProperty(
      'disabled',
      false,
    );
    expect(form.getByText('Set by your administrator')).toBeTruthy();
  });
});
