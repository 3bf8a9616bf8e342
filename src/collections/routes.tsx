/**
 * /admin/:shop/collections: create, name, order and fill the storefront's navigation groups.
 * The editor pages through any number of products (keyset pages, a search box): a save adds
 * the ticked products of the page shown and takes out the unticked ones, and leaves every other
 * member alone; the members are listed in their order, each with move up/down and a place.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminPage } from "../admin/page";
import { mapRead } from "../db/page-read";
import { collectionEditRead, collectionForEdit, collectionListRead, createCollection, deleteCollection, moveCollection, moveMember, updateCollection, type CollectionEditorData, type EditorView, type ListedCollection } from "./collections";
import { isDirection } from "../db/reorder";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { validate, type FieldErrors, fieldMessage } from "../lib/form";
import { renderPage } from "../lib/render";
import { AdminShell } from "../ui/AdminShell";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { ids, intParam, readAll } from "../lib/form-all";
import { ActionButton, BackLink, Check, FormNotes, MoveButtons, TextArea } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { PRODUCT_SEARCH_MAX } from "../products/form";
import { caps as capsOf } from "../lib/form-fields";
import { collectionEditorQuerySchema, collectionSchema, MAX_COLLECTION_PRODUCTS, MAX_COLLECTIONS, memberMoveSchema } from "./schema";

export const collectionRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

let caps: Record<string, number | undefined> | undefined;
/** The collection form's caps, read from its schema once, when first needed. */
const capsOfForm = () => (caps ??= capsOf(collectionSchema));
/** The editor's own bits: the place box beside a member's move buttons (48 px tall, like them). */
const editorCss = `${cmsCss}
.acts form.place{display:inline-flex;gap:4px;align-items:center}
.place input{width:4.5em;min-height:48px;text-align:center}
fieldset.invalid{border-color:var(--err)}
`;

function CollectionList(p: AdminChrome & { rows: ListedCollection[] }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/collections`;
  return (
    <AdminShell {...p} title={t("collections.title")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
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
  view: EditorView;
  data: CollectionEditorData;
  /** What the seller ticked on the page shown (kept when the save is refused). */
  ticked?: number[];
  errors?: FieldErrors;
  notice?: string;
}

/** The editor's address for a view (search, page of choices, page of members). */
function viewUrl(base: string, v: Partial<EditorView>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(extra);
  if (v.q) p.set("q", v.q);
  if (v.after) p.set("after", String(v.after));
  if (v.mpage && v.mpage > 1) p.set("mpage", String(v.mpage));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

function CollectionEditor(p: EditorProps) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/collections`;
  const self = p.id ? `${b}/${p.id}` : `${b}/new`;
  const CAPS = capsOfForm();
  const e = (f: string) => fieldMessage(t, p.errors, f);
  const { data, view } = p;
  const ticked = new Set(p.ticked ?? data.choices.filter((x) => x.member).map((x) => x.id));
  return (
    <AdminShell {...p} title={t("collections.edit")} tab="shop" css={editorCss}>
      <BackLink m={p.m} href={b} label={t("collections.title")} />
      <h1>{p.id ? t("collections.edit") : t("collections.add")}</h1>
      <FormNotes notice={p.notice} alert={p.errors && (p.errors._form ? e("_form") : t("common.fixErrors"))} />
      {/* The search box sits in the save form's fieldset but belongs to this GET form (form=""). */}
      <form id="pick-search" method="get" action={self} role="search">
        {view.mpage > 1 && <input type="hidden" name="mpage" value={String(view.mpage)} />}
      </form>
      <Form action={p.id ? `${b}/${p.id}` : b} csrf={p.csrf}>
        <Field name="title" label={t("collections.field.title")} value={p.values.title} error={e("title")} maxLength={CAPS.title} dir="auto" required />
        <TextArea name="description" label={t("collections.field.description")} value={p.values.description ?? ""} error={e("description")} rows={3} maxLength={CAPS.description} />
        <fieldset class={p.errors?.product || p.errors?.shown ? "invalid" : undefined}>
          <legend>{t("collections.pick")}</legend>
          {(p.errors?.product || p.errors?.shown) && (
            <p class="error" role="alert">
              {e("product") ?? e("shown")}
            </p>
          )}
          <div class="filters">
            <Field name="q" type="search" label={t("collections.search")} value={view.q} maxLength={PRODUCT_SEARCH_MAX} attrs={{ form: "pick-search" } as never} />
            <button class="btn ghost" type="submit" form="pick-search">
              {t("collections.searchButton")}
            </button>
          </div>
          <p class="hint muted">{t("collections.pickHint")}</p>
          {data.choices.length === 0 && <p class="muted">{view.q ? t("products.noMatch") : t("products.empty")}</p>}
          {data.choices.map((x) => (
            <div key={x.id}>
              <input type="hidden" name="shown" value={String(x.id)} />
              <Check name="product" value={String(x.id)} label={x.status === "active" ? x.title : `${x.title} (${t(`products.status.${x.status}`)})`} checked={ticked.has(x.id)} />
            </div>
          ))}
          <input type="hidden" name="q" value={view.q} />
          {view.after && <input type="hidden" name="after" value={String(view.after)} />}
          {view.mpage > 1 && <input type="hidden" name="mpage" value={String(view.mpage)} />}
          <div class="acts">
            {view.after && (
              <a class="btn small ghost" href={viewUrl(self, { q: view.q, mpage: view.mpage })}>
                {t("collections.firstPage")}
              </a>
            )}
            {data.nextAfter && (
              <a class="btn small ghost" href={viewUrl(self, { q: view.q, after: data.nextAfter, mpage: view.mpage })}>
                {t("common.more")}
              </a>
            )}
          </div>
        </fieldset>
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
      {p.id && <Members {...p} id={p.id} />}
      {p.id && (
        <div class="acts">
          <ActionButton action={`${b}/${p.id}/delete`} csrf={p.csrf} label={t("common.delete")} danger />
        </div>
      )}
    </AdminShell>
  );
}

/** The collection's products in their order (the home page features the first ones), each with move up/down and a place. */
const capOfMove = capsOf(memberMoveSchema);

function Members(p: EditorProps & { id: number }) {
  const { t } = p.m;
  const self = `/admin/${p.shop.slug}/collections/${p.id}`;
  const { data, view } = p;
  const order = `${self}/order`;
  return (
    <section id="members">
      <h2>{t("collections.members", { n: data.memberCount })}</h2>
      {data.members.length === 0 && <p class="muted">{t("collections.noMembers")}</p>}
      <ol class="plist" start={data.firstPlace + 1}>
        {data.members.map((x, i) => {
          const place = data.firstPlace + i + 1;
          const back = () => (
            <>
              <input type="hidden" name="product" value={String(x.id)} />
              <input type="hidden" name="mpage" value={String(view.mpage)} />
            </>
          );
          return (
            <li key={x.id} id={`m${x.id}`}>
              <div class="phead">
                <span dir="auto">
                  {place}. {x.title}
                </span>
                {x.status !== "active" && <span class={`tag ${x.status}`}>{t(`products.status.${x.status}`)}</span>}
              </div>
              <div class="acts">
                <Form action={order} csrf={p.csrf} class="inline">
                  {back()}
                  <button class="btn small ghost" type="submit" name="dir" value="up" aria-label={t("cms.moveUp", { what: x.title })}>
                    ↑
                  </button>
                </Form>
                <Form action={order} csrf={p.csrf} class="inline">
                  {back()}
                  <button class="btn small ghost" type="submit" name="dir" value="down" aria-label={t("cms.moveDown", { what: x.title })}>
                    ↓
                  </button>
                </Form>
                <Form action={order} csrf={p.csrf} class="inline place">
                  {back()}
                  <label class="sr-only" for={`to-${x.id}`}>
                    {t("collections.placeOf", { what: x.title })}
                  </label>
                  <input id={`to-${x.id}`} name="to" inputMode="numeric" autoComplete="off" size={4} maxLength={capOfMove.to} value={String(place)} dir="ltr" />
                  <button class="btn small ghost" type="submit">
                    {t("collections.moveTo")}
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ol>
      <div class="acts">
        {view.mpage > 1 && (
          <a class="btn small ghost" href={`${viewUrl(self, { q: view.q, after: view.after, mpage: view.mpage - 1 })}#members`}>
            {t("common.previous")}
          </a>
        )}
        {data.moreMembers && (
          <a class="btn small ghost" href={`${viewUrl(self, { q: view.q, after: view.after, mpage: view.mpage + 1 })}#members`}>
            {t("common.more")}
          </a>
        )}
      </div>
    </section>
  );
}

const list = (c: C) => `/admin/${c.get("shop").slug}/collections`;

collectionRoutes.get(
  "/",
  adminPage(
    () => collectionListRead,
    (c, rows) => renderPage(c, <CollectionList {...adminChrome(c)} rows={rows} />),
  ),
);

interface Shown {
  values?: Record<string, string>;
  ticked?: number[];
  errors?: FieldErrors;
}

async function editor(c: C, id: number | null, view: EditorView, shown: Shown = {}) {
  return editorPage(c, id, view, await collectionForEdit(c.get("db"), c.get("shop").id, id, view), shown);
}

/** The editor with its data read (in the session check's batch on a GET, alone after a refused save). */
function editorPage(c: C, id: number | null, view: EditorView, data: CollectionEditorData, shown: Shown = {}) {
  if (id !== null && !data.collection) throw new HTTPException(404);
  const v = shown.values ?? { title: data.collection?.title ?? "", description: data.collection?.description ?? "" };
  const notice = c.req.query("done") === "saved" ? c.get("t")("collections.saved") : undefined;
  return renderPage(c, <CollectionEditor {...adminChrome(c)} id={id} values={v} view={view} data={data} ticked={shown.ticked} errors={shown.errors} notice={notice} />, shown.errors ? 400 : 200);
}

const viewOf = (values: Record<string, string | undefined>): EditorView => collectionEditorQuerySchema.parse(values);

/** A GET of the editor: the collection (none for /new) and the view the query asks for. */
const editorGet = (idOf: (c: C) => number | null) =>
  adminPage(
    (c) => {
      const id = idOf(c);
      const view = viewOf(c.req.query());
      return mapRead(collectionEditRead(id, view), (data) => ({ id, view, data }));
    },
    (c, { id, view, data }) => editorPage(c, id, view, data),
  );
collectionRoutes.get("/new", editorGet(() => null));
collectionRoutes.get("/:id{[0-9]+}", editorGet((c) => intParam(c.req.param("id"))));

async function save(c: C, id: number | null) {
  const { values, lists } = await readAll(c);
  const view = viewOf(values);
  const r = validate(collectionSchema, { ...values, product: lists.product ?? [], shown: lists.shown ?? [] });
  const ticked = ids(lists.product);
  if (!r.ok) return editor(c, id, view, { values, ticked, errors: r.errors });
  const tickedSet = new Set(ticked);
  const input = { title: r.data.title, description: r.data.description, add: ticked, remove: ids(r.data.shown).filter((x) => !tickedSet.has(x)) };
  const db = c.get("db");
  const shopId = c.get("shop").id;
  const saved = id === null ? await createCollection(db, shopId, input) : await updateCollection(db, shopId, id, input);
  if (saved === "notFound") throw new HTTPException(404);
  if (saved === "tooMany") return editor(c, id, view, { values, ticked, errors: { product: "collections.tooManyProducts", "product.max": String(MAX_COLLECTION_PRODUCTS) } });
  if (saved === "tooManyCollections") return editor(c, id, view, { values, ticked, errors: { title: "collections.tooMany", "title.max": String(MAX_COLLECTIONS) } });
  const at = id ?? (saved as { id: number }).id;
  return c.redirect(viewUrl(`${list(c)}/${at}`, view, { done: "saved" }), 303);
}

collectionRoutes.post("/", (c) => save(c, null));
collectionRoutes.post("/:id{[0-9]+}", (c) => save(c, intParam(c.req.param("id"))));
collectionRoutes.post("/:id{[0-9]+}/delete", async (c) => {
  if (!(await deleteCollection(c.get("db"), c.get("shop").id, intParam(c.req.param("id"))!))) throw new HTTPException(404);
  return c.redirect(list(c), 303);
});
collectionRoutes.post("/:id{[0-9]+}/move", async (c) => {
  const { values } = await readAll(c);
  if (!isDirection(values.dir) || !(await moveCollection(c.get("db"), c.get("shop").id, intParam(c.req.param("id"))!, values.dir))) throw new HTTPException(404);
  return c.redirect(list(c), 303);
});

/** Moves one product within the collection's order: up, down or to a place (1-based) typed by the seller. */
collectionRoutes.post("/:id{[0-9]+}/order", async (c) => {
  const id = intParam(c.req.param("id"))!;
  const { values } = await readAll(c);
  const m = memberMoveSchema.safeParse(values);
  const view = viewOf(values);
  if (!m.success || !(m.data.dir || m.data.to)) {
    // A place that is not a whole number: the editor again, with the message at the top.
    if (!(await collectionForEdit(c.get("db"), c.get("shop").id, id, view)).collection) throw new HTTPException(404);
    return editor(c, id, view, { errors: { _form: "validation.number" } });
  }
  const to = m.data.dir ?? { place: Math.max(0, Number(m.data.to) - 1) };
  if (!(await moveMember(c.get("db"), c.get("shop").id, id, Number(m.data.product), to))) throw new HTTPException(404);
  return c.redirect(`${viewUrl(`${list(c)}/${id}`, { mpage: view.mpage })}#m${m.data.product}`, 303);
});
