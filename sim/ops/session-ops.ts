/**
 * StartContactCenterSession / EndContactCenterSession on `POST /api/v2/me` (gws-api.md §4.1).
 */
import { GwsError, IN_USE, INTERNAL, NOT_FOUND } from '../gws-error.ts';
import { NOT_READY, toUserState } from '../model/agent-states.ts';
import { requireVoiceUp, type OpContext } from './op-context.ts';
import { optionalString, requireStringArray } from './params.ts';

export function startContactCenterSession(ctx: OpContext): Record<string, unknown> | void {
  const { core, agent, body } = ctx;
  const channels = requireStringArray(body, 'channels');
  const place = optionalString(body, 'place');
  optionalString(body, 'loginCode');
  optionalString(body, 'queue');
  if (place !== undefined) {
    const owner = core.agents.byPlace(place);
    if (!owner) throw new GwsError(NOT_FOUND, `Place ${place} not found`);
    if (owner !== agent) throw new GwsError(IN_USE, `Place ${place} is in use by another user`);
  }
  const others = channels.filter((c) => c !== 'voice');
  if (!channels.includes('voice')) {
    // Everything failed: only one channel's error is reported (§4.1).
    throw new GwsError(
      INTERNAL,
      `Channel ${others[0]} is not available: no media server is configured`,
    );
  }
  requireVoiceUp(core);
  agent.contactCenterSession = true;
  if (!agent.switchLoggedIn) {
    agent.switchLoggedIn = true;
    agent.userState = toUserState(NOT_READY);
  }
  core.notify.device(agent);
  core.notify.channel(agent);
  if (others.length > 0) {
    // Partial success: the per-channel result shape was not captured (open question 13).
    return {
      statusCode: 7,
      statusMessage: 'Some channels could not be started',
      channels: [
        { channel: 'voice', statusCode: 0 },
        ...others.map((c) => ({
          channel: c,
          statusCode: 4,
          statusMessage: `Channel ${c} is not available`,
        })),
      ],
    };
  }
}

export function endContactCenterSession(ctx: OpContext): void {
  const { core, agent } = ctx;
  requireVoiceUp(core);
  agent.contactCenterSession = false;
  agent.switchLoggedIn = false;
  if (agent.monitoring) core.monitoring.cancel(agent);
  core.notify.device(agent);
  // The HTTP session (and with it the CometD client) ends after this answer (§4.1).
  ctx.after(() => core.sessions.invalidateWhere(agent.userName));
}
