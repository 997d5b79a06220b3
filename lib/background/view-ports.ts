import browser from 'webextension-polyfill';
import { VIEW_PORT_NAME, type StatePush } from '../messaging/protocol.ts';
import type { ViewState } from '../messaging/view-state.ts';
import { classifySender } from '../messaging/sender.ts';

/**
 * The set of open views (popup, options) and the state pushed to them. Each view opens a
 * port; it receives the current state at once and every change after that.
 */
export class ViewPorts {
  private readonly ports = new Set<browser.Runtime.Port>();

  private readonly currentState: () => ViewState;

  constructor(currentState: () => ViewState) {
    this.currentState = currentState;
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
      this.send(port, this.currentState());
    });
  }

  broadcast(state: ViewState): void {
    for (const port of this.ports) this.send(port, state);
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
