/** `GET /sim/state`: the truth, rendered as GWS would return each resource. */
import type { SimCore } from '../core.ts';

export function simState(
  core: SimCore,
  cometdClients: number,
  scenarios: unknown,
): Record<string, unknown> {
  const r = core.render;
  return {
    agents: core.agents.list.map((a) => ({
      userName: a.userName,
      firstName: a.config.firstName,
      lastName: a.config.lastName,
      dn: a.dn,
      place: a.config.place,
      roles: a.roles,
      deviceId: a.deviceId,
      userId: a.userId,
      contactCenterSession: a.contactCenterSession,
      loggedInAtSwitch: a.switchLoggedIn,
      device: r.device(a),
      channels: r.channels(a),
      calls: a.calls.map((v) => r.call(v)),
    })),
    cometdClients,
    httpSessions: core.sessions.size,
    config: { ...core.config },
    faults: structuredClone(core.faults),
    remoteParties: core.remote.list(),
    scenarios,
    baseUrl: core.baseUrl,
  };
}
