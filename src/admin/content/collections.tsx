/** /admin/:shop/collections: create, name, order and fill the storefront's navigation groups. */
import { Hono, type Context } from "hono";
import { collectionForEdit, createCollection, deleteCollection, listCollections, moveCollection, updateCollection } from "../../catalog/collections";
import { isDirection } from "../../catalog/reorder";
import type { AppEnv } from "../../env";
import { HttpError } from "../../lib/errors";
import { validate, type FieldErrors } from "../../lib/form";
import { renderPage } from "../../lib/render";
import { touchShop } from "../../settings/version";
import { AdminShell } from "../../ui/AdminShell";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { adminChrome, type AdminChrome } from "../chrome";
import { ids, intParam, readAll } from "../form-all";
import { ActionButton, Check, err, MoveButtons, TextArea } from "../views/bits";
import { cmsCss } from "../views/cms-css";
import { collectionSchema } from "./schema";

export const collectionRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

function CollectionList(p: AdminChrome & { rows: Awaited<ReturnType<typeof listCollections>> }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/collections`;
  return (
    <AdminShell {...p} title={t("collections.title")} tab="shop" css={cmsCss}>
      <p>
        <a href={`/admin/${p.shop.slug}/shop`}>← {t("admin.shop.title")}</a>
      </p>
      <h1>{t("collections.title")}</h1>
      <p class="muted">{t("collections.hint")}</p>
      {p.rows.length === 0 && <p class="muted">{t("collections.empty")}</p>}
      <ul class="plist">
        {p.rows.map((x) => (
          <li key={x.id}>
            <div class="phead">
              <a href={`${b}/${x.id}`} dir="auto">
                {x.title}
              </a>
              <span class="tag">{t("collections.count", { count: x.count })}</span>
            </div>
            <div class="acts">
              <MoveButtons action={`${b}/${x.id}/move`} csrf={p.csrf} t={t} what={x.title} />
            </div>
          </li>
        ))}
      </ul>
      <a class="btn" href={`${b}/new`}>
        + {t("collections.add")}
      </a>
    </AdminShell>
  );
}

interface EditorProps extends AdminChrome {
  id: number | null;
  values: Record<string, string>;
  selected: number[];
  products: { id: number; title: string; status: string }[];
  errors?: FieldErrors;
}

function CollectionEditor(p: EditorProps) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/collections`;
  const e = (f: string) => err(t, p.errors, f);
  return (
    <AdminShell {...p} title={t("collections.edit")} tab="shop" css={cmsCss}>
      <p>
        <a href={b}>← {t("collections.title")}</a>
      </p>
      <h1>{p.id ? t("collections.edit") : t("collections.add")}</h1>
      {p.errors && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
      <Form action={p.id ? `${b}/${p.id}` : b} csrf={p.csrf}>
        <Field name="title" label={t("collections.field.title")} value={p.values.title} error={e("title")} maxLength={80} dir="auto" />
        <TextArea name="description" label={t("collections.field.description")} value={p.values.description ?? ""} error={e("description")} rows={3} maxLength={2000} />
        <fieldset>
          <legend>{t("collections.products")}</legend>
          {p.products.length === 0 && <p class="muted">{t("products.empty")}</p>}
          {p.products.map((x) => (
            <Check key={x.id} name="product" value={String(x.id)} label={x.title} checked={p.selected.includes(x.id)} />
          ))}
        </fieldset>
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

const list = (c: C) => `/admin/${c.var.shop.slug}/collections`;

collectionRoutes.get("/", async (c) => renderPage(c, <CollectionList {...adminChrome(c)} rows={await listCollections(c.var.db, c.var.shop.id)} />));

async function editor(c: C, id: number | null, values?: Record<string, string>, selected?: number[], errors?: FieldErrors) {
  const data = await collectionForEdit(c.var.db, c.var.shop.id, id);
  if (id !== null && !data.collection) throw new HttpError(404, "notFound");
  const v = values ?? { title: data.collection?.title ?? "", description: data.collection?.description ?? "" };
  return renderPage(c, <CollectionEditor {...adminChrome(c)} id={id} values={v} selected={selected ?? data.productIds} products={data.products} errors={errors} />, errors ? 400 : 200);
}

collectionRoutes.get("/new", (c) => editor(c, null));
collectionRoutes.get("/:id{[0-9]+}", (c) => editor(c, intParam(c.req.param("id"))));

async function save(c: C, id: number | null) {
  const { values, lists } = await readAll(c);
  const productIds = ids(lists.product);
  const r = validate(collectionSchema, values);
  if (!r.ok) return editor(c, id, values, productIds, r.errors);
  const input = { ...r.data, productIds };
  if (id === null) await createCollection(c.var.db, c.var.shop.id, input);
  else if (!(await updateCollection(c.var.db, c.var.shop.id, id, input))) throw new HttpError(404, "notFound");
  await touchShop(c.var.db, c.var.shop);
  return c.redirect(list(c), 303);
}

collectionRoutes.post("/", (c) => save(c, null));
collectionRoutes.post("/:id{[0-9]+}", (c) => save(c, intParam(c.req.param("id"))));
collectionRoutes.post("/:id{[0-9]+}/delete", async (c) => {
  if (!(await deleteCollection(c.var.db, c.var.shop.id, intParam(c.req.param("id"))!))) throw new HttpError(404, "notFound");
  await touchShop(c.var.db, c.var.shop);
  return c.redirect(list(c), 303);
});
collectionRoutes.post("/:id{[0-9]+}/move", async (c) => {
  const { values } = await readAll(c);
  if (!isDirection(values.dir) || !(await moveCollection(c.var.db, c.var.shop.id, intParam(c.req.param("id"))!, values.dir))) throw new HttpError(404, "notFound");
  await touchShop(c.var.db, c.var.shop);
  return c.redirect(list(c), 303);
});
