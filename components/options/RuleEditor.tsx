import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { ruleLabel, triggerLabel } from '@/lib/ui/rule-view';
import { checkRuleForm, problemsByField } from '@/lib/ui/rule-editor-problems';
import { formToRule, ruleToForm, type RuleForm } from '@/lib/screen-pop/rule-form';
import type { RuleProblem, ScreenPopRule } from '@/lib/screen-pop/types';
import { PendingButton } from '../PendingButton';
import { ChoiceSelect } from './ChoiceSelect';
import { FieldProblem, fieldAttrs } from './FieldProblem';
import { ProblemList } from './ProblemList';
import { RuleConditionsFields } from './RuleConditionsFields';
import { RuleTabFields } from './RuleTabFields';
import { RuleTester } from './RuleTester';
import { RuleUrlField } from './RuleUrlField';
import { Field } from '../Field';

interface Props {
  /** The rule as stored (possibly with problems), or the new rule to start from. */
  rule: ScreenPopRule;
  isNew: boolean;
  /** The ids of the other rules: the edited one must not take one of them. */
  otherIds: readonly string[];
  crmBaseUrl: string;
  region: string;
  /** Called with a rule that has no problem. */
  onSave: (rule: ScreenPopRule) => void;
  onCancel: () => void;
}

const TRIGGERS = ['ringing', 'established', 'both'] as const;

/**
 * One rule, field by field. Save checks the whole rule: with any problem nothing is saved,
 * each message is shown under its field, a summary is announced and focus moves to the first
 * invalid field. Cancel discards the changes.
 */
export function RuleEditor({ rule, isNew, otherIds, crmBaseUrl, region, onSave, onCancel }: Props) {
  const [form, setForm] = useState<RuleForm>(() => ruleToForm(rule));
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? summaryRef.current)?.focus();
  }, [attempt]);

  const change = (patch: Partial<RuleForm>) => {
    // Row-level problems are found by position: they no longer fit once rows come and go.
    if (patch.userData && patch.userData.length !== form.userData.length) setProblems([]);
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkRuleForm(form, otherIds);
    setProblems(checked.problems);
    if (checked.problems.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    onSave(checked.rule);
  };

  const errors = problemsByField(problems);
  const title = isNew ? t('optionsRuleNewTitle') : t('optionsRuleEditTitle', ruleLabel(rule));

  return (
    <div class="rule-editor">
      <form
        ref={formRef}
        class="options-form"
        onSubmit={submit}
        noValidate
        aria-labelledby="rule-editor-title"
      >
        <h3 id="rule-editor-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h3>
        {problems.length > 0 ? (
          <div ref={summaryRef} class="notice notice-error" role="alert" tabIndex={-1}>
            <p class="notice-text">{t('optionsRuleNotSaved', problems.length)}</p>
            <ProblemList problems={problems} showRule={false} />
          </div>
        ) : null}
        <div class="condition-row">
          <Field label={t('optionsRuleNameLabel')} attrs={fieldAttrs('name', errors)}>
            {(attrs) => (
              <input
                type="text"
                {...attrs}
                value={form.name}
                autoComplete="off"
                onInput={(e) => change({ name: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t('optionsRuleId')} attrs={fieldAttrs('id', errors, 'rule-id-help')}>
            {(attrs) => (
              <input
                type="text"
                class="mono"
                {...attrs}
                value={form.id}
                spellcheck={false}
                autoComplete="off"
                onInput={(e) => change({ id: e.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <FieldProblem field="name" errors={errors} />
        <FieldProblem field="id" errors={errors} />
        <p class="muted help-text" id="rule-id-help">
          {t('optionsRuleIdHelp')}
        </p>
        <label class="checkbox">
          <input
            type="checkbox"
            {...fieldAttrs('enabled', errors)}
            checked={form.enabled}
            onChange={(e) => change({ enabled: e.currentTarget.checked })}
          />
          <span>{t('optionsRuleEnabledLabel')}</span>
        </label>
        <FieldProblem field="enabled" errors={errors} />
        <ChoiceSelect
          label={t('optionsRuleTriggerLabel')}
          value={form.trigger}
          choices={TRIGGERS.map((value) => ({ value, label: triggerLabel(value) }))}
          attrs={fieldAttrs('trigger', errors)}
          onChange={(trigger) => change({ trigger })}
        />
        <FieldProblem field="trigger" errors={errors} />
        <RuleConditionsFields form={form} errors={errors} onChange={change} />
        <RuleUrlField
          value={form.url}
          crmBaseUrl={crmBaseUrl}
          errors={errors}
          onChange={(url) => change({ url })}
        />
        <RuleTabFields form={form} errors={errors} onChange={change} />
        <div class="button-row">
          <PendingButton type="submit" variant="primary" label={t('optionsRuleSave')} />
          <PendingButton label={t('cancel')} onClick={onCancel} />
        </div>
      </form>
      <RuleTester rule={formToRule(form)} crmBaseUrl={crmBaseUrl} region={region} />
    </div>
  );
}
