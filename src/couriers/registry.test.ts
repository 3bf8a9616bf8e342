// The courier registry is one list: every folder under src/couriers/ is a registered courier (its
// index.ts exports it), every registered courier has its folder, and its name in every language.
import { describe, expect, it } from "vitest";
import { LOCALES, messages } from "../i18n";
import type { Courier } from "./courier";
import { COURIERS, courierById, courierContext } from "./index";

const folders = import.meta.glob<Record<string, Courier>>("./*/index.ts", { eager: true });

describe("the courier registry", () => {
  it("every courier folder is registered, and every registered courier has its folder", () => {
    const inFolders = Object.entries(folders).map(([path, mod]) => {
      const id = path.split("/")[1]!;
      const exported = Object.values(mod).find((v) => typeof v === "object" && v && "book" in v) as Courier | undefined;
      expect(exported?.id, `${path} exports a courier whose id is its folder's name`).toBe(id);
      expect(courierById(id), `${id} is in COURIERS`).toBe(exported);
      return id;
    });
    expect(inFolders.sort()).toEqual(COURIERS.map((c) => c.id).sort());
  });

  it.each(LOCALES)("%s: every courier has its name", (l) => {
    const { t } = messages(l);
    for (const c of COURIERS) {
      const name = t(`couriers.name.${c.id}` as "couriers.name.postex");
      expect(name, `${l} couriers.name.${c.id}`).not.toMatch(/^couriers\./);
      expect(name.trim()).not.toBe("");
    }
  });

  it("an API courier has a base URL from the env (the sandbox) or its live one, a track batch and secret fields", async () => {
    for (const c of COURIERS.filter((c) => c.liveBase)) {
      expect(courierContext(c, { ENVIRONMENT: "production" }, {}).base).toBe(c.liveBase);
      // Outside production an unset base is not the live API: nothing calls a real courier by accident.
      expect(courierContext(c, { ENVIRONMENT: "test" }, {}).base).toBe("");
      const r = await c.cities(courierContext(c, { ENVIRONMENT: "test" }, { token: "t", apiKey: "k", apiPassword: "p" }));
      expect(r).toMatchObject({ status: "permanent", reason: "not_configured" });
      expect(c.baseEnv).toMatch(/^[A-Z]+_API_BASE$/);
      expect(courierContext(c, { [c.baseEnv!]: "http://127.0.0.1:9/x/" }, {}).base).toBe("http://127.0.0.1:9/x");
      expect(c.trackBatch).toBeGreaterThan(0);
      expect(c.credentialFields.length).toBeGreaterThan(0);
    }
    expect(courierContext(COURIERS[0], { COURIERS_TIMEOUT_MS: "2500" }, {}).timeoutMs).toBe(2500);
  });
});
