import type { CometD, Message } from 'cometd';

/**
 * CometD servers allow one held long poll per browser (`maxSessionsPerBrowser`, default 1 in
 * the Java and Node servers). While another poll of the same browser is held — typically the
 * one a stopped MV3 service worker left behind, which the server keeps until its hold time
 * ends — each /meta/connect is answered at once with advice `{"multiple-clients": true,
 * "interval": 2000}`. When that clears, the server simply stops sending advice, and the
 * cometd client keeps the 2 s interval for good: every event after a poll returns would wait
 * up to 2 s. This resets the interval to 0 on the first successful connect reply that no
 * longer reports multiple clients.
 */
export function resetIntervalWhenMultipleClientsClear(cometd: CometD): void {
  let advisedMultipleClients = false;
  cometd.registerExtension('gws-multiple-clients-advice', {
    incoming(message: Message): Message {
      if (message.channel !== '/meta/connect' || message.successful !== true) return message;
      const advice = message.advice as Record<string, unknown> | undefined;
      const multiple = advice?.['multiple-clients'] === true;
      if (advisedMultipleClients && !multiple && advice?.interval === undefined) {
        const current = { ...cometd.getAdvice() } as Record<string, unknown>;
        delete current['multiple-clients'];
        message.advice = { ...current, ...advice, interval: 0 };
      }
      advisedMultipleClients = multiple;
      return message;
    },
  });
}
