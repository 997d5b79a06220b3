import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { callTypeLabel } from '@/lib/ui/call-view';
import { KNOWN_CALL_TYPES } from '@/lib/screen-pop/rule-form';
import { sampleCallFromForm, type SampleCallForm } from '@/lib/screen-pop/sample-call';
import { testRule, type RuleTestResult as Result } from '@/lib/screen-pop/test-rule';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { PendingButton } from '../PendingButton';
import { ChoiceSelect } from './ChoiceSelect';
import { RuleTestResult } from './RuleTestResult';
import { Field } from '../Field';

interface Props {
  /** The rule as currently edited (not saved). */
  rule: ScreenPopRule;
  crmBaseUrl: string;
  region: string;
}

interface Tested {
  result: Result;
  rule: ScreenPopRule;
  badLines: number[];
}

const INITIAL: SampleCallForm = {
  ani: '',
  dnis: '',
  callType: 'Inbound',
  direction: 'incoming',
  userData: '',
};

/** "Test this rule": a sample call, and what the rule as edited would do with it. */
export function RuleTester({ rule, crmBaseUrl, region }: Props) {
  const [sample, setSample] = useState<SampleCallForm>(INITIAL);
  const [tested, setTested] = useState<Tested | undefined>(undefined);
  const set = (patch: Partial<SampleCallForm>) => setSample((s) => ({ ...s, ...patch }));
  // Edited since the last test: its result no longer describes the rule.
  const stale = tested !== undefined && JSON.stringify(tested.rule) !== JSON.stringify(rule);

  const run = (event: Event) => {
    event.preventDefault();
    const { call, badLines } = sampleCallFromForm(sample);
    setTested({ result: testRule(rule, call, { crmBaseUrl, region }), rule, badLines });
  };

  return (
    <section class="rule-tester" aria-labelledby="rule-tester-title">
      <h4 id="rule-tester-title">{t('optionsTestTitle')}</h4>
      <p class="muted help-text">{t('optionsTestHelp')}</p>
      <form class="tester-form" onSubmit={run} noValidate>
        <div class="condition-row">
          <Field label={t('optionsTestAni')}>
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                name="sampleAni"
                value={sample.ani}
                autoComplete="off"
                spellcheck={false}
                onInput={(e) => set({ ani: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t('optionsTestDnis')}>
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                name="sampleDnis"
                value={sample.dnis}
                autoComplete="off"
                spellcheck={false}
                onInput={(e) => set({ dnis: e.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <div class="condition-row">
          <ChoiceSelect
            label={t('optionsTestCallType')}
            value={sample.callType}
            choices={KNOWN_CALL_TYPES.map((c) => ({ value: c, label: callTypeLabel(c) }))}
            attrs={{}}
            onChange={(callType) => set({ callType })}
          />
          <ChoiceSelect
            label={t('optionsTestDirection')}
            value={sample.direction}
            choices={[
              { value: 'incoming', label: t('optionsTestDirectionIncoming') },
              { value: 'outgoing', label: t('optionsTestDirectionOutgoing') },
            ]}
            attrs={{}}
            onChange={(direction) => set({ direction: direction as SampleCallForm['direction'] })}
          />
        </div>
        <Field
          label={t('optionsTestUserData')}
          help={{ id: 'rule-test-user-data-help', text: t('optionsTestUserDataHelp') }}
        >
          {(attrs) => (
            <textarea
              name="sampleUserData"
              class="mono"
              rows={3}
              value={sample.userData}
              spellcheck={false}
              placeholder="CustomerId=12345"
              {...attrs}
              onInput={(e) => set({ userData: e.currentTarget.value })}
            />
          )}
        </Field>
        <div class="button-row">
          <PendingButton type="submit" label={t('optionsTestRun')} icon="▶" />
        </div>
      </form>
      <div class="test-result" aria-live="polite">
        {stale ? <p class="muted help-text">{t('optionsTestStale')}</p> : null}
        {tested ? (
          <RuleTestResult result={tested.result} rule={tested.rule} badLines={tested.badLines} />
        ) : null}
      </div>
    </section>
  );
}
