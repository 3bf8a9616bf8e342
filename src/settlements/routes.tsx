/**
 * /admin/:shop/settlements: a courier's cash-on-delivery settlement (issue 17 §5, docs/settlements.md).
 * The seller picks the courier and its payment report (CSV); the preview matches each row to this
 * shop's shipment by tracking number and says what would be marked paid, what is already paid,
 * what differs and what is unknown; Apply marks the orders paid in one batch (settle.ts). The file
 * waits in R2 between the two (shops/<id>/settlements/<sha256>.csv: its hash is the settlement's
 * identity, so the same file twice marks nothing twice). The page also shows what each courier
 * still owes, in one round trip. No courier is called here.
 */
import { Hono, type Context } from "hono";
import { adminChrome } from "../admin/chrome";
import type { Scope } from "../db/client";
import type { AppEnv } from "../env";
import { formatMoney } from "../i18n";
import { hex } from "../lib/bytes";
import { fieldErrors, readForm, validate, type FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { readSettlement } from "./read";
import { applySchema, uploadSchema } from "./schema";
import { applySettlement, owedAndRecent, owedAndRecentRead, previewSettlement } from "./settle";
import { adminPage } from "../admin/page";
import { PreviewPage, SettlementsPage } from "./views";

export const settlementRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const scope = (c: C): Scope => ({ db: c.get("db"), shopId: c.get("shop").id });
const page = (c: C) => ({ ...adminChrome(c), currency: c.get("shop").currency });
const fileKey = (shopId: number, hash: string) => `shops/${shopId}/settlements/${hash}.csv`;
/** The file's name as her phone sent it: a reference for her, never markup, capped. */
const FILE_NAME_MAX = 120;

type Extra = { courier?: string; errors?: FieldErrors; fileError?: string; notice?: string; alert?: string };

/** The page after a post (its numbers read alone: the session was read first). */
async function mainPage(c: C, extra: Extra = {}, status: 200 | 400 | 409 = 200) {
  return renderPage(c, <SettlementsPage {...page(c)} {...(await owedAndRecent(scope(c)))} {...extra} />, status);
}

settlementRoutes.get(
  "/",
  adminPage(
    () => owedAndRecentRead,
    (c, numbers) => {
      const done = /^(\d{1,9})\.(\d{1,15})$/.exec(c.req.query("done") ?? "");
      const m = adminChrome(c).m;
      const notice = done ? m.t("settlements.done", { count: Number(done[1]), amount: formatMoney(Number(done[2]), c.get("shop").currency, m.locale) }) : undefined;
      return renderPage(c, <SettlementsPage {...page(c)} {...numbers} notice={notice} />);
    },
  ),
);

settlementRoutes.post("/preview", async (c) => {
  const body = await c.req.parseBody();
  const courier = typeof body.courier === "string" ? body.courier : "";
  const parsed = uploadSchema.safeParse({ courier, file: body.file });
  if (!parsed.success) return mainPage(c, { courier, errors: fieldErrors(parsed.error) }, 400);
  const { file } = parsed.data;
  const read = readSettlement(await file.text(), parsed.data.courier);
  if (!read.ok) return mainPage(c, { courier, fileError: adminChrome(c).m.t(read.error, read.params) }, 400);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const hash = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
  const fileName = file.name.slice(0, FILE_NAME_MAX);
  await c.env.MEDIA.put(fileKey(c.get("shop").id, hash), bytes, { httpMetadata: { contentType: "text/csv; charset=utf-8" }, customMetadata: { name: fileName, courier: parsed.data.courier } });
  const preview = await previewSettlement(scope(c), parsed.data.courier, hash, read.rows);
  return renderPage(c, <PreviewPage {...page(c)} courier={parsed.data.courier} hash={hash} fileName={fileName} preview={preview} />);
});

settlementRoutes.post("/apply", async (c) => {
  const parsed = validate(applySchema, await readForm(c));
  const t = adminChrome(c).m.t;
  if (!parsed.ok) return mainPage(c, { alert: t("settlements.gone") }, 400);
  const { courier, file: hash } = parsed.data;
  const obj = await c.env.MEDIA.get(fileKey(c.get("shop").id, hash));
  // The file is applied as the courier's it was checked as (kept with it), never another's.
  const read = obj && obj.customMetadata?.courier === courier ? readSettlement(await obj.text(), courier) : null;
  if (!obj || !read?.ok) return mainPage(c, { courier, alert: t("settlements.gone") }, 400);
  const name = obj.customMetadata?.name ?? "";
  const user = c.get("user")!;
  const result = await applySettlement(scope(c), { courier, hash, name, rows: read.rows }, { userId: user.id, name: user.name }, `${courier} settlement: ${name}`.slice(0, 200));
  if (!result.ok) return mainPage(c, { courier, alert: t("settlements.already") }, 409);
  return c.redirect(`/admin/${c.get("shop").slug}/settlements?done=${result.marked}.${result.amount}`, 303);
});
