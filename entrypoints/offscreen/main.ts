import browser from 'webextension-polyfill';
import { RingPlayer } from '@/lib/ringtone/ring-player';
import { isRingRequest, type RingDocumentOpened } from '@/lib/ringtone/ring-messages';

// Chrome's offscreen document for the ring tone: the background opens it while a call rings
// and closes it when none does, so it rings from the moment it loads. It says it has loaded:
// a worker that died while opening it cannot close it, and the worker that follows may have
// looked for a document before this one appeared; the message makes that worker look again
// (and wakes one if none runs).
const player = new RingPlayer();
const started = player.start();
const opened: RingDocumentOpened = { ringtone: 'opened' };
// Nothing answers it: the background acts on it and replies nothing.
browser.runtime.sendMessage(opened).catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only the background asks; content scripts reach every extension page too (they have a tab).
  if (!isRingRequest(message) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return started.then(() => player.status());
});
