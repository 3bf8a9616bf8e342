/**
 * /admin/:shop/csv: export the catalogue as a Shopify-compatible CSV (streamed) and import one.
 * A file with wrong columns or more than MAX_IMPORT_ROWS rows is refused whole (nothing is
 * imported: split the file); otherwise every good product imports and each bad row is reported.
 */
import { Hono } from "hono";
import { stream } from "hono/streaming";
import { MAX_IMPORT_ROWS, missingColumns, rowsToProducts, type RowError } from "./columns";
import { exportProducts, firstProductsRead } from "./export";
import { importProducts } from "./import";
import { parseCsv } from "./parse";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { stripNul } from "../lib/form";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { AdminShell } from "../ui/AdminShell";
import { FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { adminPage } from "../admin/page";
import { nothingToRead } from "../db/page-read";
import { BackLink } from "../ui/bits";
import { MAX_CSV_BYTES } from "./schema";
import { cmsCss } from "../ui/cms-css";

export const csvRoutes = new Hono<AppEnv>();

interface Outcome {
  error?: { key: MessageKey; params?: Record<string, string | number> };
  created?: number;
  updated?: number;
  rowErrors?: RowError[];
}

function CsvPage(p: AdminChrome & { outcome?: Outcome }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/csv`;
  const o = p.outcome;
  return (
    <AdminShell {...p} title={t("csv.title")} tab="products" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/products`} label={t("products.title")} />
      <h1>{t("csv.title")}</h1>
      {o?.error && (
        <p class="alert" role="alert">
          {t(o.error.key, o.error.params)}
        </p>
      )}
      {o && !o.error && (
        <p class="notice" role="status">
          {t("csv.done", { created: o.created ?? 0, updated: o.updated ?? 0 })}
        </p>
      )}
      {o?.rowErrors && o.rowErrors.length > 0 && (
        <section class="card">
          <h2>{t("csv.rowErrors", { count: o.rowErrors.length })}</h2>
          <table class="report">
            <thead>
              <tr>
                <th>{t("csv.line")}</th>
                <th>Handle</th>
                <th>{t("csv.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {o.rowErrors.slice(0, 500).map((e, i) => (
                <tr key={i}>
                  <td>{e.line}</td>
                  <td dir="ltr">{e.handle}</td>
                  <td>{t(e.message as MessageKey, { max: 200, ...e.params })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="card">
        <h2>{t("csv.export")}</h2>
        <p class="muted">{t("csv.exportHint")}</p>
        <a class="btn ghost" href={`${b}/export`} download>
          {t("csv.download")}
        </a>
      </section>
      <section class="card">
        <h2>{t("csv.import")}</h2>
        <p class="muted">{t("csv.importHint", { max: MAX_IMPORT_ROWS })}</p>
        <Form action={`${b}/import`} csrf={p.csrf} enctype="multipart/form-data">
          <FileField id="csv-file" name="file" label={t("csv.file")} accept=".csv,text/csv" required />
          <button class="btn block" type="submit">
            {t("csv.importButton")}
          </button>
        </Form>
      </section>
    </AdminShell>
  );
}

csvRoutes.get(
  "/",
  adminPage(
    () => nothingToRead,
    (c) => renderPage(c, <CsvPage {...adminChrome(c)} />),
  ),
);

csvRoutes.get(
  "/export",
  adminPage(
    () => firstProductsRead,
    (c, first) => {
      const origin = originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="${c.get("shop").slug}-products.csv"`);
      c.header("cache-control", "no-store");
      const { db, shop } = c.var;
      return stream(c, async (s) => {
        await s.write("\ufeff");
        for await (const chunk of exportProducts(db, shop.id, origin, first)) await s.write(chunk);
      });
    },
  ),
);

csvRoutes.post("/import", async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  const fail = (key: MessageKey, params?: Record<string, string | number>) => renderPage(c, <CsvPage {...adminChrome(c)} outcome={{ error: { key, params } }} />, 400);
  if (!(file instanceof File) || file.size === 0) return fail("csv.noFile");
  if (file.size > MAX_CSV_BYTES) return fail("csv.tooBig");
  // NULs dropped as in every form (a spreadsheet never means them).
  const parsed = parseCsv(stripNul(await file.text()), MAX_IMPORT_ROWS + 1);
  if (!parsed.ok) return parsed.error === "csv.tooManyRows" ? fail("csv.tooManyRows", { max: MAX_IMPORT_ROWS }) : fail("csv.unterminated", { line: parsed.line });
  const [header = [], ...rows] = parsed.rows;
  const missing = missingColumns(header);
  if (missing.length) return fail("csv.wrongColumns", { missing: missing.join(", ") });
  if (!rows.length) return fail("csv.empty");
  const { products, errors } = rowsToProducts(header, rows, parsed.lines.slice(1));
  const result = await importProducts(c.get("db"), c.get("shop").id, products);
  const rowErrors = [...errors, ...result.errors].sort((a, b) => a.line - b.line);
  return renderPage(c, <CsvPage {...adminChrome(c)} outcome={{ created: result.created, updated: result.updated, rowErrors }} />, rowErrors.length && !result.created && !result.updated ? 400 : 200);
});
