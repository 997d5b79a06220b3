/**
 * Builds the CometD data messages of gws-api.md §5.4–5.5 and hands them to the delivery layer.
 * While an HTTP request is being handled, messages are captured and only dispatched after the
 * response went out (§11: the effect of an operation arrives after its HTTP answer).
 */
import type { Agent } from './model/agents.ts';
import type { CallView } from './model/call-model.ts';
import type { RuntimeConfig } from './config.ts';
import type { Renderer } from './model/render.ts';

export interface OutgoingEvent {
  userName: string;
  channel: string;
  data: unknown;
}

export type CallNotificationType =
  | 'StatusChange'
  | 'ParticipantsUpdated'
  | 'AttachedDataChanged'
  | 'DtmfSent'
  | 'CallRecordingStateChange';

/** Types that carried `extensions` in the documented samples (§5.5). */
const WITH_EXTENSIONS = new Set<CallNotificationType>([
  'StatusChange',
  'ParticipantsUpdated',
  'DtmfSent',
]);

export class Notifier {
  private captured: OutgoingEvent[] | null = null;

  private readonly render: Renderer;
  private readonly deliver: (event: OutgoingEvent) => void;
  private readonly config: RuntimeConfig;

  constructor(render: Renderer, deliver: (event: OutgoingEvent) => void, config: RuntimeConfig) {
    this.render = render;
    this.deliver = deliver;
    this.config = config;
  }

  call(view: CallView, notificationType: CallNotificationType): void {
    const data: Record<string, unknown> = {
      messageType: 'CallStateChangeMessage',
      notificationType,
      call: this.render.call(view),
      phoneNumber: view.agent.dn,
    };
    if (WITH_EXTENSIONS.has(notificationType)) data.extensions = { BusinessCall: 0 };
    this.push({
      userName: view.agent.userName,
      channel: '/v2/me/calls',
      data: this.render.vary(data),
    });
  }

  device(agent: Agent): void {
    const data = { messageType: 'DeviceStateChangeMessage', devices: [this.render.device(agent)] };
    this.push({
      userName: agent.userName,
      channel: '/v2/me/devices',
      data: this.render.vary(data),
    });
  }

  /**
   * ChannelStateChangeMessageV2 for the voice channel (§5.5), only with `voiceChannelMessages`
   * (the v2 channel model). By default an agent-state or DND change of voice is reported by the
   * device notification alone, so no client comes to depend on a message GWS may not send.
   */
  channel(agent: Agent): void {
    if (!this.config.voiceChannelMessages) return;
    const channels = [
      this.render.vary({
        channel: 'voice',
        dndState: agent.dnd ? 'On' : 'Off',
        userState: this.render.userState(agent),
      }),
    ];
    const data = { messageType: 'ChannelStateChangeMessageV2', channels };
    this.push({
      userName: agent.userName,
      channel: '/v2/me/channels',
      data: this.render.vary(data),
    });
  }

  /** Asynchronous voice error; shape per the suggestion of §5.5 (open question 1). */
  error(agent: Agent, errorCode: string, errorMessage: string): void {
    const data = { messageType: 'ErrorMessage', errorCode, errorMessage, phoneNumber: agent.dn };
    this.push({ userName: agent.userName, channel: '/v2/me/calls', data: this.render.vary(data) });
  }

  raw(userName: string, channel: string, data: unknown): void {
    this.push({ userName, channel, data });
  }

  /** Runs `fn` with every message held back; nested captures join the outer one. */
  capture<T>(fn: () => T): { result: T; events: OutgoingEvent[] } {
    if (this.captured) return { result: fn(), events: [] };
    const events: OutgoingEvent[] = [];
    this.captured = events;
    try {
      return { result: fn(), events };
    } finally {
      this.captured = null;
    }
  }

  dispatch(events: OutgoingEvent[]): void {
    for (const e of events) this.deliver(e);
  }

  private push(event: OutgoingEvent): void {
    if (this.captured) this.captured.push(event);
    else this.deliver(event);
  }
}
