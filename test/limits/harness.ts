/**
 * The boundary suite's machinery. A form case names a POST route of the router, the zod schema
 * that reads it, how to reach it and what a valid post is; from the schema alone (its input
 * JSON Schema: maxLength, maxItems, enum) the suite derives, for every field:
 *
 * - the page's form shows no field the schema does not cap, and its `maxlength` is the schema's;
 * - at the cap, in English and in Urdu, the post saves;
 * - one past the cap, the seller sees a message beside the field, what she typed is kept, and
 *   the database is unchanged.
 *
 * So a new field, or a new form, cannot be left out: cases.test.ts fails when a POST route has
 * no case, and the field check fails when a form shows a field its schema does not cap.
 */
import { shardD1, shardIndexes } from "../../src/db/shards";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import type { z } from "zod";
import { inputFields } from "../../src/lib/form-fields";
import { comparedColumns, type Res } from "../helpers";
import { tags } from "../security-html";

export type Body = Record<string, string | string[]>;
type JsonItem = { maxLength?: number; enum?: unknown[] };

export interface FormCase<Ctx = unknown> {
  /** As the router registers it, e.g. "POST /_p/admin/:shop/settings/zones". */
  route: string;
  schema: z.ZodType;
  setup(): Promise<Ctx>;
  /** The page that shows the form (GET). */
  page(ctx: Ctx): string;
  /** The form's action as rendered, and where it posts. */
  action(ctx: Ctx): string;
  /** A body that saves. Called before each post (a checkout needs a fresh key, an order a fresh order). */
  valid(ctx: Ctx): Promise<Body> | Body;
  post(ctx: Ctx, url: string, body: Body): Promise<Res>;
  /** Fetches the page (default: `ctx.client.get`). */
  get?(ctx: Ctx, url: string): Promise<Res>;
  /** What a saved post answers (usually a 303). */
  saved(res: Res): boolean;
  /**
   * A valid value of exactly `n` characters for fields with a format (a phone, an email, a
   * price); null when no valid value has that length (the past-cap refusal is still tested).
   * Other fields get realistic text.
   */
  values?: Record<string, (n: number, script: Script, valid: Body) => string | null>;
  /** Fields posted along with the one under test (the theme form's `has_<key>` flag). */
  companions?: (field: string) => Body;
  /** Tables whose rows a refused post may still change (rate-limit counters, sessions). */
  volatile?: string[];
  /**
   * Waits for what the case's earlier (saved) posts left running in the background (the queue
   * booking a courier), so that "nothing is saved" compares the refused post's own writes.
   */
  settle?: (context: Ctx) => Promise<void>;
  /** What the page's form shows besides the schema's fields (the CSRF token, hidden flags). */
  extraFields?: string[];
  /**
   * A form whose fields are files or picked, never typed (an upload): only the check that the
   * page shows no field its schema does not cap runs; the sizes are tested by the upload tests.
   */
  declaredOnly?: boolean;
  /** Schema fields the page's form shows only in some states (a bank's name, a shipping form). */
  notShown?: string[];
  /** The status a refusal answers (400 unless the form says otherwise: a log-in says 401). */
  refusedStatus?: number;
  /** Fields no valid value of their cap's length exists for, each with the reason. */
  noValueAtCap?: Record<string, string>;
  /** Fields never shown back (passwords). */
  secret?: string[];
  /**
   * Fields the page fills and nobody types (hidden ids, the idempotency key): their cap is
   * checked as declared, but no typed value is posted at it.
   */
  notTyped?: string[];
  /**
   * Where a refusal is said: beside the field (the default), or in the page's alert when the
   * form has no field a customer types (the cart's hidden variant and quantity).
   */
  refusal?: "field" | "alert";
}

export type Script = "en" | "ur";

const SAMPLES: Record<Script, string> = {
  en: "Handmade embroidered chiffon kurta with dupatta for weddings, Lahore. ",
  ur: "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے، لاہور۔ ",
};

/** Realistic text of exactly `n` UTF-16 units, with no space at either end. */
export function textOf(n: number, script: Script): string {
  let s = "";
  while (s.length < n) s += SAMPLES[script];
  s = s.slice(0, n);
  if (n > 0 && /\s/.test(s[n - 1]!)) s = `${s.slice(0, n - 1)}x`;
  if (n > 0 && /\s/.test(s[0]!)) s = `x${s.slice(1)}`;
  return s;
}

/** A Pakistani mobile number written with `n` characters (spaces inside, as people type them). */
export function phoneOf(n: number): string | null {
  return n < 11 ? null : `0300${" ".repeat(n - 11)}1234567`;
}

/** A valid email address of exactly `n` characters (local part at most 64, labels at most 63). */
export function emailOf(n: number, tag = ""): string | null {
  if (n < 8 + tag.length) return null;
  const local = `sana${tag}`.padEnd(Math.min(64, n - 6), "x");
  let domain = "pk";
  let room = n - local.length - 1 - domain.length;
  if (room === 1) domain = "com";
  room = n - local.length - 1 - domain.length;
  while (room > 0) {
    let label = Math.min(63, room - 1);
    if (room - label - 1 === 1) label -= 1;
    domain = `${"b".repeat(label)}.${domain}`;
    room -= label + 1;
  }
  const email = `${local}@${domain}`;
  return email.length === n ? email : null;
}

/** A stock count typed with `n` characters ("   1,000,000", or its last n characters: "000"). */
export function stockOf(n: number): string {
  return `${" ".repeat(Math.max(0, n - 9))}1,000,000`.slice(-n);
}

/** A price typed with `n` characters ("Rs 1   0" = Rs 10: spaces are ignored). */
export function moneyOf(n: number): string | null {
  return n < 5 ? null : `Rs 1${" ".repeat(n - 5)}0`;
}

/** Every row of every ordinary table (not FTS shadows, not migrations), for before/after (comparedColumns). */
export async function snapshot(skip: string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  // The directory and every shard (src/db/shards.ts): a refused request changes none of them.
  for (const k of shardIndexes(env)) {
    const d1 = k === 0 ? env.DB : shardD1(env, k)!;
    const tables = await d1.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'search_scratch%' ORDER BY name",
    ).all<{ name: string }>();
    for (const { name } of tables.results) {
      if (skip.includes(name)) continue;
      out[k ? `${k}:${name}` : name] = (await d1.prepare(`SELECT ${comparedColumns(name)} FROM "${name}" ORDER BY rowid`).all()).results;
    }
  }
  return out;
}

/** The forms of a page that send to `action` with `method` (their HTML), in page order. */
export function formsHtml(html: string, action: string, method = "post"): string[] {
  const path = new URL(action, "https://x.test").pathname;
  return [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .filter((f) => {
      const open = tags(f)[0]!;
      const a = open.attrs.get("action")?.replace(/&amp;/g, "&");
      return a !== undefined && new URL(a, "https://x.test").pathname === path && (open.attrs.get("method") ?? "get").toLowerCase() === method;
    });
}

/** The first form of a page sending to `action` that has a field `name` (or the first at all). */
export function formHtml(html: string, action: string, method = "post", name?: string): string | null {
  const forms = formsHtml(html, action, method);
  return (name ? forms.find((f) => fieldsOf(f).some((t) => t.attrs.get("name") === name)) : undefined) ?? forms[0] ?? null;
}

/** A form's fields: inputs, textareas, selects and named buttons (a button posts its value too), not those of another form (`form="..."`). */
function fieldsOf(form: string) {
  const [open, ...inner] = tags(form);
  return inner.filter(
    (t) => ["input", "textarea", "select", "button"].includes(t.name) && t.attrs.has("name") && (!t.attrs.has("form") || t.attrs.get("form") === open!.attrs.get("id")),
  );
}

/** The fields of every form sending to `action` (a list may have one small form a row). */
export function formFields(html: string, action: string, method = "post") {
  const forms = formsHtml(html, action, method);
  if (!forms.length) throw new Error(`no ${method} form sending to ${new URL(action, "https://x.test").pathname} on the page`);
  return forms.flatMap(fieldsOf);
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, "&");

/** What a re-rendered form says about one field: marked invalid, its message, the value it shows. */
export function fieldState(page: string, name: string, action?: string, method = "post") {
  const html = (action && formHtml(page, action, method, name)) || page;
  const tagRe = new RegExp(`<(input|textarea|select)\\b[^>]*\\bname="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`, "g");
  const m = tagRe.exec(html);
  if (!m) return null;
  const tag = tags(m[0])[0]!;
  let value = tag.attrs.get("value") ?? "";
  if (m[1] === "textarea") value = /^([\s\S]*?)<\/textarea>/.exec(html.slice(m.index + m[0].length))?.[1] ?? "";
  if (m[1] === "select") {
    // A drop-down shows the value of its selected option.
    const options = /^([\s\S]*?)<\/select>/.exec(html.slice(m.index + m[0].length))?.[1] ?? "";
    const selected = /<option\b[^>]*\bselected\b[^>]*>/.exec(options);
    value = selected ? (tags(selected[0])[0]!.attrs.get("value") ?? "") : "";
  }
  const described = (tag.attrs.get("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  const message = described
    .filter((id) => /-err(or)?$/.test(id))
    .map((id) => new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</`).exec(page)?.[1]?.trim() ?? "")
    .join(" ");
  return { invalid: tag.attrs.get("aria-invalid") === "true", message: decode(message), value: decode(value) };
}

/** Every capped field of a case's schema: strings with their maxLength. */
export function cappedFields(schema: z.ZodType): { field: string; max: number; kind: string }[] {
  return Object.entries(inputFields(schema))
    .filter(([name, f]) => name !== "*")
    .filter(([, f]) => f.maxLength !== undefined && (f as { format?: string }).format !== "binary" && !f.enum)
    .map(([field, f]) => ({ field, max: f.maxLength!, kind: "text" }));
}

/**
 * A field opens the keyboard its schema asks for (the `keyboard` its builder declares in
 * src/lib/form-fields.ts): a phone field the phone pad and phone autofill, an email field the
 * email keyboard; a phone-or-email field (the log-in), shown empty, the phone pad, with autofill
 * of the account ("username"), or none when it is someone else's (a staff invitation).
 */
function expectKeyboard(route: string, name: string, d: { keyboard?: string }, attrs: Map<string, string>) {
  const got = { type: attrs.get("type") ?? "text", inputmode: attrs.get("inputmode"), autocomplete: attrs.get("autocomplete") };
  const want =
    d.keyboard === "tel"
      ? { type: "tel", inputmode: "tel", autocomplete: expect.stringMatching(/^tel(-national)?$/) }
      : d.keyboard === "email"
        ? { type: "email", inputmode: "email", autocomplete: "email" }
        : d.keyboard === "identity"
          ? { type: "text", inputmode: attrs.get("value")?.includes("@") ? "email" : "tel", autocomplete: expect.stringMatching(/^(username|off)$/) }
          : null;
  if (want) expect(got, `keyboard of "${name}" (${d.keyboard}) in ${route}`).toEqual(want);
}

/** The tests of one form case (call inside a describe). */
export function boundaryTests<Ctx>(c: FormCase<Ctx>) {
  let ctx: Ctx;
  const ready = async () => (ctx ??= await c.setup());
  const declared = inputFields(c.schema);
  const method = c.route.split(" ")[0]!.toLowerCase();

  it("shows no field its schema does not cap, with the schema's maxlength", async () => {
    const context = await ready();
    await c.valid(context);
    const url = c.page(context);
    const page = c.get ? await c.get(context, url) : await (context as { client: { get(u: string): Promise<Res> } }).client.get(url);
    expect(page.status, page.text.slice(0, 300)).toBe(200);
    const fields = formFields(page.text, c.action(context), method);
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      const name = f.attrs.get("name")!;
      if (name === "_csrf" || c.extraFields?.includes(name)) continue;
      const d = declared[name] ?? declared["*"];
      expect(d, `form field "${name}" of ${c.route} is not in its schema`).toBeDefined();
      const capped = d!.maxLength !== undefined || d!.maxItems !== undefined || d!.enum !== undefined || d!.const !== undefined;
      if (d!.type === "array") expect((d as { items?: JsonItem }).items?.maxLength ?? (d as { items?: JsonItem }).items?.enum, `items of "${name}" have no cap`).toBeDefined();
      expect(capped, `form field "${name}" of ${c.route} has no cap in its schema`).toBe(true);
      const attr = f.attrs.get("maxlength");
      if (attr !== undefined && d!.maxLength !== undefined) expect(Number(attr), `maxlength of "${name}"`).toBe(d!.maxLength);
      expectKeyboard(c.route, name, d!, f.attrs);
    }
    // And the other way: the schema reads nothing the form does not show.
    const shown = new Set(fields.map((f) => f.attrs.get("name")));
    for (const name of Object.keys(declared)) if (name !== "*") expect(shown.has(name) || c.notShown?.includes(name), `schema field "${name}" of ${c.route} is on no form`).toBe(true);
  });

  if (c.declaredOnly) return;
  for (const { field, max } of cappedFields(c.schema).filter((f) => !c.notTyped?.includes(f.field))) {
    const value = (n: number, script: Script, valid: Body = {}) => (c.values?.[field] ? c.values[field]!(n, script, valid) : textOf(n, script));

    if (!c.noValueAtCap?.[field]) it(`${field}: at its cap (${max}) saves, in English and in Urdu`, async () => {
      const context = await ready();
      let tried = 0;
      for (const script of ["en", "ur"] as const) {
        const valid = await c.valid(context);
        const v = value(max, script, valid);
        if (v === null) continue;
        tried++;
        expect(v.length).toBe(max);
        const body = { ...valid, ...c.companions?.(field), [field]: v };
        const res = await c.post(context, c.action(context), body);
        expect(c.saved(res), `${script} ${field} at ${max}: ${res.status} ${fieldState(res.text, field)?.message ?? res.text.slice(0, 300)}`).toBe(true);
      }
      expect(tried, `no valid value of ${max} characters for "${field}": give one, or say why in noValueAtCap`).toBeGreaterThan(0);
    });

    const where = c.refusal === "alert" ? "with an alert" : "beside the field, kept,";
    it(`${field}: one past its cap is refused ${where} and nothing is saved`, async () => {
      const context = await ready();
      const v = value(max + 1, "ur") ?? textOf(max + 1, "ur");
      expect(v.length).toBe(max + 1);
      const body = { ...(await c.valid(context)), ...c.companions?.(field), [field]: v };
      await c.settle?.(context);
      const before = await snapshot(c.volatile);
      const res = await c.post(context, c.action(context), body);
      expect(res.status, res.text.slice(0, 300)).toBe(c.refusedStatus ?? 400);
      if (c.refusal === "alert") {
        expect(res.text, "no alert on the refusal page").toMatch(/role="alert"[^>]*>[^<\s][^<]*</);
      } else {
        const state = fieldState(res.text, field, c.action(context), method);
        expect(state, `no "${field}" field on the refusal page`).not.toBeNull();
        expect(state!.invalid, `"${field}" not marked invalid`).toBe(true);
        expect(state!.message, `no message beside "${field}"`).not.toBe("");
        if (!c.secret?.includes(field)) expect(state!.value, `"${field}" not kept as typed`).toBe(v);
      }
      expect(await snapshot(c.volatile)).toEqual(before);
    });
  }
}
