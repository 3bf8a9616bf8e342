/** The platform's forms: sign-up, log-in, the wizard, the account page, staff invitations. */
import { inviteSchema } from "../../src/staff/schema";
import { whatsappSchema } from "../../src/settings/schema";
import { forgotSchema, languageSchema, loginSchema, passwordChangeSchema, proveSchema, resetSchema, shopStartSchema, signupSchema, startThemeSchema } from "../../src/platform/schemas";
import { Client, codeSentTo, ROOT, sellerWithShop, signUp, uniq, uniqPhone, type Seller } from "../helpers";
import { emailOf, phoneOf, textOf, type Body, type FormCase } from "./harness";

const ip = () => ({ "cf-connecting-ip": uniq("ip") });
/** A new, unique email address of exactly `n` characters. */
const freshEmail = (n: number) => emailOf(n, Math.random().toString(36).slice(2, 8));
/** A shop address of exactly `n` characters, free and far from every reserved word. */
const freshSlug = (n: number) => (n < 3 ? null : `ayesha${Math.random().toString(36).slice(2, 8)}`.padEnd(n, "k").slice(0, n));

type Visitor = { client: Client };
/** A code of `n` characters as she may type it: its six digits with spaces between. */
const spacedCode = (n: number, _s: unknown, valid: Body) => {
  const code = typeof valid?.code === "string" ? valid.code : "204817";
  return n < 6 ? null : `${code.slice(0, 3)}${" ".repeat(n - 6)}${code.slice(3)}`;
};
const RESET_PASSWORD = "correct horse battery";
/** A new code sent to the seller's phone (page 1 of a reset, or the account's "send me a code"). */
const freshCode = async (s: Seller, url: string) => {
  await s.client.post(url, url.endsWith("/forgot") ? { login: s.login } : {}, { headers: ip() });
  return codeSentTo(`+92${s.login.slice(1)}`);
};
type WithPassword = Seller & { password: string };

export const platformCases: FormCase<any>[] = [
  {
    route: "POST /_p/signup",
    schema: signupSchema,
    setup: async (): Promise<Visitor> => ({ client: new Client() }),
    page: () => `${ROOT}/signup`,
    action: () => `${ROOT}/signup`,
    // Each save makes a new account: a new visitor, a new address.
    valid: (v: Visitor) => {
      v.client = new Client();
      return { name: "Ayesha Bibi", login: uniqPhone(), password: "correct horse battery" };
    },
    post: (v: Visitor, url: string, body: Body) => v.client.post(url, body, { headers: ip() }),
    get: (v: Visitor, url: string) => v.client.get(url),
    saved: (res) => res.status === 303,
    values: { login: freshEmail },
    secret: ["password"],
    volatile: ["rate_limits"],
  },
  {
    route: "POST /_p/login",
    schema: loginSchema,
    // An account whose login and password are as long as they may be.
    setup: async () => signUp({ login: freshEmail(254)!, password: textOf(200, "ur") }),
    page: () => `${ROOT}/login`,
    action: () => `${ROOT}/login`,
    valid: (s: Seller) => {
      s.client = new Client();
      return { login: s.login, password: s.password };
    },
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body, { headers: ip() }),
    get: (s: Seller, url: string) => s.client.get(url),
    saved: (res) => res.status === 303,
    // At its cap, each field is the account's own (the only value that logs in).
    values: { login: (n, _s, valid) => (n === 254 ? (valid.login as string) : null), password: (n, _s, valid) => (n === 200 ? (valid.password as string) : null) },
    // One message for every failure, never which field: nothing to tell an attacker.
    refusal: "alert",
    refusedStatus: 401,
    secret: ["password"],
    volatile: ["rate_limits", "sessions"],
  },
  {
    route: "POST /_p/forgot",
    schema: forgotSchema,
    setup: async (): Promise<Visitor> => ({ client: new Client() }),
    page: () => `${ROOT}/forgot`,
    action: () => `${ROOT}/forgot`,
    valid: () => ({ login: uniqPhone() }),
    post: (v: Visitor, url: string, body: Body) => v.client.post(url, body, { headers: ip() }),
    get: (v: Visitor, url: string) => v.client.get(url),
    saved: (res) => res.status === 303,
    values: { login: freshEmail },
    volatile: ["rate_limits"],
  },
  {
    route: "POST /_p/forgot/code",
    schema: resetSchema,
    setup: () => signUp(),
    page: (s: Seller) => `${ROOT}/forgot/code?to=${encodeURIComponent(`+92${s.login.slice(1)}`)}`,
    action: () => `${ROOT}/forgot/code`,
    // Each reset uses its code (and an address gets 3 codes an hour): a new seller for each post.
    valid: async (s: Seller) => {
      const fresh = await signUp();
      s.client = fresh.client;
      s.login = fresh.login;
      return { login: `+92${s.login.slice(1)}`, code: await freshCode(s, `${ROOT}/forgot`), password: RESET_PASSWORD, confirm: RESET_PASSWORD };
    },
    // The confirmation follows a password under test (a confirmation under test is left as posted).
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body.confirm === RESET_PASSWORD && body.password !== RESET_PASSWORD ? { ...body, confirm: body.password! } : body),
    saved: (res) => res.status === 303,
    values: { code: spacedCode },
    // The page carries the address she asked for, in a hidden field outside the schema.
    extraFields: ["login"],
    noValueAtCap: { confirm: "must equal the password: tested at the cap as `password`" },
    secret: ["password", "confirm"],
    volatile: ["rate_limits", "sessions", "verification_codes", "outbox"],
  },
  {
    route: "POST /_p/admin/account/phone",
    schema: proveSchema,
    setup: () => signUp(),
    page: () => `${ROOT}/admin/account/phone`,
    action: () => `${ROOT}/admin/account/phone`,
    // Once proven there is nothing to prove: each post proves a new seller's number.
    valid: async (s: Seller) => {
      const fresh = await signUp();
      s.client = fresh.client;
      s.login = fresh.login;
      return { code: await freshCode(s, `${ROOT}/admin/account/phone/send`) };
    },
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    values: { code: spacedCode },
    volatile: ["rate_limits", "verification_codes", "outbox"],
  },
  {
    route: "POST /_p/start",
    schema: shopStartSchema,
    setup: () => signUp(),
    page: () => `${ROOT}/start`,
    action: () => `${ROOT}/start`,
    valid: () => ({ name: "Ayesha's Kitchen", slug: freshSlug(12)! }),
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303 && (res.location ?? "").startsWith("/start/theme"),
    values: { slug: freshSlug },
  },
  {
    route: "POST /_p/start/theme",
    schema: startThemeSchema,
    setup: () => signUp(),
    page: () => `${ROOT}/start/theme?name=Ayesha&slug=${freshSlug(12)}`,
    action: () => `${ROOT}/start/theme`,
    valid: () => ({ name: "Ayesha's Kitchen", slug: freshSlug(12)!, theme: "classic" }),
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    // Carried over from the screen before, in hidden fields; the theme is picked.
    notTyped: ["name", "slug"],
  },
  {
    route: "POST /_p/admin/account/password",
    schema: passwordChangeSchema,
    setup: async (): Promise<WithPassword> => {
      const s = await signUp();
      return { ...s, password: s.password };
    },
    page: () => `${ROOT}/admin/account`,
    action: () => `${ROOT}/admin/account/password`,
    valid: (s: WithPassword) => ({ current: s.password, password: s.password }),
    async post(s: WithPassword, url: string, body: Body) {
      const res = await s.client.post(url, body);
      if (res.status === 200 && !/aria-invalid="true"/.test(res.text)) s.password = body.password as string;
      return res;
    },
    saved: (res) => res.status === 200 && !/aria-invalid="true"/.test(res.text),
    noValueAtCap: { current: "only the account's own password is valid; a new one at the cap is tested as `password`" },
    secret: ["current", "password"],
  },
  {
    route: "POST /_p/admin/account/language",
    schema: languageSchema,
    setup: () => signUp(),
    page: () => `${ROOT}/admin/account`,
    action: () => `${ROOT}/admin/account/language`,
    valid: () => ({ locale: "ur" }),
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 200,
    // The top bar's switch carries the page to return to; the account page's own form does not.
    notShown: ["next"],
    notTyped: ["next"],
  },
  {
    route: "POST /_p/admin/:shop/live",
    schema: whatsappSchema,
    setup: () => sellerWithShop(),
    page: (s: { slug: string }) => `${ROOT}/admin/${s.slug}/live`,
    action: (s: { slug: string }) => `${ROOT}/admin/${s.slug}/live`,
    valid: () => ({ whatsapp: uniqPhone() }),
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    values: { whatsapp: phoneOf },
  },
  {
    route: "POST /_p/admin/:shop/staff",
    schema: inviteSchema,
    setup: () => sellerWithShop(),
    page: (s: { slug: string }) => `${ROOT}/admin/${s.slug}/staff`,
    action: (s: { slug: string }) => `${ROOT}/admin/${s.slug}/staff`,
    valid: () => ({ contact: uniqPhone() }),
    post: (s: Seller, url: string, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    values: { contact: freshEmail },
  },
];
