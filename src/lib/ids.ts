/**
 * What an id is, everywhere one is read from a request (a route, a form, the cart cookie): a
 * positive integer of at most ID_DIGITS digits. Each shard counts its ids from its own block of
 * 2^32 (src/shards/blocks.ts), so a shop in shard 1 has ids past 4,294,967,296 from its first
 * product; 15 digits stay below 2^53 (a JavaScript number holds them exactly) and leave room for
 * 232,000 blocks. The one cap: every id parser takes it from here.
 */
export const ID_DIGITS = 15;

/** An id's digits as a regular expression source (for route patterns and form checks). */
export const ID_SOURCE = `[1-9][0-9]{0,${ID_DIGITS - 1}}`;

/** A route parameter that is an id: `/:id${ID_ROUTE}`. */
export const ID_ROUTE = `{${ID_SOURCE}}`;

const ID_RE = new RegExp(`^${ID_SOURCE}$`);

/** `s` read as an id, or null. */
export const idOf = (s: string | undefined | null): number | null => (s && ID_RE.test(s) ? Number(s) : null);
