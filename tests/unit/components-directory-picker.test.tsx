// @vitest-environment happy-dom
/**
 * The directory picker in the transfer form and the dial pad: keyboard-first (↑/↓, Enter,
 * Escape), ARIA combobox and grouped listbox, names as text, a pick sent like a typed number,
 * a speed-dial code dialled from the dial pad, and the agent list's absence said in words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TransferForm, type DestinationOperation } from '@/components/TransferForm';
import { Dialpad } from '@/components/Dialpad';
import { DirectoryContext, type DirectoryData } from '@/components/DirectoryContext';
import type { DirectoryEntry } from '@/lib/directory/types';
import { useCatalogue } from './popup-harness';

const ENTRIES: DirectoryEntry[] = [
  { kind: 'speed-dial', name: 'Night desk', number: '5009', destinationKind: 'queue', code: '9' },
  { kind: 'favourite', name: 'Billing <b>queue</b>', number: '5000', destinationKind: 'queue' },
  {
    kind: 'agent',
    name: 'Ben Okafor',
    number: '7002',
    destinationKind: 'agent',
    agent: {
      userId: 'b',
      name: 'Ben Okafor',
      dn: '7002',
      deviceUris: [],
      presence: { loggedIn: true, state: 'NotReady', displayName: 'Out to Lunch' },
    },
  },
];

function withDirectory(children: preact.ComponentChildren, data: Partial<DirectoryData> = {}) {
  const value: DirectoryData = {
    entries: ENTRIES,
    agentStatus: 'ok',
    refresh: () => undefined,
    ...data,
  };
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

function transferForm(data: Partial<DirectoryData> = {}) {
  const runs: Array<[DestinationOperation, string]> = [];
  let escapes = 0;
  render(
    <div onKeyDown={(e) => e.key === 'Escape' && escapes++}>
      {withDirectory(
        <TransferForm
          id="t"
          offered={['SingleStepTransfer', 'InitiateTransfer']}
          isPending={() => false}
          onRun={(op, destination) => runs.push([op, destination])}
        />,
        data,
      )}
    </div>,
  );
  const field = screen.getByRole('combobox', { name: 'Number or extension' }) as HTMLInputElement;
  return { runs, field, escapes: () => escapes };
}

beforeEach(() => {
  fakeBrowser.reset();
  useCatalogue();
});
afterEach(cleanup);

describe('directory picker', () => {
  it('opens on ↓, moves through the groups, and Enter fills the destination', () => {
    const { runs, field } = transferForm();
    expect(field.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Directory' });
    expect(field.getAttribute('aria-controls')).toBe(list.id);
    const groups = within(list).getAllByRole('group');
    expect(
      groups.map(
        (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent,
      ),
    ).toEqual(['Speed dials', 'Favourites', 'Agents']);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    const active = within(list).getByRole('option', { selected: true });
    expect(field.getAttribute('aria-activedescendant')).toBe(active.id);
    // Names are text: markup in a name shows as typed.
    expect(active.textContent).toContain('Billing <b>queue</b>');
    expect(active.querySelector('b')).toBeNull();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(field.value).toBe('5000');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(runs).toEqual([]);
    // Enter again sends it, like a typed number, with the first offered operation.
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(runs).toEqual([['InitiateTransfer', '5000']]);
  });

  it('highlights the best match of a typed name, shows the agent state, and ↑ wraps', () => {
    const { runs, field } = transferForm();
    fireEvent.input(field, { target: { value: 'BEN' } });
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toBe('Ben Okafor7002Out to Lunch');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(runs).toEqual([['InitiateTransfer', '7002']]);
  });

  it('dials typed digits as typed unless an entry is chosen', () => {
    const { runs, field } = transferForm();
    fireEvent.input(field, { target: { value: '700' } });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(screen.queryByRole('option', { selected: true })).toBeNull();
    fireEvent.input(field, { target: { value: '+1 415 555 0123' } });
    expect(screen.getByText('No entry matches; Enter uses what you typed.')).toBeTruthy();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(runs).toEqual([['InitiateTransfer', '+14155550123']]);
  });

  it('Escape closes the list only; a second Escape reaches the form', () => {
    const { field, escapes } = transferForm();
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(escapes()).toBe(0);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(escapes()).toBe(1);
  });

  it('a click on an entry picks it and asks for a fresh agent list on open', () => {
    let refreshed = 0;
    const { field } = transferForm({ refresh: () => refreshed++ });
    fireEvent.input(field, { target: { value: 'night' } });
    fireEvent.click(screen.getByRole('option', { name: /Night desk/ }));
    expect(field.value).toBe('5009');
    expect(refreshed).toBe(1);
  });

  it('says why agents are missing, and favourites still work', () => {
    const { field } = transferForm({ entries: ENTRIES.slice(0, 2), agentStatus: 'forbidden' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(screen.getByRole('status').textContent).toBe(
      'GWS does not give you the agent list; favourites and recent destinations still work.',
    );
    expect(screen.getAllByRole('option')).toHaveLength(2);
  });

  it('dials a speed-dial code from the dial pad', () => {
    const dialled: string[] = [];
    render(withDirectory(<Dialpad pending={false} onDial={(n) => dialled.push(n)} />));
    const field = screen.getByRole('combobox', { name: 'Number to call' });
    fireEvent.input(field, { target: { value: '9' } });
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Code 9');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(dialled).toEqual(['5009']);
  });
});
