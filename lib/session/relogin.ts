import type { GwsRestClient } from '../gws/rest.ts';
import { GwsApiError, GwsAuthError } from '../gws/errors.ts';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from '../gws/backoff.ts';
import type { StoreAction } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { Credentials } from './session-store.ts';
import { NotSignedInError } from './errors.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { SingleTimer } from './single-timer.ts';

/**
 * StartContactCenterSession; statusCode 2 ("not valid in this state") means the agent is
 * already in a session (e.g. logged in from the same browser before a restart), which is
 * what we want — tolerated, not an error.
 */
export async function startContactCenterSession(
  rest: GwsRestClient,
  diagnostics: DiagnosticsLog,
): Promise<void> {
  try {
    await rest.startContactCenterSession({ channels: ['voice'] });
  } catch (error) {
    if (error instanceof GwsApiError && error.statusCode === 2) {
      diagnostics.record('session', 'contact-center session already active');
      return;
    }
    throw error;
  }
}

export interface ReloginOptions {
  rest: GwsRestClient;
  credentials: Credentials;
  diagnostics: DiagnosticsLog;
  backoff?: BackoffPolicy;
  dispatch: (action: StoreAction) => void;
  /** False once the connection was closed: nothing more is tried or shown. */
  isOpen: () => boolean;
  /** Logged in again: reopen the push channel. */
  onLoggedIn: () => void;
  /** The server no longer accepts the password: the session is over. */
  onRefused: () => void;
}

/**
 * Logging in again when the HTTP session was lost. The REST client runs `run` (once for any
 * number of concurrent auth failures); CometD's "session gone" schedules it with backoff
 * through the same client, so both paths share one re-login.
 */
export class Relogin {
  private readonly options: ReloginOptions;
  private readonly backoff: Backoff;
  private readonly timer = new SingleTimer();

  constructor(options: ReloginOptions) {
    this.options = options;
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
  }

  /** Basic → new JSESSIONID and CSRF → contact-center session again. */
  async run(): Promise<void> {
    const { rest, credentials, diagnostics } = this.options;
    if (!this.options.isOpen()) throw new NotSignedInError();
    diagnostics.record('session', 'logging in again');
    await rest.login(credentials.username, credentials.password);
    await startContactCenterSession(rest, diagnostics);
  }

  /** The HTTP session is gone: log in again after the next backoff delay. */
  schedule(reason: string): void {
    const { dispatch, isOpen } = this.options;
    if (this.timer.pending || !isOpen()) return;
    const attempt = this.backoff.attempt + 1;
    const delay = this.backoff.next();
    dispatch({ type: 'connection', connection: { kind: 'reconnecting', attempt, reason } });
    this.timer.schedule(delay, () => {
      if (!isOpen()) return;
      this.options.rest.reauthenticate().then(
        () => isOpen() && this.options.onLoggedIn(),
        (error: unknown) => isOpen() && this.failed(error),
      );
    });
  }

  /** The server answered again: the next loss starts from the shortest delay. */
  reset(): void {
    this.backoff.reset();
  }

  cancel(): void {
    this.timer.cancel();
  }

  private failed(error: unknown): void {
    this.options.diagnostics.record('error', 'login again failed', serializeError(error));
    if (error instanceof GwsAuthError && error.kind === 'bad-credentials') {
      this.options.dispatch({
        type: 'connection',
        connection: { kind: 'sessionLost', reason: 'user name or password no longer accepted' },
      });
      this.options.onRefused();
      return;
    }
    this.schedule(serializeError(error).message);
  }
}
