// Every courier adapter against its sandbox (scripts/sandboxes/<id>.mjs), in workerd: booking,
// tracking through the states a test sets, the label's PDF bytes, cancelling, the city list, and
// each error a courier gives mapped to one Result: a bad city, refused credentials, a reference
// booked twice, a 5xx, no answer in time. No secret is ever in a Result's detail. The look-up by
// our order reference finds a booking whose answer was lost (the sandbox books, then never
// answers), finds none for a reference never booked, and times out like every other call.
import { describe, expect, it } from "vitest";
import type { Courier, Result } from "./courier";
import { courierById } from "./index";
import {
  BAD_CITY,
  BAD_CREDENTIAL,
  failCourierNext,
  loseCourierNext,
  ownAccount,
  sandboxContext,
  setTrackingStatus,
  shipmentFor,
  TEST_COURIER_CREDENTIALS,
  uniqueRef,
  type SandboxCourier,
} from "./test-helpers";

// Each courier's own words for a delivered and a returned shipment.
const WORDS: Record<SandboxCourier, { delivered: string; returned: string; moving: string }> = {
  postex: { delivered: "Delivered", returned: "Returned", moving: "Out For Delivery" },
  leopards: { delivered: "Delivered", returned: "Returned to shipper", moving: "Arrived at Station" },
  trax: { delivered: "Shipment - Delivered", returned: "Return - Delivered to Shipper", moving: "Shipment - Out for Delivery" },
};

function value<T>(r: Result<T>): T {
  if (r.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
}

const noSecrets = (r: Result<unknown>, id: SandboxCourier) => {
  for (const secret of Object.values(TEST_COURIER_CREDENTIALS[id])) expect(JSON.stringify(r)).not.toContain(secret);
};

describe.each(["postex", "leopards", "trax"] as const)("%s against its sandbox", (id) => {
  const courier = courierById(id) as Courier;
  const ctx = () => sandboxContext(id);

  it("books, tracks through the states the courier reports, gives its label as PDF bytes", async () => {
    const booked = value(await courier.book(ctx(), shipmentFor(uniqueRef())));
    expect(booked.trackingNumber).toMatch(/^\w{6,}$/);
    const first = value(await courier.track(ctx(), [booked.trackingNumber]));
    expect(first).toEqual([expect.objectContaining({ trackingNumber: booked.trackingNumber, state: "booked" })]);
    await setTrackingStatus(id, booked.trackingNumber, WORDS[id].moving);
    expect(value(await courier.track(ctx(), [booked.trackingNumber]))[0]).toMatchObject({ state: "in_transit", providerStatus: WORDS[id].moving });
    await setTrackingStatus(id, booked.trackingNumber, WORDS[id].delivered);
    expect(value(await courier.track(ctx(), [booked.trackingNumber]))[0]!.state).toBe("delivered");
    await setTrackingStatus(id, booked.trackingNumber, WORDS[id].returned);
    expect(value(await courier.track(ctx(), [booked.trackingNumber]))[0]!.state).toBe("returned");
    const pdf = value(await courier.label(ctx(), booked));
    expect(new TextDecoder().decode(pdf!.subarray(0, 5))).toBe("%PDF-");
    expect(new TextDecoder().decode(pdf!)).toContain(booked.trackingNumber);
  });

  it("tracks a full batch (its API's limit) in one call", async () => {
    const numbers = [];
    for (let i = 0; i < Math.min(courier.trackBatch, 3); i++) numbers.push(value(await courier.book(ctx(), shipmentFor(uniqueRef()))).trackingNumber);
    const tracked = value(await courier.track(ctx(), numbers));
    expect(tracked.map((t) => t.trackingNumber).sort()).toEqual([...numbers].sort());
  });

  it("cancels a booking", async () => {
    const booked = value(await courier.book(ctx(), shipmentFor(uniqueRef())));
    expect(await courier.cancel(ctx(), booked)).toEqual({ status: "ok", value: null });
    expect(value(await courier.track(ctx(), [booked.trackingNumber]))[0]!.state).toBe("cancelled");
  });

  it("lists the cities it delivers to", async () => {
    expect(value(await courier.cities(ctx()))).toEqual(expect.arrayContaining(["Lahore", "Karachi", "Islamabad"]));
  });

  it("a city it does not deliver to is bad_city (permanent)", async () => {
    const r = await courier.book(ctx(), shipmentFor(uniqueRef(), { city: BAD_CITY }));
    expect(r).toMatchObject({ status: "permanent", reason: "bad_city" });
  });

  it("refused credentials are bad_credentials, and the secret is not in the detail", async () => {
    const bad = Object.fromEntries(Object.keys(TEST_COURIER_CREDENTIALS[id]).map((k) => [k, BAD_CREDENTIAL]));
    const r = await courier.book(sandboxContext(id, { ...TEST_COURIER_CREDENTIALS[id], ...bad }), shipmentFor(uniqueRef()));
    expect(r).toMatchObject({ status: "permanent", reason: "bad_credentials" });
    expect(JSON.stringify(r)).not.toContain(BAD_CREDENTIAL);
    expect(await courier.book(sandboxContext(id, {}), shipmentFor(uniqueRef()))).toMatchObject({ status: "permanent", reason: "not_configured" });
  });

  it("a reference booked before is duplicate_reference", async () => {
    const ref = uniqueRef();
    value(await courier.book(ctx(), shipmentFor(ref)));
    const again = await courier.book(ctx(), shipmentFor(ref));
    expect(again).toMatchObject({ status: "permanent", reason: "duplicate_reference" });
    noSecrets(again, id);
  });

  it("a 5xx is retryable (provider_unavailable), no answer in time is retryable (timeout)", async () => {
    const ref = uniqueRef();
    await failCourierNext(id, ref, { status: 503 });
    // Leopards and Trax read the city list first (no reference in it): fail the booking call itself.
    const r = await courier.book(ctx(), shipmentFor(ref));
    expect(r).toMatchObject({ status: "retryable", reason: "provider_unavailable" });
    noSecrets(r, id);
    const slow = uniqueRef();
    await failCourierNext(id, slow, { mode: "hang" });
    expect(await courier.book(sandboxContext(id, undefined, 300), shipmentFor(slow))).toMatchObject({ status: "retryable", reason: "timeout" });
  });
});

describe.each(["postex", "leopards", "trax"] as const)("%s: the look-up by our order reference", (id) => {
  const courier = courierById(id) as Courier;

  it("finds the booking whose answer was lost, finds none for a reference never booked, and gives the public tracking page", async () => {
    const ctx = sandboxContext(id, ownAccount(id));
    const ref = uniqueRef();
    const since = Date.now();
    expect(await courier.lookup!(ctx, ref, since)).toEqual({ status: "ok", value: null });
    await loseCourierNext(id, ref);
    expect(await courier.book({ ...ctx, timeoutMs: 300 }, shipmentFor(ref))).toMatchObject({ status: "retryable", reason: "timeout" });
    const found = value(await courier.lookup!(ctx, ref, since));
    expect(found!.trackingNumber).toMatch(/^\w{6,}$/);
    // The courier holds exactly that booking: tracking it works, booking the reference again is a duplicate.
    expect(value(await courier.track(ctx, [found!.trackingNumber]))[0]).toMatchObject({ trackingNumber: found!.trackingNumber, state: "booked" });
    expect(await courier.book(ctx, shipmentFor(ref))).toMatchObject({ status: "permanent", reason: "duplicate_reference" });
    const page = courier.trackingUrl!(found!.trackingNumber);
    expect(page).toMatch(/^https:\/\/[\w.-]+\/.*\w{6,}$/);
    expect(page.endsWith(encodeURIComponent(found!.trackingNumber))).toBe(true);
  });

  it.skipIf(id === "postex")("a look-up with no answer in time is retryable (timeout); the next one finds the booking", async () => {
    // PostEx's look-up is its dated list of orders (no reference in the request to fail by).
    const ctx = sandboxContext(id, ownAccount(id));
    const ref = uniqueRef();
    const booked = value(await courier.book(ctx, shipmentFor(ref)));
    await failCourierNext(id, ref, { mode: "hang" });
    expect(await courier.lookup!({ ...ctx, timeoutMs: 300 }, ref, Date.now())).toMatchObject({ status: "retryable", reason: "timeout" });
    expect(value(await courier.lookup!(ctx, ref, Date.now()))).toMatchObject({ trackingNumber: booked.trackingNumber });
  });
});

describe("own rider / other", () => {
  const own = courierById("own")!;
  it("books without a call: the typed tracking number or none, nothing to track", async () => {
    const ctx = { base: "", credentials: {}, timeoutMs: 1 };
    expect(value(await own.book(ctx, shipmentFor(uniqueRef(), { trackingNumber: " TCS-77120045 " })))).toEqual({ trackingNumber: "TCS-77120045" });
    expect(value(await own.book(ctx, shipmentFor(uniqueRef())))).toEqual({ trackingNumber: "" });
    expect(value(await own.track(ctx, ["TCS-77120045"]))).toEqual([]);
    expect(own.trackBatch).toBe(0);
    // No public tracking page, and no look-up (it never calls anything, so no answer is ever lost).
    expect(own.trackingUrl).toBeUndefined();
    expect(own.lookup).toBeUndefined();
  });
});
