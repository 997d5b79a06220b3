// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { exportRules } from '@/lib/screen-pop/import-export';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { settle, useCatalogue } from './popup-harness';
import { pageReady, region, renderOptionsPage, testRule } from './options-harness';

const box = () => region('Screen pop');
const ruleList = () =>
  within(box()).getByRole('list', { name: 'Screen-pop rules, in the order they are tried' });
const ruleNames = () =>
  within(ruleList())
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.rule-name')?.textContent);
const click = async (name: string | RegExp, scope: HTMLElement = box()) => {
  fireEvent.click(within(scope).getByRole('button', { name }));
  await settle();
};
const type = (label: string | HTMLElement, value: string, scope: HTMLElement = box()) => {
  const input = typeof label === 'string' ? within(scope).getByLabelText(label) : label;
  fireEvent.input(input, { target: { value } });
};
const choose = (label: string, value: string, scope: HTMLElement = box()) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const group = (name: string) => within(box()).getByRole('group', { name });
/** The text of the message a field points to with aria-describedby. */
const describedBy = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

const THREE = [testRule({ id: 'a' }), testRule({ id: 'b' }), testRule({ id: 'c' })];

describe('screen-pop rule editor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(cleanup);

  it('adds a rule: starts from an inbound ringing rule, saved at the end of the list', async () => {
    const page = renderOptionsPage();
    await pageReady();
    await click('Add rule');
    const heading = within(box()).getByRole('heading', { name: 'New rule' });
    expect(document.activeElement).toBe(heading);
    expect((within(box()).getByLabelText('Name') as HTMLInputElement).value).toBe('New rule');
    expect((within(box()).getByLabelText('Inbound') as HTMLInputElement).checked).toBe(true);
    expect((within(box()).getByLabelText('Opens the page') as HTMLSelectElement).value).toBe(
      'ringing',
    );
    type('Name', 'Cases by id');
    type('Page to open (URL template)', '/crm/cases/{userData.CaseId}');
    await click('Save rule');

    const rules = page.rules();
    expect(rules).toHaveLength(2);
    expect(rules[0]).toEqual(defaultRules()[0]);
    expect(rules[1]).toEqual({
      id: expect.stringMatching(/^rule-[0-9a-z]+$/) as string,
      name: 'Cases by id',
      enabled: true,
      when: { callTypes: ['Inbound'], direction: 'incoming' },
      trigger: 'ringing',
      url: '/crm/cases/{userData.CaseId}',
      tab: { reusePopTab: true, newWindow: false },
    });
    expect(ruleNames()).toEqual(['Caller contact page', 'Cases by id']);
    expect(within(box()).getByRole('status').textContent).toBe('Cases by id saved.');
    expect(document.activeElement).toBe(
      within(box()).getByRole('button', { name: 'Edit: Cases by id' }),
    );
  });

  it('edits every kind of field and saves the rule exactly as typed', async () => {
    const page = renderOptionsPage({
      screenPop: { rules: [testRule({ id: 'a', when: { callTypes: ['Inbound', 'Callback'] } })] },
    });
    await pageReady();
    await click('Edit: A');
    type('Name', 'VIP callers');
    fireEvent.click(within(box()).getByLabelText('Use this rule'));
    choose('Opens the page', 'both');
    // A call type the editor does not know is kept, and can be ticked off like the others.
    expect((within(box()).getByLabelText('Callback') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(box()).getByLabelText('Internal'));
    fireEvent.click(within(box()).getByLabelText('Either'));
    const dnis = group('Dialled number (DNIS)');
    choose('Condition', 'prefix', dnis);
    type('Value', '800', dnis);
    const ani = group('Caller number (ANI)');
    choose('Condition', 'country', ani);
    type('Country codes', 'gb, ie', ani);
    await click('Add attached-data condition');
    const first = group('Attached-data condition 1');
    expect(document.activeElement).toBe(within(first).getByLabelText('Key'));
    type('Key', 'Segment', first);
    choose('Requirement', 'matches', first);
    choose('Condition', 'regex', first);
    type('Regular expression', '^gold$', first);
    fireEvent.click(within(first).getByLabelText('Ignore case'));
    await click('Add attached-data condition');
    const second = group('Attached-data condition 2');
    type('Key', 'Blocked', second);
    choose('Requirement', 'absent', second);
    await click('Add attached-data condition');
    await click('Remove attached-data condition 3');
    expect(within(box()).queryByRole('group', { name: 'Attached-data condition 3' })).toBeNull();
    type('Page to open (URL template)', 'https://crm.example.com/vip?segment={userData.Segment}');
    fireEvent.click(within(box()).getByLabelText('A tab whose address matches a pattern'));
    type('Tab address pattern', 'https://crm.example.com/*');
    fireEvent.click(
      within(box()).getByLabelText('If no tab matches, reuse the tab of the previous screen pop'),
    );
    fireEvent.click(within(box()).getByLabelText('Open new pages in a new window'));
    await click('Save rule');

    expect(page.rules()).toEqual([
      {
        id: 'a',
        name: 'VIP callers',
        enabled: false,
        when: {
          callTypes: ['Inbound', 'Internal', 'Callback'],
          direction: 'any',
          dnis: { op: 'prefix', value: '800' },
          ani: { op: 'country', countries: ['GB', 'IE'] },
          userData: [
            { key: 'Segment', match: { op: 'regex', value: '^gold$', ignoreCase: true } },
            { key: 'Blocked', present: false },
          ],
        },
        trigger: 'both',
        url: 'https://crm.example.com/vip?segment={userData.Segment}',
        tab: { matchUrl: 'https://crm.example.com/*', reusePopTab: false, newWindow: true },
      },
    ]);
    const row = within(ruleList()).getByRole('listitem');
    expect(row.textContent).toContain('VIP callers');
    expect(row.textContent).toContain('Off');
    expect(row.textContent).toContain('When it rings or is answered, once');
  });

  it('cancel discards the changes', async () => {
    const page = renderOptionsPage();
    await pageReady();
    await click('Edit: Caller contact page');
    type('Name', 'Something else');
    type('Page to open (URL template)', '/elsewhere');
    await click('Cancel');
    expect(page.rules()).toEqual(defaultRules());
    expect(page.log.saves).toBe(0);
    expect(ruleNames()).toEqual(['Caller contact page']);
    expect(document.activeElement).toBe(
      within(box()).getByRole('button', { name: 'Edit: Caller contact page' }),
    );
  });

  it('a bad regular expression blocks the save: message at the field, summary, focus there', async () => {
    const page = renderOptionsPage();
    await pageReady();
    await click('Edit: Caller contact page');
    const dnis = group('Dialled number (DNIS)');
    choose('Condition', 'regex', dnis);
    type('Regular expression', '^(800', dnis);
    await click('Save rule');

    expect(page.log.saves).toBe(0);
    expect(page.rules()).toEqual(defaultRules());
    const field = within(dnis).getByLabelText('Regular expression');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field)).toMatch(/^Not a valid regular expression: .*Unterminated group/);
    expect(document.activeElement).toBe(field);
    const summary = within(box()).getByRole('alert');
    expect(summary.textContent).toContain('The rule was not saved. Problems to fix: 1.');
    expect(summary.textContent).toContain('Not a valid regular expression');

    // Fixed, it saves.
    type('Regular expression', '^800', dnis);
    await click('Save rule');
    expect(page.rules()[0]!.when.dnis).toEqual({ op: 'regex', value: '^800' });
  });

  it('an unknown template variable, a duplicate id and an empty pattern block the save, each at its field', async () => {
    const page = renderOptionsPage({ screenPop: { rules: THREE } });
    await pageReady();
    await click('Edit: B');
    type('Page to open (URL template)', '/crm/x?id={foo}');
    type('Rule id', 'c');
    fireEvent.click(within(box()).getByLabelText('A tab whose address matches a pattern'));
    await click('Save rule');

    expect(page.log.saves).toBe(0);
    expect(page.rules()).toEqual(THREE);
    const url = within(box()).getByLabelText('Page to open (URL template)');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(url)).toContain('Unknown variable “foo” in {foo}. Known: ani, ani.e164');
    const id = within(box()).getByLabelText('Rule id');
    expect(describedBy(id)).toContain('Another rule already has the id “c”.');
    const pattern = within(box()).getByLabelText('Tab address pattern');
    expect(describedBy(pattern)).toContain('Type the address pattern of the tabs to reuse');
    // The first invalid field in the form's order takes the focus.
    expect(document.activeElement).toBe(id);
    expect(within(box()).getByRole('alert').textContent).toContain('Problems to fix: 3.');
  });

  it('moves, duplicates, switches off and deletes (after confirming) rules, saving each at once', async () => {
    const page = renderOptionsPage({ screenPop: { rules: THREE } });
    await pageReady();
    const ids = () => page.rules().map((r) => r.id);
    expect(
      (within(box()).getByRole('button', { name: 'Move up: A' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    await click('Move down: A');
    expect(ids()).toEqual(['b', 'a', 'c']);
    expect(ruleNames()).toEqual(['B', 'A', 'C']);
    expect(document.activeElement).toBe(
      within(box()).getByRole('button', { name: 'Move down: A' }),
    );
    expect(within(box()).getByRole('status').textContent).toBe('A is now rule 2.');

    await click('Move up: C');
    expect(ids()).toEqual(['b', 'c', 'a']);

    await click('Duplicate: B');
    expect(ids()).toEqual(['b', 'b-copy', 'c', 'a']);
    expect(page.rules()[1]).toEqual({ ...THREE[1], id: 'b-copy', name: 'B (copy)' });

    fireEvent.click(within(box()).getByRole('switch', { name: 'Enabled: C' }));
    await settle();
    expect(page.rules().find((r) => r.id === 'c')!.enabled).toBe(false);
    expect(within(box()).getByRole('status').textContent).toBe('C is off.');

    await click('Delete: A');
    const confirm = within(box()).getByRole('group', { name: /Delete the rule A\?/ });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep' }));
    await click('Keep', confirm);
    expect(ids()).toEqual(['b', 'b-copy', 'c', 'a']);

    await click('Delete: A');
    await click('Delete A for good');
    expect(ids()).toEqual(['b', 'b-copy', 'c']);
    expect(ruleNames()).toEqual(['B', 'B (copy)', 'C']);
    expect(within(box()).getByRole('status').textContent).toBe('A deleted.');
  });

  it('tests the rule as edited (unsaved): URL with encoded unicode attached data, as text', async () => {
    const page = renderOptionsPage();
    await pageReady();
    await click('Edit: Caller contact page');
    type(
      'Page to open (URL template)',
      '/crm/contacts?phone={ani.e164|ani}&name={userData.Name}&q={userData.Query}&case={userData.CaseId}',
    );
    const tester = within(box()).getByRole('region', { name: 'Test this rule' });
    type('Sample caller number (ANI)', '+44 20 7946 0958', tester);
    type('Sample attached data', 'Name=Zoë Ünal\nQuery=a&b=c d/é #1\nnot a pair', tester);
    await click('Test with this call', tester);

    expect(tester.textContent).toContain('This call matches the rule.');
    expect(tester.textContent).toContain('When the call rings');
    const url = tester.querySelector('.test-url')!;
    expect(url.textContent).toBe(
      'http://127.0.0.1:8091/crm/contacts?phone=%2B442079460958&name=Zo%C3%AB%20%C3%9Cnal&q=a%26b%3Dc%20d%2F%C3%A9%20%231&case=',
    );
    expect(tester.querySelector('a')).toBeNull();
    expect(tester.textContent).toContain('{userData.CaseId}');
    expect(tester.textContent).toContain('Lines ignored (not key=value): 3');
    // Testing saves nothing.
    expect(page.rules()).toEqual(defaultRules());

    // Not matching: which condition fails.
    choose('Sample direction', 'outgoing', tester);
    choose('Sample call type', 'Outbound', tester);
    await click('Test with this call', tester);
    expect(tester.textContent).toContain('This call does not match. Conditions not met:');
    const failed = [...tester.querySelectorAll('.test-failed li')].map((li) => li.textContent);
    expect(failed).toEqual(['Direction', 'Call type']);
    expect(tester.textContent).toContain('Page it would open if the call matched');
    expect(tester.textContent).not.toContain('Changed since this test');

    // Editing the rule after a test says the result is out of date, until tested again.
    fireEvent.click(within(box()).getByLabelText('Either'));
    await settle();
    expect(tester.textContent).toContain('Changed since this test');
    await click('Test with this call', tester);
    expect(tester.textContent).not.toContain('Changed since this test');
    expect(tester.textContent).toContain('This call does not match.');
    expect([...tester.querySelectorAll('.test-failed li')].map((li) => li.textContent)).toEqual([
      'Call type',
    ]);
  });

  it('tests: a javascript: URL is refused, hostile data stays inside the CRM URL, credentials are blocked', async () => {
    renderOptionsPage();
    await pageReady();
    await click('Edit: Caller contact page');
    const tester = within(box()).getByRole('region', { name: 'Test this rule' });
    type('Sample caller number (ANI)', '+442079460958', tester);
    type('Sample attached data', 'u=javascript:alert(document.domain)', tester);

    type('Page to open (URL template)', 'javascript:alert({ani})');
    await click('Test with this call', tester);
    expect(tester.textContent).toContain('The rule as edited has problems');
    expect(tester.textContent).toContain(
      'The address must start with http://, https:// or / (on the CRM base URL).',
    );
    expect(tester.querySelector('.test-url')).toBeNull();

    type('Page to open (URL template)', '/crm/go?to={userData.u}');
    await click('Test with this call', tester);
    expect(tester.querySelector('.test-url')!.textContent).toBe(
      'http://127.0.0.1:8091/crm/go?to=javascript%3Aalert(document.domain)',
    );

    type('Page to open (URL template)', 'https://agent:secret@crm.example.com/{ani}');
    await click('Test with this call', tester);
    expect(tester.querySelector('.test-url')).toBeNull();
    expect(tester.textContent).toContain('Not opened');
    expect(tester.querySelector('.test-blocked')!.textContent).toBe(
      'Addresses with a user name or password are never opened.',
    );
  });

  it('policy rules and base URL are shown locked: no edit, order, delete, add or import', async () => {
    const managedRules: ScreenPopRule[] = [
      testRule({ id: 'corp', name: 'Corporate contact page' }),
      testRule({ id: 'corp-2', name: 'Corporate cases', enabled: false }),
    ];
    const page = renderOptionsPage({
      policy: { screenPopRules: managedRules, crmBaseUrl: 'https://crm.corp.example' },
    });
    await pageReady();
    expect(ruleNames()).toEqual(['Corporate contact page', 'Corporate cases']);
    expect(ruleList().getAttribute('aria-describedby')).toBe('rules-locked');
    expect(document.getElementById('rules-locked')?.textContent).toContain(
      'Set by your administrator',
    );
    expect(within(ruleList()).queryAllByRole('button')).toEqual([]);
    expect(within(ruleList()).queryAllByRole('switch')).toEqual([]);
    expect(within(box()).queryByRole('button', { name: 'Add rule' })).toBeNull();
    expect(box().querySelector('input[type=file]')).toBeNull();

    const base = within(box()).getByLabelText('CRM base URL') as HTMLInputElement;
    expect(base.value).toBe('https://crm.corp.example');
    expect(base.readOnly).toBe(true);
    expect(describedBy(base)).toContain('Set by your administrator');
    expect(within(box()).queryByRole('button', { name: 'Save base URL' })).toBeNull();

    await click('Export rules');
    expect(page.log.downloads).toEqual([
      { fileName: 'screen-pop-rules.json', text: exportRules(managedRules) },
    ]);
  });

  it('shows what is wrong with the policy rules', async () => {
    renderOptionsPage({ policy: { screenPopRules: '{not json' } });
    await pageReady();
    expect(box().textContent).toContain('set by your administrator have problems');
    expect(box().textContent).toContain('not a list of rules');
    expect(within(box()).getByText('No rules.')).toBeTruthy();
  });

  it('problems are told in the page’s language (French)', async () => {
    useCatalogue('fr');
    renderOptionsPage();
    await screen.findByRole('heading', { level: 1, name: 'Paramètres de GWS CTI Overlay' });
    await settle();
    const section = region('Ouverture de fiche');
    await click('Modifier : Caller contact page', section);
    type('Page à ouvrir (modèle d’URL)', 'javascript:{ani}{foo}', section);
    await click('Enregistrer la règle', section);
    const url = within(section).getByLabelText('Page à ouvrir (modèle d’URL)');
    expect(describedBy(url)).toContain('Variable inconnue « foo » dans {foo}.');
    expect(describedBy(url)).toContain(
      'L’adresse doit commencer par http://, https:// ou / (sur l’URL de base du CRM).',
    );
  });

  it('CRM base URL: unusable ones are refused at the field, a good one is saved normalised', async () => {
    const page = renderOptionsPage();
    await pageReady();
    const base = within(box()).getByLabelText('CRM base URL') as HTMLInputElement;
    // The field is disabled until the screen-pop settings are read.
    await waitFor(() => expect(base.disabled).toBe(false));
    expect(base.value).toBe('http://127.0.0.1:8091');
    for (const [typed, words] of [
      ['javascript:alert(1)', 'Addresses starting with javascript: are never opened.'],
      ['crm.example.com', 'Not a complete address (it needs http:// or https://).'],
      ['https://crm.example.com/app?tab=1', 'must not have a query (?…) or a fragment (#…)'],
      ['https://user:pw@crm.example.com', 'Addresses with a user name or password are never'],
    ] as const) {
      type(base, typed);
      await click('Save base URL');
      expect(base.getAttribute('aria-invalid')).toBe('true');
      expect(within(box()).getByRole('alert').textContent).toContain(words);
      expect(page.screenPop().crmBaseUrl).toBe('http://127.0.0.1:8091');
    }
    expect(page.log.saves).toBe(0);

    type(base, ' https://crm.example.com/app/ ');
    await click('Save base URL');
    expect(page.screenPop().crmBaseUrl).toBe('https://crm.example.com/app');
    expect(base.getAttribute('aria-invalid')).toBeNull();
    expect(within(box()).getByRole('status').textContent).toBe('Saved.');

    // The tester resolves relative templates against it (and reads numbers in the region).
    await click('Edit: Caller contact page');
    const tester = within(box()).getByRole('region', { name: 'Test this rule' });
    type('Sample caller number (ANI)', '(212) 555-0100', tester);
    await click('Test with this call', tester);
    expect(tester.querySelector('.test-url')!.textContent).toBe(
      'https://crm.example.com/app/crm/contacts?phone=%2B12125550100',
    );
  });

  it('stored rules with problems are listed, and fixed in the editor', async () => {
    const broken = {
      ...testRule({ id: 'old' }),
      trigger: 'never',
      url: 'javascript:alert(1)',
    } as unknown as ScreenPopRule;
    const page = renderOptionsPage({ screenPop: { rules: [broken, testRule({ id: 'fine' })] } });
    await pageReady();
    const notice = within(box()).getByRole('alert');
    expect(notice.textContent).toContain('Some saved rules have problems and are not used');
    expect(notice.textContent).toContain('trigger must be ringing, established or both');
    expect(within(ruleList()).getAllByRole('listitem')[0]!.textContent).toContain(
      'Has problems: not used',
    );

    await click('Edit: OLD');
    const trigger = within(box()).getByLabelText('Opens the page') as HTMLSelectElement;
    expect(trigger.value).toBe('never');
    expect(trigger.selectedOptions[0]!.textContent).toBe('Not valid: never');
    await click('Save rule');
    expect(page.log.saves).toBe(0);
    expect(describedBy(trigger)).toContain('trigger must be ringing, established or both');
    expect(document.activeElement).toBe(trigger);

    choose('Opens the page', 'established');
    type('Page to open (URL template)', '/crm/old?phone={ani}');
    await click('Save rule');
    expect(page.rules()[0]).toMatchObject({
      id: 'old',
      trigger: 'established',
      url: '/crm/old?phone={ani}',
    });
    expect(within(box()).queryByRole('alert')).toBeNull();
    expect(within(box()).queryByText('Has problems: not used')).toBeNull();
  });

  it('while other rules still have problems, changes are kept unsaved until they are fixed', async () => {
    const bad = (id: string) =>
      ({ ...testRule({ id }), url: `/crm/${id}?x={nope}` }) as ScreenPopRule;
    const page = renderOptionsPage({ screenPop: { rules: [bad('one'), bad('two')] } });
    await pageReady();

    await click('Edit: ONE');
    type('Page to open (URL template)', '/crm/one');
    await click('Save rule');
    expect(page.log.saves).toBe(0);
    expect(box().textContent).toContain('Your changes to the rules are not saved yet.');
    expect(
      within(box())
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toContain('The rules still have 1 problems');
    // The page shows the change.
    expect(ruleNames()).toEqual(['ONE', 'TWO']);

    await click('Edit: TWO');
    type('Page to open (URL template)', '/crm/two');
    await click('Save rule');
    expect(page.rules().map((r) => r.url)).toEqual(['/crm/one', '/crm/two']);
    expect(box().textContent).not.toContain('not saved yet');
  });

  it('inserts a template variable where the cursor was', async () => {
    renderOptionsPage();
    await pageReady();
    await click('Edit: Caller contact page');
    const url = within(box()).getByLabelText('Page to open (URL template)') as HTMLInputElement;
    type(url, '/crm/contacts?id=&x=1');
    url.setSelectionRange(17, 17);
    fireEvent.blur(url);
    await click('Insert {userData.KEY}');
    expect(url.value).toBe('/crm/contacts?id={userData.KEY}&x=1');
  });
});
