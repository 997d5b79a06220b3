/**
 * Pointer moves, scrolls and resizes come far more often than frames: this keeps the last
 * pointer position and runs the interaction layer's work once per animation frame at most.
 */
export class FrameFollower {
  private pointerAt: { x: number; y: number; over: EventTarget | undefined } | undefined;
  private frame = 0;
  private readonly win: Window;
  private readonly onFrame: (pointer: FrameFollower['pointerAt']) => void;

  constructor(win: Window, onFrame: (pointer: FrameFollower['pointerAt']) => void) {
    this.win = win;
    this.onFrame = onFrame;
  }

  pointerMoved(x: number, y: number, over: EventTarget | undefined): void {
    this.pointerAt = { x, y, over };
    this.request();
  }

  request(): void {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      const at = this.pointerAt;
      this.pointerAt = undefined;
      this.onFrame(at);
    });
  }

  stop(): void {
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
