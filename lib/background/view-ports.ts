import browser from 'webextension-polyfill';
import { VIEW_PORT_NAME, type StatePush } from '../messaging/protocol.ts';
import type { ViewState } from '../messaging/view-state.ts';
import { classifySender } from '../messaging/sender.ts';
import type { TrafficSignal } from '../gws/http.ts';

/**
 * The set of open views (popup, options) and the view state pushed to them. Each view opens
 * a port; it receives the current view at once and the latest after every burst of changes:
 * a CometD batch or a recovery that changes the store many times in one task is one push,
 * and nothing is projected while no view is open.
 */
export class ViewPorts {
  private readonly ports = new Set<browser.Runtime.Port>();
  private readonly currentView: () => ViewState;
  private pushQueued = false;
  private readonly traffic: TrafficSignal | undefined;

  /** `traffic` is held from a change to its push (call events reach the views first). */
  constructor(currentView: () => ViewState, traffic?: TrafficSignal) {
    this.currentView = currentView;
    this.traffic = traffic;
  }

  listen(): void {
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== VIEW_PORT_NAME) return;
      const sender = port.sender ?? {};
      const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
      if (kind !== 'extension-page') {
        port.disconnect();
        return;
      }
      this.ports.add(port);
      port.onDisconnect.addListener(() => this.ports.delete(port));
      this.send(port, this.currentView());
    });
  }

  /** What views render changed: push the latest view once the current task is done. */
  changed(): void {
    if (this.pushQueued || this.ports.size === 0) return;
    this.pushQueued = true;
    const release = this.traffic?.hold();
    setTimeout(() => {
      this.pushQueued = false;
      try {
        if (this.ports.size === 0) return;
        const view = this.currentView();
        for (const port of this.ports) this.send(port, view);
      } finally {
        release?.();
      }
    }, 0);
  }

  private send(port: browser.Runtime.Port, state: ViewState): void {
    const push: StatePush = { type: 'state', state };
    try {
      port.postMessage(push);
    } catch {
      this.ports.delete(port);
    }
  }
}
