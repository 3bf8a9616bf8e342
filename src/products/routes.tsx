/**
 * /admin/:shop/products: list with search, filter and inline stock/price edit; create, edit,
 * duplicate, archive, delete, reorder. Handlers validate, call the domain (products.ts,
 * product-ops.ts: the SQL), render a view. Photos: photo-routes.tsx.
 */
import { Hono, type Context } from "hono";
import { adminPage } from "../admin/page";
import { mapRead } from "../db/page-read";
import { HTTPException } from "hono/http-exception";
import { collectionChoices } from "../collections/collections";
import { deleteProduct, duplicateProduct, moveProduct, quickEdit, setProductStatus } from "./product-ops";
import { createProduct, DuplicateSkuError, type EditableProduct, listProducts, ownCollections, newProductRead, productEditRead, productForEdit, productListRead, updateProduct, type ProductStatus } from "./products";
import { isDirection } from "../db/reorder";
import type { AppEnv } from "../env";
import type { FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { purgePhotos } from "../media/images";
import { mediaError } from "../media/store";
import { originFor } from "../tenancy/host";
import { adminChrome } from "../admin/chrome";
import { intParam, readAll } from "../lib/form-all";
import { capErrors, emptyState, MAX_PHOTOS, parseProductListQuery, photoFormSchema, parseQuickEdit, photoFormToken, rawProductForm, skuErrors, stateFromForm, stateFromProduct, validateProduct, type ProductFormState } from "./form";
import { photoScript } from "./photo-script";
import { NewPhotos, PhotosSection } from "./Photos";
import { addPendingPhotos, newPhotoForm, pendingPhotos } from "./pending";
import { ids as idList } from "../lib/form-all";
import { ProductActions } from "./ProductActions";
import { ProductForm } from "./ProductForm";
import { ProductList } from "./ProductList";
import { ProductShare } from "../share/ProductShare";

export const productRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const base = (c: C) => `/admin/${c.get("shop").slug}/products`;
const idParam = (c: C) => {
  const id = intParam(c.req.param("id"));
  if (!id) throw new HTTPException(404);
  return id;
};
const notices = { saved: "products.saved", created: "products.created", createdPhotos: "products.createdWithPhotos", deleted: "products.deleted", duplicated: "products.duplicated", photo: "photos.added", photoDeleted: "photos.deleted", quick: "products.quickSaved" } as const;
const noticeOf = (c: C) => {
  const n = c.req.query("done") as keyof typeof notices | undefined;
  return n && notices[n] ? c.get("t")(notices[n]) : undefined;
};

// The list as the URL asks for it, read in the batch of the seller's session check (src/admin/page.ts).
productRoutes.get(
  "/",
  adminPage(
    (c) => {
      const query = parseProductListQuery(c.req.query());
      return mapRead(productListRead({ q: query.q, status: query.status, offset: (query.page - 1) * 50, limit: 50 }), (list) => ({ list, query }));
    },
    (c, { list, query: { q, status, page, cut } }) =>
      renderPage(c, <ProductList {...adminChrome(c)} {...list} q={q} qCut={cut} status={status} page={page} currency={c.get("shop").currency} notice={noticeOf(c)} />),
  ),
);

/** The photo error a redirect named (a known key only: a link's own text is never shown). */
function photoErrorText(c: Context<AppEnv>): string | undefined {
  const key = mediaError(c.req.query("photoError"));
  return key ? c.get("t")(key, { max: MAX_PHOTOS }) : undefined;
}

/** The new form's photos: its token, the waiting photos in her order, and the photo field's error (a catalogue key). */
interface NewPhotoState {
  form: string;
  ids: number[];
  error?: string;
}

async function renderForm(
  c: C,
  state: ProductFormState,
  opts: { errors?: FieldErrors; id?: number; status?: 200 | 400; loaded?: EditableProduct; photos?: NewPhotoState; collections?: Awaited<ReturnType<typeof collectionChoices>> } = {},
) {
  const collections = opts.collections ?? (await collectionChoices(c.get("db"), c.get("shop").id));
  const chrome = adminChrome(c);
  let after = null;
  let photos = null;
  if (opts.id) {
    const p = opts.loaded ?? (await productForEdit(c.get("db"), c.get("shop").id, opts.id));
    if (!p) throw new HTTPException(404);
    after = (
      <>
        <PhotosSection t={c.get("t")} slug={c.get("shop").slug} csrf={chrome.csrf} productId={opts.id} photos={p.images} error={photoErrorText(c)} />
        <ProductShare m={chrome.m} shop={c.get("shop")} origin={originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug)} product={p} />
        <ProductActions t={c.get("t")} csrf={chrome.csrf} base={`${base(c)}/${opts.id}`} status={p.product.status} viewUrl={`${originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug)}/products/${encodeURIComponent(p.product.slug)}`} />
      </>
    );
  } else {
    const ph = opts.photos ?? { form: newPhotoForm(), ids: [] };
    const waiting = await pendingPhotos(c.get("db"), c.get("shop").id, ph.ids);
    const error = ph.error ? c.get("t")(ph.error as "media.tooMany", { max: MAX_PHOTOS }) : undefined;
    photos = <NewPhotos t={c.get("t")} slug={c.get("shop").slug} csrf={chrome.csrf} photoForm={ph.form} photos={waiting} error={error} />;
  }
  return renderPage(
    c,
    <ProductForm {...chrome} state={state} errors={opts.errors} productId={opts.id} collections={collections} after={after} photos={photos} notice={noticeOf(c)} script={photoScript} />,
    opts.status ?? 200,
  );
}

/** The files the new form posted without JavaScript (`photo`), at most one past the cap (counted, not read). */
async function postedPhotos(c: C): Promise<File[]> {
  const v = (await c.req.parseBody({ all: true })).photo;
  const files = (Array.isArray(v) ? v : [v]).filter((x): x is File => typeof x === "object" && x !== null && "arrayBuffer" in x && x.size > 0);
  return files.slice(0, MAX_PHOTOS + 1);
}

/**
 * The new form's photos as posted: the waiting ones (uploaded ahead, in her order) and, without
 * JavaScript, the files sent with the form, checked by their bytes and stored to wait in the
 * same way (so a form sent back with an error still has them). The per-product cap counts both.
 */
async function newFormPhotos(c: C, raw: Record<string, unknown>): Promise<NewPhotoState> {
  const form = photoFormToken(raw.photoForm) ?? newPhotoForm();
  const ids = idList(Array.isArray(raw.pending) ? (raw.pending as string[]) : []);
  if (ids.length > MAX_PHOTOS) return { form, ids: ids.slice(0, MAX_PHOTOS), error: "media.tooMany" };
  const files = await postedPhotos(c);
  if (!files.length) return { form, ids };
  // The schema's caps: each file's size, their number (and with the waiting ones, the product's).
  const capped = photoFormSchema.shape.photo.safeParse(files);
  if (!capped.success) return { form, ids, error: capped.error.issues[0]?.code === "too_big" && capped.error.issues[0].path.length ? "media.tooBig" : "media.tooMany" };
  if (ids.length + files.length > MAX_PHOTOS) return { form, ids, error: "media.tooMany" };
  const r = await addPendingPhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, form, files.map((file) => [{ declared: null, file }]));
  return { form, ids: [...ids, ...r.ids.map((x) => x.id)], error: r.error };
}

productRoutes.get(
  "/new",
  adminPage(
    () => newProductRead,
    (c, collections) => renderForm(c, emptyState(), { collections }),
  ),
);

/** Validates and saves; the form comes back with every typed value (and the new form's photos) on any problem. */
async function save(c: C, id?: number) {
  const raw = rawProductForm(await readAll(c));
  const photos = id ? undefined : await newFormPhotos(c, raw);
  const photoError = (errors: FieldErrors): FieldErrors => {
    const { pending, ...rest } = errors;
    if (photos && pending) photos.error ??= pending;
    return photos?.error ? { ...rest, photo: photos.error } : rest;
  };
  if (raw.intent === "refresh") {
    // "Update variants": the rows for the options typed, or what is past a cap beside its field.
    const state = stateFromForm(raw);
    const errors = photoError(capErrors(raw, state));
    return Object.keys(errors).length ? renderForm(c, state, { id, errors, status: 400, photos }) : renderForm(c, state, { id, photos });
  }
  const checked = validateProduct(raw);
  const state = checked.state;
  const errors = photoError(checked.ok ? {} : checked.errors);
  if (!checked.ok || Object.keys(errors).length) return renderForm(c, state, { errors, id, status: 400, photos });
  const db = c.get("db");
  const shopId = c.get("shop").id;
  const owned = (await collectionChoices(db, shopId)).map((x) => x.id);
  const input = { ...checked.input, collectionIds: ownCollections(checked.input.collectionIds, owned) };
  try {
    if (id) {
      if (!(await updateProduct(db, shopId, id, input))) throw new HTTPException(404);
    } else {
      // Only the shop's own photos still waiting (the batch checks again): the notice says what was attached.
      const attach = (await pendingPhotos(db, shopId, photos?.ids ?? [])).map((p) => p.id);
      const created = await createProduct(db, shopId, { ...input, pendingPhotos: attach });
      return c.redirect(`${base(c)}/${created.id}?done=${attach.length ? "createdPhotos" : "created"}`, 303);
    }
  } catch (e) {
    if (e instanceof DuplicateSkuError) return renderForm(c, state, { errors: skuErrors(state, e.skus), id, status: 400, photos });
    throw e;
  }
  return c.redirect(`${base(c)}/${id}?done=saved`, 303);
}

productRoutes.post("/", (c) => save(c));

// The product and the form's collections, read in the batch of the seller's session check (src/admin/page.ts).
productRoutes.get(
  "/:id{[0-9]+}",
  adminPage(
    (c) => productEditRead(idParam(c)),
    (c, { loaded, collections }) => {
      if (!loaded) throw new HTTPException(404);
      return renderForm(c, stateFromProduct(loaded), { id: loaded.product.id, loaded, collections });
    },
  ),
);

productRoutes.post("/:id{[0-9]+}", (c) => save(c, idParam(c)));

productRoutes.post("/:id{[0-9]+}/duplicate", async (c) => {
  const id = await duplicateProduct(c.get("db"), c.get("shop").id, idParam(c), c.get("t")("products.copySuffix"));
  if (!id) throw new HTTPException(404);
  return c.redirect(`${base(c)}/${id}?done=duplicated`, 303);
});

productRoutes.post("/:id{[0-9]+}/status", async (c) => {
  const { values } = await readAll(c);
  const status = values.status;
  if (status !== "active" && status !== "draft" && status !== "archived") throw new HTTPException(404);
  if (!(await setProductStatus(c.get("db"), c.get("shop").id, idParam(c), status))) throw new HTTPException(404);
  return c.redirect(`${base(c)}/${idParam(c)}?done=saved`, 303);
});

productRoutes.post("/:id{[0-9]+}/delete", async (c) => {
  const photos = await deleteProduct(c.get("db"), c.get("shop").id, idParam(c));
  if (!photos) throw new HTTPException(404);
  await purgePhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, photos);
  return c.redirect(`${base(c)}?done=deleted`, 303);
});

productRoutes.post("/:id{[0-9]+}/move", async (c) => {
  const { values } = await readAll(c);
  if (!isDirection(values.dir)) throw new HTTPException(404);
  if (!(await moveProduct(c.get("db"), c.get("shop").id, idParam(c), values.dir))) throw new HTTPException(404);
  return c.redirect(`${base(c)}#p${idParam(c)}`, 303);
});

/** The list's inline form: one price for all variants and/or each variant's stock. */
productRoutes.post("/:id{[0-9]+}/quick", async (c) => {
  const id = idParam(c);
  const { values } = await readAll(c);
  const { edit, errors } = parseQuickEdit(values);
  if (Object.keys(errors).length) {
    const list = await listProducts(c.get("db"), c.get("shop").id, { limit: 50 });
    if (!list.products.some((p) => p.id === id) && !(await productForEdit(c.get("db"), c.get("shop").id, id))) throw new HTTPException(404);
    return renderPage(c, <ProductList {...adminChrome(c)} {...list} q="" status="" page={1} currency={c.get("shop").currency} quick={{ id, values, errors }} />, 400);
  }
  if (!(await quickEdit(c.get("db"), c.get("shop").id, id, edit))) throw new HTTPException(404);
  return c.redirect(`${base(c)}?done=quick#p${id}`, 303);
});
