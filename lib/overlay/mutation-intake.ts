import { isInlineElement } from './inline-runs.ts';
import { OPT_OUT_ATTRIBUTE } from './scan-filter.ts';

/** What the observer watches: structure, text, and the attributes that decide scanning. */
export const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['href', OPT_OUT_ATTRIBUTE, 'contenteditable'],
};

export interface MutationSink {
  scan(node: Node): void;
  removed(node: Node): void;
  textChanged(node: Text): void;
  attributesChanged(node: Node): void;
}

/**
 * Turns mutation records into queued work and nothing else: the observer callback runs
 * inside the page's own task, so it must stay O(records) with no DOM reads beyond the
 * records themselves (design §3: observers only enqueue).
 */
export function intakeMutations(
  records: readonly MutationRecord[],
  sink: MutationSink,
  ownHost: Element | null,
  onOwnHostRemoved: () => void,
): void {
  for (const record of records) {
    switch (record.type) {
      case 'childList': {
        for (const node of record.removedNodes) {
          if (node === ownHost) onOwnHostRemoved();
          else sink.removed(node);
        }
        for (const node of record.addedNodes) {
          if (node !== ownHost && (node.nodeType === 1 || node.nodeType === 3)) sink.scan(node);
        }
        // Text taken out of a link changes the link's extent, and text or an inline element
        // taken out of a line changes a number split over inline elements: looked at again.
        const target = record.target as Element;
        if (
          record.removedNodes.length > 0 &&
          (target.localName === 'a' || [...record.removedNodes].some(splitsLine))
        ) {
          sink.scan(target);
        }
        break;
      }
      case 'characterData':
        sink.textChanged(record.target as Text);
        break;
      case 'attributes':
        sink.attributesChanged(record.target);
        break;
    }
  }
}

/** A removed node that was part of a line of text (not only white space between blocks). */
function splitsLine(node: Node): boolean {
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  return node.nodeType === 1 && isInlineElement(node as Element);
}
