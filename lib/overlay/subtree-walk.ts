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

/**
 * Elements whose extent the sink follows (records and languages, record-context.ts): the walk
 * says when it enters and leaves each, so the record around a text is known without looking it
 * up, and a record's text is read as the walk passes it rather than by a second walk. A scope
 * may hold the texts inside it back until the walk leaves it: a record's numbers are read with
 * the whole record, including the cells after them.
 */
export interface WalkScopes {
  /**
   * The walk (re)starts under `root`: scopes entered before are void. The scopes around the
   * node it resumes at are entered again (`enter(el, true)`), outermost first.
   */
  restart(root: Node): void;
  /**
   * An element the walk descends into (or, `resumed`, one around where it resumes). True: it
   * opens a scope, and `leave` follows when the walk has passed it.
   */
  enter(el: Element, resumed: boolean): boolean;
  /**
   * A text the walk visits; `accepted`: it may hold a number. True: held back, to be reported
   * when its scope is left (or the walk yields).
   */
  text(node: Text, data: string, accepted: boolean): boolean;
  /** A subtree the walk steps over (code, a link read as one, an input) inside open scopes. */
  skipped(el: Element): void;
  /** The walk left the innermost scope; `report` takes the texts held back in it. */
  leave(report: (node: Text) => void): void;
  /** The walk yields or ends: `report` takes every text still held back. */
  pause(report: (node: Text) => void): void;
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
  readonly #scopes: WalkScopes | undefined;
  /** The node after each open scope, innermost last (null: the walk's end). */
  readonly #ends: Array<Node | null> = [];
  /** The node that ends the innermost scope (null when none is open or it ends the walk). */
  #nextEnd: Node | null = null;
  readonly #report = (node: Text) => this.#sink.text(node);
  #walker: TreeWalker | undefined;
  #done = false;
  /** Nodes visited so far (for statistics). */
  visited = 0;

  constructor(
    root: Node,
    sink: WalkSink,
    ownHost: Element | null,
    accepts: (text: string) => boolean,
    scopes?: WalkScopes,
  ) {
    this.root = root;
    this.#sink = sink;
    this.#ownHost = ownHost;
    this.#accepts = accepts;
    this.#scopes = scopes;
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
      this.#resumeScopes(node.parentNode, true);
    } else {
      walker = this.#walker = this.#createWalker();
      node = walker.nextNode();
      this.#resumeScopes(this.root, false);
    }
    const scopes = this.#scopes;
    let count = 0;
    while (node) {
      while (node === this.#nextEnd) this.#leaveScope();
      this.visited++;
      // Detection is the costly part: after each detector call the clock is looked at;
      // otherwise every CLOCK_STRIDE nodes.
      let costly = false;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        const accepted = this.#accepts(data);
        if (!scopes?.text(node as Text, data, accepted)) {
          if (accepted) {
            this.#sink.text(node as Text);
            costly = true;
          } else {
            this.#sink.plainText?.(node as Text);
          }
        }
        node = walker.nextNode();
      } else {
        node = this.#visitElement(walker, node as Element);
      }
      if ((costly || ++count % CLOCK_STRIDE === 0) && node && shouldYield()) {
        while (node === this.#nextEnd) this.#leaveScope();
        walker.currentNode = node;
        this.#scopes?.pause(this.#report);
        return false;
      }
    }
    return this.#finish();
  }

  #finish(): boolean {
    while (this.#ends.length > 0) this.#leaveScope();
    this.#scopes?.pause(this.#report);
    this.#done = true;
    this.#walker = undefined;
    return true;
  }

  /**
   * Enters the scopes from the root down to `inner` (the root alone at the walk's start): at
   * the start, on a restart, and where the walk resumes (the page may have changed between).
   */
  #resumeScopes(inner: Node | null, resumed: boolean): void {
    const scopes = this.#scopes;
    if (!scopes) return;
    this.#ends.length = 0;
    this.#nextEnd = null;
    scopes.restart(this.root);
    const around: Element[] = [];
    for (let n = inner; n; n = n === this.root ? null : n.parentNode) {
      if (n.nodeType === 1) around.push(n as Element);
    }
    for (let i = around.length - 1; i >= 0; i--) {
      const el = around[i]!;
      if (scopes.enter(el, resumed)) this.#opened(el);
    }
  }

  #opened(el: Element): void {
    this.#ends.push((this.#nextEnd = this.#nodeAfter(el)));
  }

  #leaveScope(): void {
    const ends = this.#ends;
    ends.pop();
    this.#nextEnd = ends.length > 0 ? ends[ends.length - 1]! : null;
    this.#scopes!.leave(this.#report);
  }

  /** The node after `el`'s subtree in the walk's order; null if that is past the root. */
  #nodeAfter(el: Node): Node | null {
    for (let n: Node | null = el; n && n !== this.root; n = n.parentNode) {
      const next = n.nextSibling;
      if (next) return next;
    }
    return null;
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
    this.#resumeScopes(root, false);
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
      if (this.#scopes?.enter(el, false)) this.#opened(el);
      return walker.nextNode();
    }
    if (verdict === 'link') this.#sink.link(el);
    else if (verdict === 'input') this.#sink.input(el);
    // Its text is still part of the scopes around it (a tel: link's number in a record).
    if (this.#ends.length > 0) this.#scopes!.skipped(el);
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
