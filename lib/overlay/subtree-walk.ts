import { classifyElement } from './scan-filter.ts';

/** What a walk reports, in document order. */
export interface WalkSink {
  /** A text node with enough digits to hold a number. */
  text(node: Text): void;
  /** A text node without (it may have held a number before its text changed). */
  plainText?(node: Text): void;
  link(link: Element): void;
  input(input: Element): void;
  /** An open shadow root met on the way (its content is walked separately). */
  shadowRoot(root: ShadowRoot): void;
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** Nodes visited between two looks at the clock. */
const CLOCK_STRIDE = 32;

/**
 * A resumable walk over one subtree with a TreeWalker. The walker has no filter callback
 * (calling into script for every node costs more than the checks themselves); skipped
 * subtrees are stepped over with nextSibling/parentNode. `step` stops when told to yield and
 * carries on from the same node on the next call; if that node left the subtree in between,
 * the walk starts over (nodes already scanned are cheap no-ops for the store).
 */
export class SubtreeWalk {
  readonly root: Node;
  readonly #sink: WalkSink;
  readonly #ownHost: Element | null;
  readonly #accepts: (text: string) => boolean;
  #walker: TreeWalker | undefined;
  #done = false;
  /** Nodes visited so far (for statistics). */
  visited = 0;

  constructor(
    root: Node,
    sink: WalkSink,
    ownHost: Element | null,
    accepts: (text: string) => boolean,
  ) {
    this.root = root;
    this.#sink = sink;
    this.#ownHost = ownHost;
    this.#accepts = accepts;
  }

  /** Walks until finished (true) or until `shouldYield` says so (false). */
  step(shouldYield: () => boolean): boolean {
    if (this.#done) return true;
    let walker = this.#walker;
    let node: Node | null;
    if (!walker) {
      if (!this.#begin()) return this.#finish();
      walker = this.#walker!;
      node = walker.nextNode();
    } else if (this.#stillInside(walker.currentNode)) {
      // The walk yielded *before* its current node: that node is next.
      node = walker.currentNode;
    } else {
      walker = this.#walker = this.#createWalker();
      node = walker.nextNode();
    }
    let count = 0;
    while (node) {
      this.visited++;
      // Detection is the costly part: after each detector call the clock is looked at;
      // otherwise every CLOCK_STRIDE nodes.
      let costly = false;
      if (node.nodeType === 3) {
        if (this.#accepts((node as Text).data)) {
          this.#sink.text(node as Text);
          costly = true;
        } else {
          this.#sink.plainText?.(node as Text);
        }
        node = walker.nextNode();
      } else {
        node = this.#visitElement(walker, node as Element);
      }
      if ((costly || ++count % CLOCK_STRIDE === 0) && node && shouldYield()) {
        walker.currentNode = node;
        return false;
      }
    }
    return this.#finish();
  }

  #finish(): boolean {
    this.#done = true;
    this.#walker = undefined;
    return true;
  }

  /** Handles the root itself (a TreeWalker never filters its root). False: nothing to walk. */
  #begin(): boolean {
    const root = this.root;
    if (root.nodeType === 3) {
      if (this.#accepts((root as Text).data)) this.#sink.text(root as Text);
      return false;
    }
    if (root.nodeType === 1) {
      const verdict = classifyElement(root as Element, this.#ownHost);
      if (verdict === 'skip') return false;
      if (verdict === 'link') {
        this.#sink.link(root as Element);
        return false;
      }
      if (verdict === 'input') {
        this.#sink.input(root as Element);
        return false;
      }
      const shadow = (root as Element).shadowRoot;
      if (shadow) this.#sink.shadowRoot(shadow);
    } else if (root.nodeType !== 9 && root.nodeType !== 11) {
      return false;
    }
    this.#walker = this.#createWalker();
    return true;
  }

  #createWalker(): TreeWalker {
    const doc = this.root.nodeType === 9 ? (this.root as Document) : this.root.ownerDocument!;
    return doc.createTreeWalker(this.root, SHOW_ELEMENT_AND_TEXT);
  }

  #stillInside(node: Node): boolean {
    return node === this.root || this.root.contains(node);
  }

  /** Reports an element and returns the next node to visit, stepping over skipped subtrees. */
  #visitElement(walker: TreeWalker, el: Element): Node | null {
    const verdict = classifyElement(el, this.#ownHost);
    if (verdict === 'descend') {
      const shadow = el.shadowRoot;
      if (shadow) this.#sink.shadowRoot(shadow);
      return walker.nextNode();
    }
    if (verdict === 'link') this.#sink.link(el);
    else if (verdict === 'input') this.#sink.input(el);
    return skipSubtree(walker);
  }
}

/** The node after the walker's current subtree in document order, or null at the end. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
