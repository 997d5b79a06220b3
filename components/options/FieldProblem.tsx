import { fieldDomId } from '@/lib/screen-pop/rule-form';
import type { ControlAttrs } from '../Field';

/** Problem messages by form field key (see `problemField`). */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

/** The id of the message under a field, which the field points to with aria-describedby. */
export function problemDomId(field: string): string {
  return `${fieldDomId(field)}-problem`;
}

/**
 * The attributes a control of the rule form carries: its id (omitted with `withId: false`,
 * for the second and later controls of a group), `aria-invalid` when the field has a
 * problem, and `aria-describedby` naming the problem and any help text.
 */
export function fieldAttrs(
  field: string,
  errors: FieldErrors,
  help?: string,
  withId = true,
): ControlAttrs {
  const invalid = (errors.get(field)?.length ?? 0) > 0;
  const described = [invalid ? problemDomId(field) : '', help ?? ''].filter(Boolean).join(' ');
  return {
    ...(withId ? { id: fieldDomId(field) } : {}),
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}

/** What is wrong with one field, right under it (as text). */
export function FieldProblem({ field, errors }: { field: string; errors: FieldErrors }) {
  const messages = errors.get(field) ?? [];
  if (messages.length === 0) return null;
  return (
    <p class="field-error" id={problemDomId(field)}>
      {messages.map((message, i) => (
        <span key={i} class="field-error-line">
          {message}
        </span>
      ))}
    </p>
  );
}
