/**
 * For the couriers' tests only: an adapter's context pointed at its sandbox (from vitest's
 * globalSetup), the sandbox's admin routes (a tracking number's status, scheduled failures), and
 * a realistic shipment (a long Pakistani name and address, in English and Urdu).
 */
import { inject } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import type { CourierContext, Shipment } from "./courier";
import { courierById, courierContext } from "./index";

export type SandboxCourier = "postex" | "leopards" | "trax";

export const TEST_COURIER_CREDENTIALS: Record<SandboxCourier, Record<string, string>> = {
  postex: { token: "pstx-test-token-ZmFrZS10b2tlbi0xMjM0NTY3ODkw", pickupAddressCode: "004" },
  leopards: { apiKey: "LPD-TEST-KEY-8f3b2c1d9e7a", apiPassword: "leopards-test-password-2026" },
  trax: { apiKey: "trax-test-key-c2FuZGJveC1rZXktMDEyMzQ1", pickupAddressId: "1021" },
};

/**
 * A courier account of its own (the token or key made unique): the sandboxes are shared by test
 * files running in parallel, each with a fresh D1 whose order numbers and shipment ids start alike,
 * and an order reference is unique per account.
 */
export function ownAccount(id: SandboxCourier): Record<string, string> {
  const tail = crypto.getRandomValues(new Uint32Array(2)).join("");
  return Object.fromEntries(Object.entries(TEST_COURIER_CREDENTIALS[id]).map(([k, v]) => [k, k === "token" || k === "apiKey" ? `${v}-${tail}` : v]));
}

/** The env entries that point the couriers at the sandboxes. */
export function couriersSandboxEnv() {
  const urls = inject("sandboxes");
  return {
    POSTEX_API_BASE: `${urls.postex}/services/integration/api/order`,
    LEOPARDS_API_BASE: `${urls.leopards}/api`,
    TRAX_API_BASE: `${urls.trax}/api`,
    COURIERS_TIMEOUT_MS: "5000",
  };
}

export function sandboxContext(id: SandboxCourier, credentials: Record<string, string> = TEST_COURIER_CREDENTIALS[id], timeoutMs?: number): CourierContext {
  const ctx = courierContext(courierById(id)!, couriersSandboxEnv(), credentials);
  return timeoutMs ? { ...ctx, timeoutMs } : ctx;
}

export const BAD_CREDENTIAL = magic.couriers.badCredential;
export const BAD_CITY = magic.couriers.badCity;

async function admin(id: SandboxCourier, path: string, q: Record<string, string>): Promise<void> {
  const res = await fetch(`${inject("sandboxes")[id]}/__sandbox/${path}?${new URLSearchParams(q)}`, { method: "POST" });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

/** What the sandbox reports for the tracking number from now on ("Delivered", "Returned"...). */
export const setTrackingStatus = (id: SandboxCourier, tracking: string, status: string) => admin(id, "status", { tracking, status });

/** The next `count` requests about `to` (an order reference or tracking number) fail with `status`, or hang. */
export const failCourierNext = (id: SandboxCourier, to: string, opts: { count?: number; status?: number; mode?: "hang" } = {}) =>
  admin(id, "fail-next", { count: String(opts.count ?? 1), to, ...(opts.status ? { status: String(opts.status) } : {}), ...(opts.mode ? { mode: opts.mode } : {}) });

/** The next booking of `ref` is made at the sandbox, then its answer is lost (the caller times out). */
export const loseCourierNext = (id: SandboxCourier, ref: string) => admin(id, "lose-next", { to: ref });

/** The requests the sandbox received about `to` (an order reference or tracking number), oldest first. */
export async function courierRequests(id: SandboxCourier, to: string): Promise<{ method: string; path: string }[]> {
  const res = await fetch(`${inject("sandboxes")[id]}/__sandbox/requests?${new URLSearchParams({ to })}`);
  return ((await res.json()) as { requests: { method: string; path: string }[] }).requests;
}

/** A reference no other test uses: the sandboxes are shared by test files running in parallel. */
export const uniqueRef = () => `H-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;

export function shipmentFor(ref: string, extra: Partial<Shipment> = {}): Shipment {
  return {
    ref,
    customerName: "Ayesha Siddiqui Khan",
    phone: "03001234567",
    address: "House 42-B, Street 7, Block C, Gulberg III, near Liberty Market, Lahore",
    city: "Lahore",
    weightGrams: 750,
    codPaisa: 1_245_000,
    pieces: 2,
    description: "2 x Handmade embroidered chiffon kurta with dupatta for weddings",
    ...extra,
  };
}
