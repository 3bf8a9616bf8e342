/**
 * Open redirects: every `next` the platform honours (language switch, log-in page, log-in form)
 * stays on this origin, whatever tricks a link carries. A browser resolves the Location header
 * against the page's URL after dropping tabs and newlines, so that is what is checked here.
 */
import { describe, expect, it } from "vitest";
import { Client, ROOT, signUp } from "./helpers";
import { auditHtml } from "./security-html";

const TRICKS = [
  "//evil.example/x",
  "https://evil.example/x",
  "/\\evil.example/x",
  "\\\\evil.example/x",
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r\n/evil.example/x",
  "\t//evil.example/x",
  " //evil.example/x",
  "/\u0000/evil.example/x",
  "javascript:alert(1)",
  "/%2F%2Fevil.example/x",
  "/admin\r\nSet-Cookie: hatti_sid=fixed",
];

/** Where a browser would go: tabs and newlines removed, then resolved against ROOT. */
function destination(location: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, ""), `${ROOT}/login`);
}

function assertLocal(res: { status: number; location: string | null; headers: Headers }, what: string) {
  expect(res.status, what).toBeLessThan(500);
  expect(res.location, what).toBeTruthy();
  expect(destination(res.location!).origin, `${what} -> ${JSON.stringify(res.location)}`).toBe(ROOT);
  expect(res.headers.getSetCookie().some((c) => c.includes("fixed")), what).toBe(false);
}

describe("no open redirect through next", () => {
  it("the language switch, the log-in page and the log-in form keep every next on this origin", async () => {
    const seller = await signUp();
    const loggedIn = seller.client;
    for (const next of TRICKS) {
      const q = `next=${encodeURIComponent(next)}`;
      assertLocal(await new Client().get(`${ROOT}/lang/ur?${q}`), `lang ${JSON.stringify(next)}`);
      assertLocal(await loggedIn.get(`${ROOT}/login?${q}`), `login page ${JSON.stringify(next)}`);
      const c = new Client();
      // The log-in form posts back to its own URL, next in the query.
      const res = await c.post(`${ROOT}/login?${q}`, { login: seller.login, password: seller.password }, { headers: { "cf-connecting-ip": `ip-${Math.random()}` } });
      expect(res.status, `log-in ${JSON.stringify(next)}`).toBe(303);
      assertLocal(res, `log-in ${JSON.stringify(next)}`);
    }
    // The log-in page carries next in its form: as text, never markup.
    for (const next of [...TRICKS, '"><script>alert(1)</script>', "/x' onmouseover='alert(1)"]) {
      const page = await new Client().get(`${ROOT}/login?next=${encodeURIComponent(next)}`);
      expect(page.status).toBe(200);
      expect(await auditHtml(page.text, page.headers.get("content-security-policy")), JSON.stringify(next)).toEqual([]);
      expect(page.text).not.toContain("<script>alert(1)");
    }
    // A plain local next still works.
    expect((await new Client().get(`${ROOT}/lang/ur?next=${encodeURIComponent("/signup?x=1")}`)).location).toBe("/signup?x=1");
  });
});
