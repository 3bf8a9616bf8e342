/**
 * /admin/:shop/products: list with search, filter and inline stock/price edit; create, edit,
 * duplicate, archive, delete, reorder. Handlers validate, call the domain (products.ts,
 * product-ops.ts: the SQL), render a view. Photos: photo-routes.tsx.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { collectionChoices } from "../collections/collections";
import { deleteProduct, duplicateProduct, moveProduct, quickEdit, setProductStatus } from "./product-ops";
import { createProduct, DuplicateSkuError, type EditableProduct, listProducts, ownCollections, productForEdit, updateProduct, type ProductStatus } from "./products";
import { isDirection } from "../db/reorder";
import type { AppEnv } from "../env";
import type { FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { purgePhotos } from "../media/images";
import { mediaError } from "../media/store";
import { originFor } from "../tenancy/host";
import { adminChrome } from "../admin/chrome";
import { intParam, readAll } from "../lib/form-all";
import { capErrors, emptyState, MAX_PHOTOS, parseProductListQuery, parseQuickEdit, rawProductForm, skuErrors, stateFromForm, stateFromProduct, validateProduct, type ProductFormState } from "./form";
import { photoScript } from "./photo-script";
import { PhotosSection } from "./Photos";
import { ProductActions } from "./ProductActions";
import { ProductForm } from "./ProductForm";
import { ProductList } from "./ProductList";
import { ProductShare } from "../share/ProductShare";

export const productRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const base = (c: C) => `/admin/${c.var.shop.slug}/products`;
const idParam = (c: C) => {
  const id = intParam(c.req.param("id"));
  if (!id) throw new HTTPException(404);
  return id;
};
const notices = { saved: "products.saved", created: "products.created", deleted: "products.deleted", duplicated: "products.duplicated", photo: "photos.added", photoDeleted: "photos.deleted", quick: "products.quickSaved" } as const;
const noticeOf = (c: C) => {
  const n = c.req.query("done") as keyof typeof notices | undefined;
  return n && notices[n] ? c.var.t(notices[n]) : undefined;
};

productRoutes.get("/", async (c) => {
  const { q, status, page, cut } = parseProductListQuery(c.req.query());
  const list = await listProducts(c.var.db, c.var.shop.id, { q, status, offset: (page - 1) * 50, limit: 50 });
  return renderPage(c, <ProductList {...adminChrome(c)} {...list} q={q} qCut={cut} status={status} page={page} currency={c.var.shop.currency} notice={noticeOf(c)} />);
});

/** The photo error a redirect named (a known key only: a link's own text is never shown). */
function photoErrorText(c: Context<AppEnv>): string | undefined {
  const key = mediaError(c.req.query("photoError"));
  return key ? c.var.t(key, { max: MAX_PHOTOS }) : undefined;
}

async function renderForm(c: C, state: ProductFormState, opts: { errors?: FieldErrors; id?: number; status?: 200 | 400; loaded?: EditableProduct } = {}) {
  const collections = await collectionChoices(c.var.db, c.var.shop.id);
  let after = null;
  if (opts.id) {
    const p = opts.loaded ?? (await productForEdit(c.var.db, c.var.shop.id, opts.id));
    if (!p) throw new HTTPException(404);
    const chrome = adminChrome(c);
    after = (
      <>
        <PhotosSection t={c.var.t} slug={c.var.shop.slug} csrf={chrome.csrf} productId={opts.id} photos={p.images} error={photoErrorText(c)} />
        <ProductShare m={chrome.m} shop={c.var.shop} origin={originFor(c.req.url, c.env.ROOT_DOMAIN, c.var.shop.slug)} product={p} />
        <ProductActions t={c.var.t} csrf={chrome.csrf} base={`${base(c)}/${opts.id}`} status={p.product.status} viewUrl={`${originFor(c.req.url, c.env.ROOT_DOMAIN, c.var.shop.slug)}/products/${encodeURIComponent(p.product.slug)}`} />
      </>
    );
  }
  return renderPage(
    c,
    <ProductForm {...adminChrome(c)} state={state} errors={opts.errors} productId={opts.id} collections={collections} after={after} notice={noticeOf(c)} script={opts.id ? photoScript : undefined} />,
    opts.status ?? 200,
  );
}

productRoutes.get("/new", (c) => renderForm(c, emptyState()));

/** Validates and saves; the form comes back with every typed value on any problem. */
async function save(c: C, id?: number) {
  const raw = rawProductForm(await readAll(c));
  if (raw.intent === "refresh") {
    // "Update variants": the rows for the options typed, or what is past a cap beside its field.
    const state = stateFromForm(raw);
    const errors = capErrors(raw, state);
    return Object.keys(errors).length ? renderForm(c, state, { id, errors, status: 400 }) : renderForm(c, state, { id });
  }
  const checked = validateProduct(raw);
  const state = checked.state;
  if (!checked.ok) return renderForm(c, state, { errors: checked.errors, id, status: 400 });
  const db = c.var.db;
  const shopId = c.var.shop.id;
  const owned = (await collectionChoices(db, shopId)).map((x) => x.id);
  const input = { ...checked.input, collectionIds: ownCollections(checked.input.collectionIds, owned) };
  try {
    if (id) {
      if (!(await updateProduct(db, shopId, id, input))) throw new HTTPException(404);
    } else {
      const created = await createProduct(db, shopId, input);
      id = created.id;
      return c.redirect(`${base(c)}/${id}?done=created#photos`, 303);
    }
  } catch (e) {
    if (e instanceof DuplicateSkuError) return renderForm(c, state, { errors: skuErrors(state, e.skus), id, status: 400 });
    throw e;
  }
  return c.redirect(`${base(c)}/${id}?done=saved`, 303);
}

productRoutes.post("/", (c) => save(c));

productRoutes.get("/:id{[0-9]+}", async (c) => {
  const p = await productForEdit(c.var.db, c.var.shop.id, idParam(c));
  if (!p) throw new HTTPException(404);
  return renderForm(c, stateFromProduct(p), { id: p.product.id, loaded: p });
});

productRoutes.post("/:id{[0-9]+}", (c) => save(c, idParam(c)));

productRoutes.post("/:id{[0-9]+}/duplicate", async (c) => {
  const id = await duplicateProduct(c.var.db, c.var.shop.id, idParam(c), c.var.t("products.copySuffix"));
  if (!id) throw new HTTPException(404);
  return c.redirect(`${base(c)}/${id}?done=duplicated`, 303);
});

productRoutes.post("/:id{[0-9]+}/status", async (c) => {
  const { values } = await readAll(c);
  const status = values.status;
  if (status !== "active" && status !== "draft" && status !== "archived") throw new HTTPException(404);
  if (!(await setProductStatus(c.var.db, c.var.shop.id, idParam(c), status))) throw new HTTPException(404);
  return c.redirect(`${base(c)}/${idParam(c)}?done=saved`, 303);
});

productRoutes.post("/:id{[0-9]+}/delete", async (c) => {
  const photos = await deleteProduct(c.var.db, c.var.shop.id, idParam(c));
  if (!photos) throw new HTTPException(404);
  await purgePhotos(c.var.db, c.env.MEDIA, c.var.shop.id, photos);
  return c.redirect(`${base(c)}?done=deleted`, 303);
});

productRoutes.post("/:id{[0-9]+}/move", async (c) => {
  const { values } = await readAll(c);
  if (!isDirection(values.dir)) throw new HTTPException(404);
  if (!(await moveProduct(c.var.db, c.var.shop.id, idParam(c), values.dir))) throw new HTTPException(404);
  return c.redirect(`${base(c)}#p${idParam(c)}`, 303);
});

/** The list's inline form: one price for all variants and/or each variant's stock. */
productRoutes.post("/:id{[0-9]+}/quick", async (c) => {
  const id = idParam(c);
  const { values } = await readAll(c);
  const { edit, errors } = parseQuickEdit(values);
  if (Object.keys(errors).length) {
    const list = await listProducts(c.var.db, c.var.shop.id, { limit: 50 });
    if (!list.products.some((p) => p.id === id) && !(await productForEdit(c.var.db, c.var.shop.id, id))) throw new HTTPException(404);
    return renderPage(c, <ProductList {...adminChrome(c)} {...list} q="" status="" page={1} currency={c.var.shop.currency} quick={{ id, values, errors }} />, 400);
  }
  if (!(await quickEdit(c.var.db, c.var.shop.id, id, edit))) throw new HTTPException(404);
  return c.redirect(`${base(c)}?done=quick#p${id}`, 303);
});
