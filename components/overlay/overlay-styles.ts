/**
 * Styles of the overlay's closed shadow root. The host is a zero-size fixed box at the top of
 * the stacking order; everything inside is positioned in viewport coordinates. `!important`
 * on :host wins over page styles aimed at the host element (inner !important beats outer).
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  display: block !important;
  contain: style !important;
}
* { box-sizing: border-box; }
.hit {
  position: fixed;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 3px;
  background: rgb(37 99 235 / 0.14);
  box-shadow: inset 0 -2px 0 #1d4ed8;
  cursor: pointer;
  /* Inside the target: a focus ring must not reach over the card (click-guard.ts would
     rightly call the card covered). */
  outline-offset: -2px;
}
.hit:focus-visible { outline: 2px solid #1d4ed8; }
.hit.input { background: #1d4ed8; box-shadow: none; border-radius: 50%; }
.hit.input::after {
  content: '';
  position: absolute;
  inset: 25%;
  background: #fff;
  clip-path: polygon(10% 0, 40% 0, 45% 30%, 30% 40%, 60% 70%, 70% 55%, 100% 60%, 100% 90%, 80% 100%, 0 20%);
}
.card {
  position: fixed;
  /* One outer size whatever the card shows: the page can hit-test our host
     (elementFromPoint) and must not learn from its size whether the number is on a call. */
  width: 320px;
  height: min(280px, calc(100vh - 16px));
  overflow: auto;
  padding: 10px 12px;
  background: #fff;
  color: #111827;
  /* No shadow: its blur would reach over the number's hit target, and the browser's
     visibility check (click-guard.ts) would rightly call the target covered. */
  border: 1px solid #9ca3af;
  border-radius: 8px;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  user-select: none;
  text-align: left;
}
.head { display: flex; align-items: baseline; gap: 6px; font-size: 15px; font-weight: 600; }
/* The country as a text badge: it renders with any font (see countryBadge). */
.flag {
  align-self: center;
  padding: 0 4px;
  border: 1px solid #9ca3af;
  border-radius: 3px;
  font: 600 11px/16px ui-monospace, monospace;
  color: #374151;
}
.facts { display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 6px 0; }
.facts dt { color: #6b7280; }
.facts dd { margin: 0; }
.warn { color: #b45309; }
.risk { flex-basis: 100%; margin: 0; }
.status { margin: 6px 0 0; color: #374151; }
.status.error { color: #b91c1c; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
button.act {
  font: inherit;
  padding: 4px 10px;
  border-radius: 5px;
  border: 1px solid #9ca3af;
  background: #f9fafb;
  color: #111827;
  cursor: pointer;
}
button.act.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.act.danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
button.act:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.call { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e5e7eb; }
.call-state { font-weight: 600; }
.data { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 4px 0 0; font-size: 12px; }
.data dt { color: #6b7280; }
.data dd { margin: 0; overflow-wrap: anywhere; }
.hint { color: #6b7280; font-size: 12px; margin-top: 6px; }
`;
