/**
 * Simulated users and their voice device. What lives here is "switch" state (T-Server):
 * agent login, userState, DND, forwarding and calls survive a GWS restart; only
 * `contactCenterSession` belongs to GWS and is lost with the HTTP sessions.
 */
import type { AgentConfig } from '../config.ts';
import { NOT_READY, toUserState } from './agent-states.ts';
import { newDeviceId, newUserId } from './ids.ts';
import type { Agent } from './switch-types.ts';

export type { Agent, MonitoringSettings } from './switch-types.ts';

function createAgent(config: AgentConfig): Agent {
  const roles = config.roles ?? ['ROLE_AGENT'];
  return {
    config,
    userName: config.userName,
    dn: config.dn,
    userId: newUserId(),
    deviceId: newDeviceId(),
    roles,
    supervisor: roles.includes('ROLE_SUPERVISOR'),
    switchLoggedIn: false,
    contactCenterSession: false,
    userState: toUserState(NOT_READY),
    dnd: false,
    calls: [],
  };
}

export class AgentRegistry {
  readonly list: Agent[];

  constructor(configs: AgentConfig[]) {
    const seen = new Set<string>();
    for (const c of configs) {
      if (seen.has(c.userName) || seen.has('dn:' + c.dn)) {
        throw new Error(`Duplicate agent userName or DN: ${c.userName}/${c.dn}`);
      }
      seen.add(c.userName);
      seen.add('dn:' + c.dn);
    }
    this.list = configs.map(createAgent);
  }

  byUserName(userName: string): Agent | undefined {
    return this.list.find((a) => a.userName === userName);
  }

  byDn(dn: string): Agent | undefined {
    return this.list.find((a) => a.dn === dn);
  }

  /** A userName or a DN, as the control API accepts both. */
  byNameOrDn(key: string): Agent | undefined {
    return this.byUserName(key) ?? this.byDn(key);
  }

  byDeviceId(deviceId: string): Agent | undefined {
    return this.list.find((a) => a.deviceId === deviceId);
  }

  byUserId(userId: string): Agent | undefined {
    return this.list.find((a) => a.userId === userId);
  }

  byPlace(place: string): Agent | undefined {
    return this.list.find((a) => a.config.place === place);
  }

  /** Back to logged out, NotReady, no DND/forward/monitoring (ids are kept). */
  resetAll(): void {
    for (const a of this.list) {
      a.switchLoggedIn = false;
      a.contactCenterSession = false;
      a.userState = toUserState(NOT_READY);
      a.dnd = false;
      a.forwardTo = undefined;
      a.monitoring = undefined;
      a.calls = [];
    }
  }
}
