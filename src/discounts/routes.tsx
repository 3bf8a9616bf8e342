/**
 * /admin/:shop/discounts: the seller's discount codes and automatic discounts (issue 16, part 2):
 * the list with uses, revenue and on/off, the create and edit form (one zod schema, ./schema.ts),
 * the code's link to share (`shareLink`, ./words.ts). Pricing a cart with them is src/pricing's;
 * each order's discounts are shown by src/orders' views (./words.ts says them in words).
 * Owners and staff alike; every discount is looked up within the shop: another shop's id is a 404.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import { adminChrome } from "../admin/chrome";
import type { AppEnv } from "../env";
import { formatMoney, messages } from "../i18n";
import { validate, type FieldErrors } from "../lib/form";
import { intParam, readAll } from "../lib/form-all";
import { rupeesText } from "../lib/money";
import { renderPage } from "../lib/render";
import { DAY_MS, karachiDate, karachiDateTime, PKT_OFFSET_MS } from "../orders/dates";
import { discountShareText } from "../share/texts";
import { originFor } from "../tenancy/host";
import { adminPage } from "../admin/page";
import { mapRead } from "../db/page-read";
import { createDiscount, discountById, discountEditRead, discountListRead, listDiscounts, newDiscountRead, pickerData, setActive, targetsOf, updateDiscount, type DiscountRow, type Picker } from "./discounts";
import { FormPage, type FormState } from "./FormPage";
import { ListPage } from "./ListPage";
import { discountFormSchema, listQuerySchema, toDiscountInput, toggleSchema } from "./schema";
import { offerWords, shareLink } from "./words";
import { AUTOMATIC_MAX } from "../pricing/facts";
import { ID_ROUTE } from "../lib/ids";
import { idOf } from "../lib/ids";

export const discountRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const base = (c: C) => `/admin/${c.get("shop").slug}/discounts`;

discountRoutes.get(
  "/",
  adminPage(
    (c) => {
      const { after } = listQuerySchema.parse(c.req.query());
      return mapRead(discountListRead(after), (page) => ({ after, page }));
    },
    (c, { after, page }) => renderPage(c, <ListPage {...adminChrome(c)} page={page} after={after} currency={c.get("shop").currency} now={Date.now()} />),
  ),
);

/** Karachi date and time of an instant, as the form shows them; an end at a midnight is that day's end: the day before, no time. */
function dateTime(ms: number | null, end: boolean): [string, string] {
  if (ms === null) return ["", ""];
  if ((ms + PKT_OFFSET_MS) % DAY_MS === 0) return [karachiDate(end ? ms - 1 : ms), ""];
  const [d, t] = karachiDateTime(ms).split(" ");
  return [d!, t!];
}

/** The form's values for a saved discount (or a new one's defaults). */
function stateOf(d: DiscountRow | null): FormState {
  if (!d) return { values: { mode: "code", kind: "percent", scope: "order", active: "on" }, product: [], collection: [] };
  const [startDate, startTime] = dateTime(d.startsAt, false);
  const [endDate, endTime] = dateTime(d.endsAt, true);
  const targets = targetsOf(d).map(String);
  const on = (b: boolean) => (b ? "on" : "");
  return {
    values: {
      mode: d.code === null ? "automatic" : "code",
      code: d.code ?? "",
      title: d.title,
      kind: d.kind,
      percent: d.kind === "percent" ? String(d.value) : "",
      amount: d.kind === "amount" ? rupeesText(d.value) : "",
      scope: d.scope,
      minSubtotal: d.minSubtotal ? rupeesText(d.minSubtotal) : "",
      minQuantity: d.minQuantity ? String(d.minQuantity) : "",
      maxUses: d.maxUses === null ? "" : String(d.maxUses),
      startDate,
      startTime,
      endDate,
      endTime,
      oncePerPhone: on(d.oncePerPhone),
      combines: on(d.combines),
      active: on(d.active),
    },
    product: d.scope === "products" ? targets : [],
    collection: d.scope === "collections" ? targets : [],
  };
}

/** The ids of a posted list that are ids at all (the picker loads only the shop's own of them). */
const idsOf = (list: string[]) => list.map(idOf).filter((n) => n !== null);

/** The form as posted again (the picker as she searched and chose): its read alone, after the session's. */
async function showPosted(c: C, id: number | null, d: DiscountRow | null, state: FormState, errors?: FieldErrors, status: ContentfulStatusCode = 200) {
  const picker = await pickerData(c.get("db"), c.get("shop").id, { q: state.values.q ?? "", products: idsOf(state.product), collections: idsOf(state.collection) });
  return showForm(c, id, d, state, picker, errors, status);
}

function showForm(c: C, id: number | null, d: DiscountRow | null, state: FormState, picker: Picker, errors?: FieldErrors, status: ContentfulStatusCode = 200) {
  const shop = c.get("shop");
  let share;
  if (d?.code) {
    // The text goes to customers: in the shop's language and currency.
    const sm = messages(shop.locale);
    const offer = offerWords(sm.t, (n) => formatMoney(n, shop.currency, shop.locale), d);
    share = discountShareText(shop, d.code, offer, shareLink(originFor(c.req.url, c.env.ROOT_DOMAIN, shop.slug), d.code));
  }
  const notice = c.req.query("done") === "saved" && !errors ? c.get("t")("discounts.saved") : undefined;
  return renderPage(c, <FormPage {...adminChrome(c)} id={id} state={state} picker={picker} errors={errors} uses={d?.uses} share={share} notice={notice} />, status);
}

async function loadDiscount(c: C): Promise<DiscountRow> {
  const d = await discountById(c.get("db"), c.get("shop").id, intParam(c.req.param("id"))!);
  if (!d) throw new HTTPException(404);
  return d;
}

discountRoutes.get(
  "/new",
  adminPage(
    () => newDiscountRead,
    (c, picker) => showForm(c, null, null, stateOf(null), picker),
  ),
);
discountRoutes.get(
  `/:id${ID_ROUTE}`,
  adminPage(
    (c) => discountEditRead(intParam(c.req.param("id"))!),
    (c, found) => {
      if (!found) throw new HTTPException(404);
      return showForm(c, found.discount.id, found.discount, stateOf(found.discount), found.picker);
    },
  ),
);

const refusals = {
  codeTaken: ["code", "discounts.error.codeTaken"],
  belowUses: ["maxUses", "discounts.error.belowUses"],
  automaticFull: ["mode", "discounts.error.automaticFull"],
} as const;

/** Validate -> save (one guarded statement) -> back to the form with a notice, or the form again with what she typed. */
async function save(c: C, id: number | null) {
  const d = id === null ? null : await loadDiscount(c);
  const { values, lists } = await readAll(c);
  const state: FormState = { values, product: lists.product ?? [], collection: lists.collection ?? [] };
  const r = validate(discountFormSchema, { ...values, product: state.product, collection: state.collection });
  if (!r.ok) return showPosted(c, id, d, state, r.errors, 400);
  // The picker's search button: the same form again, searched, with everything as typed.
  if (r.data.intent === "search") return showPosted(c, id, d, state);
  const parsed = toDiscountInput(r.data);
  if (!parsed.ok) return showPosted(c, id, d, state, parsed.errors, 400);
  const input = parsed.input;
  const db = c.get("db");
  const shopId = c.get("shop").id;
  const saved = id === null ? await createDiscount(db, shopId, input) : await updateDiscount(db, shopId, id, input);
  if (saved === "notFound") throw new HTTPException(404);
  if (saved === "targetGone") return showPosted(c, id, d, state, { [input.scope === "products" ? "product" : "collection"]: "discounts.error.targetGone" }, 400);
  if (saved === "codeTaken" || saved === "belowUses" || saved === "automaticFull") {
    const [field, key] = refusals[saved];
    return showPosted(c, id, d, state, { [field]: key, [`${field}.max`]: String(AUTOMATIC_MAX) }, 400);
  }
  const at = id ?? (saved as { id: number }).id;
  return c.redirect(`${base(c)}/${at}?done=saved`, 303);
}

discountRoutes.post("/", (c) => save(c, null));
discountRoutes.post(`/:id${ID_ROUTE}`, (c) => save(c, intParam(c.req.param("id"))));

/** The list's on/off button; back to where she was in the list. */
discountRoutes.post(`/:id${ID_ROUTE}/active`, async (c) => {
  const { values } = await readAll(c);
  const r = toggleSchema.safeParse(values);
  const id = intParam(c.req.param("id"))!;
  if (!r.success) throw new HTTPException(400);
  const set = await setActive(c.get("db"), c.get("shop").id, id, r.data.active === "on");
  if (set === "notFound") throw new HTTPException(404);
  const { after } = listQuerySchema.parse(c.req.query());
  if (set === "full") {
    const page = await listDiscounts(c.get("db"), c.get("shop").id, after);
    const alert = c.get("t")("discounts.error.automaticFull", { max: AUTOMATIC_MAX });
    return renderPage(c, <ListPage {...adminChrome(c)} page={page} after={after} currency={c.get("shop").currency} now={Date.now()} alert={alert} />, 409);
  }
  return c.redirect(`${base(c)}${after ? `?after=${after}` : ""}#d${id}`, 303);
});
