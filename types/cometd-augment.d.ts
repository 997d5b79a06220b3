import type { Transport } from 'cometd';

// cometd.d.ts does not declare the transport classes that cometd.js exports.
declare module 'cometd' {
  export class RequestTransport implements Transport {
    readonly type: string;
    url: string;
    accept(version: string, crossDomain: boolean, url: string): boolean;
    abort(): void;
  }
  export class LongPollingTransport extends RequestTransport {
    xhrSend(packet: unknown): unknown;
    abortXHR(xhr: unknown): boolean;
  }
}
