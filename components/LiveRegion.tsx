import type { Announcement } from '@/lib/ui/announcements';

interface Props {
  announcement: Announcement | undefined;
}

/**
 * Two visually hidden live regions: urgent news (an incoming call, a lost session)
 * interrupts, the rest is read when the screen reader is idle. Both stay mounted so screen
 * readers register them before anything is announced.
 */
export function LiveRegion({ announcement }: Props) {
  const urgent = announcement?.urgent === true;
  return (
    <div class="visually-hidden">
      <div aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {urgent ? <span key={announcement.sequence}>{announcement.text}</span> : null}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {announcement && !urgent ? (
          <span key={announcement.sequence}>{announcement.text}</span>
        ) : null}
      </div>
    </div>
  );
}
