import { t } from '@/lib/i18n/messages';
import { callTypeLabel } from '@/lib/ui/call-view';
import { KNOWN_CALL_TYPES, type RuleForm } from '@/lib/screen-pop/rule-form';
import { ConditionFields } from './ConditionFields';
import { FieldProblem, fieldAttrs, type FieldErrors } from './FieldProblem';
import { UserDataConditionRows } from './UserDataConditionRows';

interface Props {
  form: RuleForm;
  errors: FieldErrors;
  onChange: (patch: Partial<RuleForm>) => void;
}

const DIRECTIONS = ['incoming', 'outgoing', 'any'] as const;

/**
 * When a rule applies: call types, direction, dialled and caller numbers, attached data.
 * Every condition set must hold. Call types the editor does not know, already in the rule,
 * are offered as extra checkboxes so they are kept (or removed on purpose).
 */
export function RuleConditionsFields({ form, errors, onChange }: Props) {
  const allTypes = [...KNOWN_CALL_TYPES, ...form.otherCallTypes];
  const toggleType = (type: string, on: boolean) =>
    onChange({
      callTypes: allTypes.filter((c) => (c === type ? on : form.callTypes.includes(c))),
    });
  const directionLabels = {
    incoming: t('optionsRuleDirectionIncoming'),
    outgoing: t('optionsRuleDirectionOutgoing'),
    any: t('optionsRuleDirectionAny'),
  };

  return (
    <fieldset class="rule-group">
      <legend>{t('optionsRuleConditions')}</legend>
      <p class="muted help-text">{t('optionsRuleConditionsHelp')}</p>
      <fieldset class="condition">
        <legend>{t('optionsRuleCallTypes')}</legend>
        <div class="choice-row">
          {allTypes.map((type, i) => (
            <label key={type} class="checkbox">
              <input
                type="checkbox"
                {...fieldAttrs('callTypes', errors, 'rule-call-types-help', i === 0)}
                checked={form.callTypes.includes(type)}
                onChange={(e) => toggleType(type, e.currentTarget.checked)}
              />
              <span>{callTypeLabel(type)}</span>
            </label>
          ))}
        </div>
        <p class="muted help-text" id="rule-call-types-help">
          {t('optionsRuleCallTypesHelp')}
        </p>
        <FieldProblem field="callTypes" errors={errors} />
      </fieldset>
      <fieldset class="condition">
        <legend>{t('optionsRuleDirection')}</legend>
        <div class="choice-row">
          {DIRECTIONS.map((direction, i) => (
            <label key={direction} class="checkbox">
              <input
                type="radio"
                name="rule-direction"
                value={direction}
                {...fieldAttrs('direction', errors, undefined, i === 0)}
                checked={form.direction === direction}
                onChange={() => onChange({ direction })}
              />
              <span>{directionLabels[direction]}</span>
            </label>
          ))}
        </div>
        <FieldProblem field="direction" errors={errors} />
      </fieldset>
      <ConditionFields
        field="dnis"
        legend={t('optionsRuleDnis')}
        value={form.dnis}
        errors={errors}
        onChange={(dnis) => onChange({ dnis })}
      />
      <ConditionFields
        field="ani"
        legend={t('optionsRuleAni')}
        value={form.ani}
        allowCountry
        errors={errors}
        onChange={(ani) => onChange({ ani })}
      />
      <UserDataConditionRows
        rows={form.userData}
        errors={errors}
        onChange={(userData) => onChange({ userData })}
      />
    </fieldset>
  );
}
