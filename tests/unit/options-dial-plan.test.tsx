// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageReady, renderOptionsPage } from './options-harness';
import { useCatalogue } from './popup-harness';
import { blankRule } from '@/lib/dial-plan/types';

describe('options: dial plan', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  const section = () => within(screen.getByRole('region', { name: 'Dial plan' }));
  const rule = (n: number) => within(section().getByRole('group', { name: `Rule ${n}` }));
  const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

  it('adds a rule, tries a number on it before saving, step by step, and saves it', async () => {
    const page = renderOptionsPage();
    await pageReady();
    expect(section().getByText('No rules: every number is dialled as given.')).toBeTruthy();
    fireEvent.click(section().getByRole('button', { name: 'Add a rule' }));
    const first = rule(1);
    type(first.getByRole('textbox', { name: 'Name' }), 'Outside line');
    fireEvent.click(first.getByRole('checkbox', { name: /National/ }));
    fireEvent.change(first.getByRole('combobox', { name: 'Write the number as' }), {
      target: { value: 'national' },
    });
    type(first.getByRole('textbox', { name: 'Add this prefix' }), '9');

    type(section().getByRole('textbox', { name: /Number to try/ }), '+1 415 555 0132');
    const steps = section()
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toEqual([
      'Reads as +14155550132 — National (your country code)',
      'Rule 1 “Outside line” matches',
      'Written as National (02079460958): 4155550132',
      '9 added: 94155550132',
    ]);
    expect(section().getByText(/^Dials 9 \(415\) 555-0132/)).toBeTruthy();
    expect(page.dialPlan().rules).toEqual([]);

    fireEvent.click(section().getByRole('button', { name: 'Save the dial plan' }));
    await waitFor(() =>
      expect(page.dialPlan().rules).toEqual([
        { ...blankRule('Outside line'), classes: ['national'], format: 'national', prefix: '9' },
      ]),
    );
    expect(await section().findByText('Saved.')).toBeTruthy();
  });

  it('a problem stands under its field and nothing is saved', async () => {
    const page = renderOptionsPage({
      dialPlan: { rules: [{ ...blankRule('Keep'), classes: ['international'] }] },
    });
    await pageReady();
    await waitFor(() =>
      expect(rule(1).getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Keep'),
    );
    fireEvent.click(section().getByRole('button', { name: 'Add a rule' }));
    const second = rule(2);
    type(second.getByRole('textbox', { name: /Pattern/ }), '7.*');
    type(second.getByRole('textbox', { name: 'Add this prefix' }), 'nine');
    fireEvent.click(section().getByRole('button', { name: 'Save the dial plan' }));
    const pattern = await second.findByText('“.” may only come last in a pattern.');
    const input = second.getByRole('textbox', { name: /Pattern/ });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(pattern.id);
    expect(second.getByText(/The prefix to add may hold/)).toBeTruthy();
    expect(section().getByRole('alert').textContent).toContain('Nothing was saved');
    expect(page.dialPlan().rules.map((r) => r.name)).toEqual(['Keep']);
    // The tester shows the rule with a problem as skipped, never half-applied.
    type(section().getByRole('textbox', { name: /Number to try/ }), '7002');
    expect(section().getByText('Rule 2 “New rule”: no, it has a problem')).toBeTruthy();
  });

  it('reorders, switches off and removes rules', async () => {
    const page = renderOptionsPage({
      dialPlan: { rules: [blankRule('A'), blankRule('B'), blankRule('C')] },
    });
    await pageReady();
    await waitFor(() =>
      expect(rule(3).getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'C'),
    );
    fireEvent.click(rule(1).getByRole('button', { name: 'Move rule 1 down' }));
    fireEvent.click(rule(3).getByRole('checkbox', { name: 'On' }));
    fireEvent.click(rule(2).getByRole('button', { name: 'Remove rule 2' }));
    fireEvent.click(section().getByRole('button', { name: 'Save the dial plan' }));
    await waitFor(() =>
      expect(page.dialPlan().rules.map((r) => [r.name, r.enabled])).toEqual([
        ['B', true],
        ['C', false],
      ]),
    );
  });

  it('rules set by policy are shown locked, in force, with the policy rules that are not used', async () => {
    renderOptionsPage({
      dialPlan: { rules: [blankRule('Mine')] },
      policy: {
        dialPlanRules: [
          { name: 'International', classes: ['international'], format: 'digits', prefix: '011' },
          { name: 'Broken', pattern: '1+' },
        ],
      },
    });
    await pageReady();
    await waitFor(() =>
      expect(rule(1).getByRole('textbox', { name: 'Name' })).toHaveProperty(
        'value',
        'International',
      ),
    );
    expect(section().queryByRole('group', { name: 'Rule 2' })).toBeNull();
    expect(rule(1).getByRole('textbox', { name: 'Name' })).toHaveProperty('readOnly', true);
    expect(section().queryByRole('button', { name: 'Save the dial plan' })).toBeNull();
    expect(section().getByText('Set by your administrator')).toBeTruthy();
    expect(section().getByText(/\+ may only come first in a pattern/)).toBeTruthy();
    type(section().getByRole('textbox', { name: /Number to try/ }), '+44 20 7946 0958');
    expect(section().getByText(/^Dials 011 442079460958/)).toBeTruthy();
  });
});
