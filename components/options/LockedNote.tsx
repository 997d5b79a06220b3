import { t } from '@/lib/i18n/messages';

/** Says a field is fixed by enterprise policy; the field points here with aria-describedby. */
export function LockedNote({ id }: { id: string }) {
  return (
    <p class="locked-note" id={id}>
      <span aria-hidden="true">🔒 </span>
      {t('optionsLocked')}
    </p>
  );
}
