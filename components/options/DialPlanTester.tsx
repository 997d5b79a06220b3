import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { applyDialPlan } from '@/lib/dial-plan/apply';
import type { DialRule } from '@/lib/dial-plan/types';
import { dialStepText, dialStringText } from '@/lib/ui/dial-plan-view';
import { Field } from '../Field';

interface Props {
  /** The rules as they stand in the editor. */
  rules: readonly DialRule[];
  /** Positions of rules with a problem: shown skipped, as they would never be used. */
  unusable: ReadonlySet<number>;
  region: string;
}

/** Type a number, see step by step which rule takes it and what is dialled. */
export function DialPlanTester({ rules, unusable, region }: Props) {
  const [number, setNumber] = useState('');
  const typed = number.trim();
  const result = typed === '' ? undefined : applyDialPlan(rules, typed, region, unusable);
  return (
    <section class="dial-plan-tester" aria-labelledby="dial-plan-tester-title">
      <h3 id="dial-plan-tester-title">{t('optionsDialPlanTester')}</h3>
      <Field
        label={t('optionsDialPlanTesterNumber')}
        help={{ id: 'dial-plan-tester-note', text: t('optionsDialPlanTesterNote') }}
      >
        {(attrs) => (
          <input
            {...attrs}
            type="tel"
            name="dialPlanTry"
            autoComplete="off"
            spellcheck={false}
            value={number}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
        )}
      </Field>
      {result ? (
        <div class="dial-plan-result" aria-live="polite">
          <ol class="dial-plan-steps">
            {result.steps.map((step, i) => (
              <li key={i}>{dialStepText(step)}</li>
            ))}
          </ol>
          <p class="dial-plan-outcome">
            <strong>
              {result.ok
                ? t('dialPlanDials', dialStringText(result, region))
                : t('dialPlanNothingLeft')}
            </strong>
            {result.ok ? <span class="mono"> ({result.dial})</span> : null}
          </p>
        </div>
      ) : null}
    </section>
  );
}
