/**
 * Pointer moves, scrolls and resizes come far more often than frames: this keeps the last
 * pointer position and runs the interaction layer's work once per animation frame at most.
 */
type PointerAt = { x: number; y: number; over: EventTarget | undefined } | undefined;

export class FrameFollower {
  #pointerAt: PointerAt;
  #frame = 0;
  readonly #win: Window;
  readonly #onFrame: (pointer: PointerAt) => void;

  constructor(win: Window, onFrame: (pointer: PointerAt) => void) {
    this.#win = win;
    this.#onFrame = onFrame;
  }

  pointerMoved(x: number, y: number, over: EventTarget | undefined): void {
    this.#pointerAt = { x, y, over };
    this.request();
  }

  request(): void {
    if (this.#frame) return;
    this.#frame = this.#win.requestAnimationFrame(() => {
      this.#frame = 0;
      const at = this.#pointerAt;
      this.#pointerAt = undefined;
      this.#onFrame(at);
    });
  }

  stop(): void {
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}
