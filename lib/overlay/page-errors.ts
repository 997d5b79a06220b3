/** Words for a command the background refused or failed, for the caller card. */
export function describePageError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  switch (e?.code) {
    case 'not-signed-in':
    case 'unauthenticated':
      return 'Sign in to the phone extension to call.';
    case 'site-not-enabled':
      return 'Calling is not enabled on this site.';
    case 'no-device':
      return 'No phone device is assigned to you.';
  }
  return typeof e?.message === 'string' && e.message !== '' ? e.message : 'That did not work.';
}
