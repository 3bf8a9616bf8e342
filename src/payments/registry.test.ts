import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ur } from "../i18n/ur";
import { z } from "zod";
import { paymentsForm } from "../settings/schema";
import { fieldName, METHODS, parsePayments, paymentOptions, PAYMENT_METHODS } from ".";
import type { PaymentMethodDef } from "./method";
import { gatewayRoutes } from "../gateways/routes";

/** Every method folder, as the bundler sees it: `./<id>/index.ts`. */
const folders = import.meta.glob<{ default: PaymentMethodDef }>("./*/index.ts", { eager: true });

describe("the payment methods' registry", () => {
  it("registers every folder under src/payments/, each under its folder's name, and nothing else", () => {
    const byFolder = Object.entries(folders).map(([path, mod]) => [path.split("/")[1], mod.default?.id]);
    expect(byFolder.length).toBeGreaterThan(0);
    for (const [folder, id] of byFolder) expect(id, `src/payments/${folder}/index.ts exports its method as default`).toBe(folder);
    expect([...PAYMENT_METHODS].sort()).toEqual(byFolder.map(([f]) => f).sort());
    for (const m of METHODS) expect(Object.values(folders).map((f) => f.default), `${m.id} is a folder`).toContain(m);
  });

  it("has every registered method's strings in English and in Urdu", () => {
    for (const m of METHODS) {
      const keys = [`payments.${m.id}`, `checkout.pay.${m.id}`, m.checkoutHint, ...Object.values(m.fields).flatMap((f) => [f.label, f.required ?? f.label])];
      for (const k of keys) {
        expect(en, `en lacks ${k} (${m.id})`).toHaveProperty([k]);
        expect(ur, `ur lacks ${k} (${m.id})`).toHaveProperty([k]);
        expect((ur as Record<string, unknown>)[k], `ur ${k} is translated`).not.toBe("");
      }
    }
  });

  it("puts cash on delivery first, then each method once, and gives each kind what it needs", () => {
    expect(PAYMENT_METHODS[0]).toBe("cod");
    expect(new Set(PAYMENT_METHODS).size).toBe(PAYMENT_METHODS.length);
    for (const m of METHODS) {
      if (m.kind === "manual") expect(m.takesProof, `${m.id} takes proof`).toBe(true);
      if (m.kind !== "gateway") expect(m.afterPlace, `${m.id} has no redirect`).toBeUndefined();
      if (m.kind !== "gateway") expect(m.provider, `${m.id} needs no gateway's credentials`).toBeUndefined();
    }
  });

  it("registers each gateway whole: its credentials' provider, its redirect to a start route that exists, its return, never proof", () => {
    const gateways = METHODS.filter((m) => m.kind === "gateway");
    expect(gateways.map((m) => m.id).sort()).toEqual(["easypaisa_online", "jazzcash_online"]);
    const routes = gatewayRoutes.routes.map((r) => `${r.method} ${r.path}`);
    for (const m of gateways) {
      expect(m.provider, `${m.id} names its provider`).toMatch(/^[a-z]+$/);
      expect(m.takesProof, `${m.id} takes no proof`).toBe(false);
      expect(m.afterPlace?.({ token: "t0k3n" }), `${m.id} sends her to its start route`).toBe(`/pay/${m.provider}/t0k3n`);
      expect(routes.filter((r) => r.startsWith(`POST /pay/${m.provider}/:token`)), `${m.id}'s start route`).toHaveLength(1);
      expect(routes.filter((r) => r.endsWith(`/pay/${m.provider}/return`)), `${m.id}'s return route`).toHaveLength(1);
    }
  });

  it("offers a gateway only to a shop that saved its credentials, and only while it is on", () => {
    const p = parsePayments(JSON.stringify({ cod: { enabled: true } }));
    expect(paymentOptions(p).map((o) => o.method)).toEqual(["cod"]);
    expect(paymentOptions(p, ["jazzcash"]).map((o) => o.method)).toEqual(["cod", "jazzcash_online"]);
    expect(paymentOptions(p, ["jazzcash", "easypay"]).map((o) => [o.method, o.hint])).toEqual([
      ["cod", "checkout.pay.codHint"],
      ["jazzcash_online", "checkout.pay.jazzcashOnlineHint"],
      ["easypaisa_online", "checkout.pay.easypaisaOnlineHint"],
    ]);
    const off = parsePayments(JSON.stringify({ cod: { enabled: true }, jazzcash_online: { enabled: false } }));
    expect(paymentOptions(off, ["jazzcash", "easypay"]).map((o) => o.method)).toEqual(["cod", "easypaisa_online"]);
  });

  it("declares each text's cap once, in the method's folder, and the settings form shows it", () => {
    const schema = z.toJSONSchema(paymentsForm, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { maxLength?: number }> };
    for (const m of METHODS)
      for (const k of Object.keys(m.fields)) {
        const cap = (m.form.shape[k] as unknown as { maxLength?: number }).maxLength ?? (z.toJSONSchema(m.form.shape[k]!, { io: "input" }) as { maxLength?: number }).maxLength;
        expect(cap, `${m.id}.${k} has a cap`).toBeGreaterThan(0);
        expect(schema.properties[fieldName(m.id, k)]?.maxLength).toBe(cap);
      }
  });

  it("reads a shop's settings stored before the registry, as they were", () => {
    const before = JSON.stringify({
      cod: { enabled: true },
      jazzcash: { enabled: true, title: "Ayesha Siddiqui", number: "03001234567", bank: "" },
      easypaisa: { enabled: false, title: "", number: "", bank: "" },
      bank: { enabled: true, title: "Ayesha Siddiqui", number: "PK36SCBL0000001123456702", bank: "Meezan Bank" },
    });
    const p = parsePayments(before);
    expect(p.jazzcash).toMatchObject({ enabled: true, title: "Ayesha Siddiqui", number: "03001234567" });
    expect(p.bank).toMatchObject({ enabled: true, bank: "Meezan Bank", number: "PK36SCBL0000001123456702" });
    expect(paymentOptions(p).map((o) => o.method)).toEqual(["cod", "jazzcash", "bank"]);
    expect(paymentOptions(p).find((o) => o.method === "bank")!.account).toEqual([
      { label: "checkout.account.bank", value: "Meezan Bank" },
      { label: "checkout.account.title", value: "Ayesha Siddiqui" },
      { label: "checkout.account.number", value: "PK36SCBL0000001123456702" },
    ]);
    // A method registered since is off until the seller turns it on; unreadable JSON is the defaults.
    for (const m of METHODS) expect(p[m.id], m.id).toBeDefined();
    expect(paymentOptions(parsePayments("{not json")).map((o) => o.method)).toEqual(["cod"]);
  });
});

describe("a shop's stored payments, read", () => {
  it("once per text: the same frozen answer, unreadable text as every default, at most 500 texts kept", () => {
    const json = JSON.stringify({ cod: { enabled: true }, jazzcash: { enabled: true, title: "جاز کیش", account: "03001234567" } });
    const a = parsePayments(json);
    expect(parsePayments(json)).toBe(a);
    expect(Object.isFrozen(a) && Object.values(a).every((m) => Object.isFrozen(m))).toBe(true);
    expect(() => {
      (a as Record<string, { enabled: boolean }>).cod!.enabled = false;
    }).toThrow(TypeError);
    expect(parsePayments("{not json")).toEqual(parsePayments("{}"));
    // The cap and one past it: the oldest text is read again, to an equal answer.
    for (let i = 0; i < 500; i++) parsePayments(JSON.stringify({ cod: { enabled: true }, jazzcash: { enabled: false, title: `Shop ${i}` } }));
    const again = parsePayments(json);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });
});
