/** A CSS length in pixels (Preact 11 no longer appends `px` to numbers in style objects). */
export function px(n: number): string {
  return `${Math.round(n * 100) / 100}px`;
}
