import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { parseUserSnapshot } from '../gws/parse.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { loadWrapUpSettingsInForce } from '../settings/wrap-up-settings.ts';
import { serverWrapUp, type ServerWrapUp } from '../wrap-up/server-wrap-up.ts';
import type { WrapUpState } from '../wrap-up/wrap-up-state.ts';

/**
 * Reads the disposition catalogue and the wrap-up time the GWS settings give [INF]
 * (`GET /api/v2/me?subresources=settings`); nothing when the server has none or fails.
 */
export async function readServerWrapUp(
  session: Pick<GwsSession, 'client'> & { readonly diagnostics: Pick<DiagnosticsLog, 'record'> },
): Promise<ServerWrapUp> {
  try {
    const parsed = parseUserSnapshot(await session.client.getMe('settings'));
    return parsed.ok ? serverWrapUp(parsed.value.settings) : { dispositions: [] };
  } catch (error) {
    session.diagnostics.record('error', 'wrap-up settings not read', String(error));
    return { dispositions: [] };
  }
}

/** The catalogue in force: the administrator's list (options or policy), else the server's. */
export async function catalogueInForce(
  server: ServerWrapUp,
): Promise<Pick<WrapUpState, 'dispositions' | 'dispositionKey' | 'required' | 'readOnlyKeys'>> {
  const settings = await loadWrapUpSettingsInForce();
  const dispositions =
    settings.dispositions.length > 0 ? settings.dispositions : server.dispositions;
  return {
    dispositions,
    dispositionKey: settings.dispositionKey,
    required: settings.dispositionRequired && dispositions.length > 0,
    readOnlyKeys: settings.readOnlyKeys,
  };
}
