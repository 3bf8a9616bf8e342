// The outbound call every transport shares: a failure to get any answer is retryable, provider
// text is read up to a cap, redirects are not followed, Retry-After is understood, secrets scrubbed.
import { describe, expect, it } from "vitest";
import { RESPONSE_BODY_MAX, callProvider, retryAfterSeconds, scrub } from "./http";

describe("callProvider", () => {
  it("reads the status, headers and JSON body", async () => {
    const fetch = async () => new Response(JSON.stringify({ id: "x" }), { status: 201, headers: { location: "/m/1" } });
    const call = await callProvider("https://api.example/x", { method: "POST" }, { timeoutMs: 1000, fetch });
    expect(call.ok && call.response.status).toBe(201);
    expect(call.ok && call.response.json).toEqual({ id: "x" });
    expect(call.ok && call.response.headers.get("location")).toBe("/m/1");
  });

  it(`reads at most ${RESPONSE_BODY_MAX} bytes of a provider's answer, and does not parse a cut body`, async () => {
    const huge = JSON.stringify({ message: "x".repeat(RESPONSE_BODY_MAX * 4) });
    const fetch = async () => new Response(huge, { status: 400 });
    const call = await callProvider("https://api.example/x", {}, { timeoutMs: 1000, fetch });
    expect(call.ok && call.response.text.length).toBe(RESPONSE_BODY_MAX);
    expect(call.ok && call.response.json).toBeUndefined();
  });

  it("never follows a redirect (the Authorization header stays with the provider)", async () => {
    let redirect: RequestRedirect | undefined;
    const fetch = async (_: RequestInfo | URL, init?: RequestInit) => {
      redirect = init?.redirect;
      return new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } });
    };
    const call = await callProvider("https://api.example/x", { headers: { authorization: "Bearer t" } }, { timeoutMs: 1000, fetch });
    expect(redirect).toBe("manual");
    expect(call.ok && call.response.status).toBe(302);
  });

  it("turns no answer within the timeout into a retryable timeout", async () => {
    const fetch = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    const call = await callProvider("https://api.example/x", {}, { timeoutMs: 150, fetch });
    expect(call).toEqual({ ok: false, outcome: { status: "retryable", reason: "timeout", detail: "no answer within 150 ms" } });
  });

  it("turns a lost connection into a retryable network failure", async () => {
    // What workerd's fetch throws for a refused connection (a real one also logs an "uncaught
    // exception" line from workerd itself, hence the stand-in here).
    const fetch = async () => {
      throw new Error("Network connection lost.");
    };
    const call = await callProvider("http://127.0.0.1:1/x", { method: "POST" }, { timeoutMs: 5000, fetch });
    expect(call).toEqual({
      ok: false,
      outcome: { status: "retryable", reason: "network", detail: "could not reach the provider: Network connection lost." },
    });
  });
});

describe("retryAfterSeconds", () => {
  const h = (value: string) => new Headers({ "retry-after": value });
  it("reads delay-seconds and HTTP-dates, clamped to a day", () => {
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    expect(retryAfterSeconds(h("120"), now)).toBe(120);
    expect(retryAfterSeconds(h(new Date(now + 90_000).toUTCString()), now)).toBe(90);
    expect(retryAfterSeconds(h(new Date(now - 90_000).toUTCString()), now)).toBe(0);
    expect(retryAfterSeconds(h("999999999"), now)).toBe(86_400);
    expect(retryAfterSeconds(h("soon"), now)).toBeUndefined();
    expect(retryAfterSeconds(new Headers(), now)).toBeUndefined();
  });
});

describe("scrub", () => {
  it("replaces every occurrence of a secret", () => {
    expect(scrub("bad token EAAG-123 (EAAG-123)", ["EAAG-123", "abc"])).toBe("bad token [secret] ([secret])");
    expect(scrub("a b c", ["", "b"])).toBe("a b c");
  });
});
