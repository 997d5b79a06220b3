/**
 * GWS v2 types: the raw wire (as REST and CometD send it, gws-api.md §5–§7) and the
 * normalized model the rest of the extension works with (produced by parse.ts).
 *
 * Enumerations are open: each is the documented values plus `(string & {})`, so a value a
 * newer or older server sends is carried through instead of being rejected (gws-api.md §11).
 */
export type * from './enums.ts';
export type * from './wire-types.ts';
export type * from './model-types.ts';
