/** /admin/:shop/pages: about, delivery & returns, contact (created with template text) and the seller's own pages. */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { createPage, DEFAULT_PAGES, deletePage, ensureDefaultPages, listPages, pageById, pageEditRead, pageListRead, updatePage } from "./pages";
import { adminPage } from "../admin/page";
import { nothingToRead } from "../db/page-read";
import type { AppEnv } from "../env";
import { messages } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { readForm, validate, fieldMessage } from "../lib/form";
import { renderPage } from "../lib/render";
import { invalidateShop } from "../tenancy/shop-cache";
import { AdminShell } from "../ui/AdminShell";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { intParam } from "../lib/form-all";
import type { MessageKey } from "../i18n";
import { ActionButton, BackLink, Check, TextArea } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { caps as capsOf } from "../lib/form-fields";
import { MAX_PAGES, pageSchema } from "./schema";

let caps: Record<string, number | undefined> | undefined;
/** The page form's caps, read from its schema once, when first needed. */
const capsOfForm = () => (caps ??= capsOf(pageSchema));

export const pageRoutes = new Hono<AppEnv>();

function PagesList(p: AdminChrome & { pages: Awaited<ReturnType<typeof listPages>> }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/pages`;
  return (
    <AdminShell {...p} title={t("pages.title")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("pages.title")}</h1>
      <ul class="menu">
        {p.pages.map((x) => (
          <li key={x.id}>
            <a href={`${b}/${x.id}`}>
              <span dir="auto">{x.title}</span> <span class={`tag ${x.published ? "active" : ""}`}>{x.published ? t("pages.published") : t("pages.hidden")}</span>
            </a>
          </li>
        ))}
      </ul>
      <a class="btn ghost" href={`${b}/new`}>
        + {t("pages.add")}
      </a>
    </AdminShell>
  );
}

function PageEditor(p: AdminChrome & { id: number | null; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/pages`;
  const CAPS = capsOfForm();
  const e = (f: string) => fieldMessage(t, p.errors, f);
  return (
    <AdminShell {...p} title={t("pages.edit")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={b} label={t("pages.title")} />
      <h1>{p.id ? t("pages.edit") : t("pages.add")}</h1>
      {p.errors && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
      <Form action={p.id ? `${b}/${p.id}` : b} csrf={p.csrf}>
        <Field name="title" label={t("pages.field.title")} value={p.values.title} error={e("title")} maxLength={CAPS.title} dir="auto" />
        <TextArea name="body" label={t("pages.field.body")} value={p.values.body ?? ""} error={e("body")} rows={14} hint={t("products.field.descriptionHint")} maxLength={CAPS.body} />
        <Check name="published" label={t("pages.field.published")} checked={p.values.published === "on"} />
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
      {p.id && (
        <div class="acts">
          <ActionButton action={`${b}/${p.id}/delete`} csrf={p.csrf} label={t("common.delete")} danger />
        </div>
      )}
    </AdminShell>
  );
}

pageRoutes.get(
  "/",
  adminPage(
    () => pageListRead,
    async (c, read) => {
      const { t } = messages(c.get("shop").locale);
      const tpl = { about: ["pages.about.title", "pages.about.body"], "delivery-returns": ["pages.delivery.title", "pages.delivery.body"], contact: ["pages.contact.title", "pages.contact.body"] } as const;
      let list = read;
      // A shop with no pages yet gets the three defaults with template text; deleted ones stay deleted.
      if (!list.length) {
        const made = await ensureDefaultPages(c.get("db"), c.get("shop").id, DEFAULT_PAGES.map((slug) => ({ slug, title: t(tpl[slug][0]), body: t(tpl[slug][1], { shop: c.get("shop").name }) })));
        // The admin's one GET that writes: it drops the isolate's shop record itself (every other
        // write is a POST, after which forgetShopAfterWrites in src/admin/load-shop.ts does).
        if (made) invalidateShop(c.get("shop").slug);
        list = await listPages(c.get("db"), c.get("shop").id);
      }
      return renderPage(c, <PagesList {...adminChrome(c)} pages={list} />);
    },
  ),
);

pageRoutes.get(
  "/new",
  adminPage(
    () => nothingToRead,
    (c) => renderPage(c, <PageEditor {...adminChrome(c)} id={null} values={{ published: "on" }} />),
  ),
);

pageRoutes.get(
  "/:id{[0-9]+}",
  adminPage(
    (c) => pageEditRead(intParam(c.req.param("id")) ?? 0),
    (c, page) => {
      if (!page) throw new HTTPException(404);
      return renderPage(c, <PageEditor {...adminChrome(c)} id={page.id} values={{ title: page.title, body: page.body, published: page.published ? "on" : "" }} />);
    },
  ),
);

async function save(c: Context<AppEnv>, id: number | null) {
  const values = await readForm(c);
  const r = validate(pageSchema, values);
  if (id !== null && !(await pageById(c.get("db"), c.get("shop").id, id))) throw new HTTPException(404);
  if (!r.ok) return renderPage(c, <PageEditor {...adminChrome(c)} id={id} values={values} errors={r.errors} />, 400);
  if (id === null) {
    if ((await createPage(c.get("db"), c.get("shop").id, r.data)) === "tooMany")
      return renderPage(c, <PageEditor {...adminChrome(c)} id={id} values={values} errors={{ title: "pages.tooMany", "title.max": String(MAX_PAGES) }} />, 400);
  } else await updatePage(c.get("db"), c.get("shop").id, id, r.data);
  return c.redirect(`/admin/${c.get("shop").slug}/pages`, 303);
}

pageRoutes.post("/", (c) => save(c, null));
pageRoutes.post("/:id{[0-9]+}", (c) => save(c, intParam(c.req.param("id"))));
pageRoutes.post("/:id{[0-9]+}/delete", async (c) => {
  if (!(await deletePage(c.get("db"), c.get("shop").id, intParam(c.req.param("id"))!))) throw new HTTPException(404);
  return c.redirect(`/admin/${c.get("shop").slug}/pages`, 303);
});
