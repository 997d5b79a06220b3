// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageReady, renderOptionsPage } from './options-harness';
import { useCatalogue } from './popup-harness';
import { AWAY_DEFAULTS } from '@/lib/settings/away-settings';

describe('options: away from the desk', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  const section = () => within(screen.getByRole('region', { name: 'Away from the desk' }));

  it('off by default; saves lock, idle, minutes and the Not Ready state together', async () => {
    const page = renderOptionsPage();
    await pageReady();
    const lock = section().getByRole('checkbox', { name: 'Not Ready when the workstation locks' });
    await waitFor(() => expect(lock).toHaveProperty('disabled', false));
    expect(lock).toHaveProperty('checked', false);
    fireEvent.click(lock);
    fireEvent.click(section().getByRole('checkbox', { name: /after a time without input/ }));
    fireEvent.input(section().getByRole('textbox', { name: 'Minutes without input' }), {
      target: { value: '10' },
    });
    fireEvent.input(section().getByRole('textbox', { name: 'Not Ready state or reason' }), {
      target: { value: ' Meeting ' },
    });
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(page.away()).toEqual({
        notReadyOnLock: true,
        notReadyOnIdle: true,
        idleMinutes: 10,
        notReadyState: 'Meeting',
      }),
    );
  });

  it('minutes out of range are refused under the field and nothing is saved', async () => {
    const page = renderOptionsPage();
    await pageReady();
    const minutes = section().getByRole('textbox', { name: 'Minutes without input' });
    await waitFor(() => expect(minutes).toHaveProperty('value', '5'));
    fireEvent.click(
      section().getByRole('checkbox', { name: 'Not Ready when the workstation locks' }),
    );
    fireEvent.input(minutes, { target: { value: '0.5' } });
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    const problem = await section().findByText('Use a whole number of minutes from 1 to 240.');
    expect(minutes.getAttribute('aria-describedby')).toContain(problem.id);
    expect(page.away()).toEqual(AWAY_DEFAULTS);
  });

  it('what policy sets shows locked with its value', async () => {
    renderOptionsPage({ away: { managed: { notReadyOnLock: true, notReadyState: 'Break' } } });
    await pageReady();
    const lock = section().getByRole('checkbox', { name: 'Not Ready when the workstation locks' });
    await waitFor(() => expect(lock).toHaveProperty('checked', true));
    expect(lock).toHaveProperty('disabled', true);
    const state = section().getByRole('textbox', { name: 'Not Ready state or reason' });
    expect(state).toHaveProperty('value', 'Break');
    expect(state).toHaveProperty('disabled', true);
    expect(section().getByText('Set by your administrator')).toBeTruthy();
    expect(section().getByRole('checkbox', { name: /after a time without input/ })).toHaveProperty(
      'disabled',
      false,
    );
  });
});
