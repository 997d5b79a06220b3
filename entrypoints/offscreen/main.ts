import browser from 'webextension-polyfill';
import { RingPlayer } from '@/lib/ringtone/ring-player';
import { isRingRequest } from '@/lib/ringtone/ring-messages';

// Chrome's offscreen document for the ring tone: the background opens it while a call rings
// and closes it when none does, so it rings from the moment it loads and asks nothing else.
const player = new RingPlayer();
const started = player.start();

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only the background asks; content scripts reach every extension page too (they have a tab).
  if (!isRingRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return started.then(() => player.status());
});
