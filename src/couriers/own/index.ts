/**
 * The shop's own rider, or another courier Hatti has no API for: no credentials, no calls. A
 * booking gives back the tracking number she typed (or none); there is nothing to track, cancel
 * or fetch, so the seller moves such orders on herself.
 */
import { ok, type Courier } from "../courier";

export const own: Courier = {
  id: "own",
  credentialFields: [],
  trackBatch: 0,
  cities: async () => ok([]),
  book: async (_ctx, s) => ok({ trackingNumber: s.trackingNumber?.trim() ?? "" }),
  label: async () => ok(null),
  track: async () => ok([]),
  cancel: async () => ok(null),
};
