/**
 * /admin/:shop/theme (owner only): pick a theme and edit its settings through a form generated
 * from its zod schema; Preview renders the storefront home with the unsaved settings.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import type { FieldErrors } from "../lib/form";
import { renderPage, sendDocument } from "../lib/render";
import { purgePhotos } from "../media/images";
import { checkPhotoSet, storePhotoSet } from "../media/store";
import { imageRefsOf, saveTheme } from "./theme";
import { isThemeId, THEMES, themeById } from "../../themes";
import { adminChrome } from "../admin/chrome";
import { readAll } from "../lib/form-all";
import { requireOwner } from "../admin/load-shop";
import { adminPage } from "../admin/page";
import { currentSettings, fromForm, settingErrors, settingFields, themeFormErrors, themeFormSchema, toFormValues } from "./fields";
import { themeChoices, themeChoicesRead, type ThemeChoices } from "./choices";
import { applyOp, flatFields, instanceForms, instancesFrom, instanceValues, LISTS, parseOp, postedTypes, sectionErrors, sectionsFormShape, type OfferedList } from "./sections";
import type { Locale } from "../i18n";
import type { SectionInstance } from "../storefront/section";
import { inLocale, type Theme } from "../storefront/theme";
import { sectionListOf, type SectionsKey } from "../storefront/theme-settings";
import { renderPreview, renderProductPreview } from "./preview";
import { ThemePage } from "./ThemePage";

export const themeRoutes = new Hono<AppEnv>();
themeRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

/** The theme's own fields (the sections fields are drawn by instance), and its sections lists (the types each offers). */
function formOf(theme: Theme, locale: Locale) {
  const lists: OfferedList[] = LISTS.map((list) => ({ list, ...sectionListOf(theme.settings, list.key) })).filter((l) => l.defs.length > 0);
  return { fields: settingFields(theme, locale).filter((f) => f.meta.input !== "sections"), lists };
}

/** Each sections list's instances, by its settings field. */
type Lists = Partial<Record<SectionsKey, SectionInstance[]>>;
const storedLists = (settings: Record<string, unknown>): Lists => Object.fromEntries(LISTS.map((l) => [l.key, (settings[l.key] as SectionInstance[]) ?? []]));

/** Item rows drawn for a list: those it holds and one empty, under its cap. */
const drawnSlots = (count: number, max: number) => Math.min(max, count + 1);
/** Item rows read from a post: up to one past the cap (which is then refused beside the list). */
const readSlots = (_count: number, max: number) => max + 1;

function page(c: C, theme: Theme, choices: ThemeChoices, values: Record<string, string | string[]>, sections: Lists, extra: { errors?: FieldErrors; saved?: boolean; unsaved?: boolean; noProduct?: boolean } = {}) {
  const { fields, lists } = formOf(theme, c.get("locale"));
  const shown = { ...values };
  const drawn = lists.map(({ list, defs }) => {
    const instances = sections[list.key] ?? [];
    const forms = instanceForms(list, defs, instances, c.get("locale"), drawnSlots);
    Object.assign(shown, instanceValues(forms, instances));
    return { list, forms, offered: defs.map((d) => [d.id, inLocale(d.label, c.get("locale"))] as [string, string]) };
  });
  return <ThemePage {...adminChrome(c)} themes={THEMES} themeId={theme.manifest.id} fields={fields} values={shown} lists={drawn} choices={choices} {...extra} />;
}

themeRoutes.get(
  "/",
  adminPage(
    () => themeChoicesRead,
    (c, choices) => {
      const theme = themeById(c.get("shop").themeId);
      const current = currentSettings(theme, c.get("shop").themeSettings);
      const values = toFormValues(formOf(theme, c.get("locale")).fields, current);
      return renderPage(c, page(c, theme, choices, values, storedLists(current), { saved: c.req.query("done") === "1" }));
    },
  ),
);

/**
 * The posted theme and settings; image files are checked (and stored when `store`). A button's
 * change to a sections list (`op`) is applied to that posted list, never saved by itself.
 */
async function posted(c: C, store: boolean) {
  const { values } = await readAll(c);
  const body = await c.req.parseBody({ all: true });
  const themeId = values.theme && isThemeId(values.theme) ? values.theme : c.get("shop").themeId;
  const theme = themeById(themeId);
  const { fields: own, lists } = formOf(theme, c.get("locale"));
  const read = lists.map((l) => ({ ...l, forms: instanceForms(l.list, l.defs, postedTypes(l.list, l.max, values), c.get("locale"), readSlots) }));
  const fields = [...own, ...read.flatMap((l) => flatFields(l.forms))];
  // Over-cap values are refused as typed, before anything else reads them.
  const capped = themeFormErrors(themeFormSchema(fields, THEMES.map((t) => t.manifest.id), sectionsFormShape(lists)), fields, values);
  const { candidate } = fromForm(fields, values, c.get("shop").id);
  // Fields the page did not show (another theme was showing) keep their current values.
  const current = currentSettings(theme, c.get("shop").themeSettings);
  for (const f of own) if (!values[`has_${f.key}`]) candidate[f.key] = current[f.key];
  const errors: FieldErrors = { ...capped };
  const fresh: { before: unknown; ref: Awaited<ReturnType<typeof storePhotoSet>> }[] = [];
  for (const f of fields) {
    if (f.meta.input !== "image") continue;
    const file = body[`file_${f.key}`];
    if (!(file instanceof File) || file.size === 0) continue;
    const checked = await checkPhotoSet([{ declared: null, file }]);
    if (typeof checked === "string") errors[f.key] = checked;
    else if (store && !values.op) {
      const ref = await storePhotoSet(c.env.MEDIA, c.get("shop").id, checked);
      fresh.push({ before: candidate[f.key], ref });
      candidate[f.key] = ref;
    }
  }
  // Each list as posted (a list the page did not show keeps its current instances), a button's change applied to its own list.
  const op = Object.keys(capped).length ? null : parseOp(values.op);
  const sections: Lists = {};
  for (const l of read) {
    const posted = values[`has_${l.list.key}`] ? instancesFrom(l.forms, candidate, values) : storedLists(current)[l.list.key]!;
    const changed = applyOp(op?.list === l.list ? op : null, values[l.list.addName], posted, l);
    if (changed.error) Object.assign(errors, { [l.list.key]: changed.error, [`${l.list.key}.max`]: String(l.max) });
    sections[l.list.key] = changed.list;
  }
  const settings: Record<string, unknown> = { ...sections };
  for (const f of own) settings[f.key] = candidate[f.key];
  const parsed = theme.settings.safeParse(settings);
  if (!parsed.success) {
    const rest = new z.ZodError(parsed.error.issues.filter((i) => !LISTS.some((l) => l.key === i.path[0])));
    Object.assign(errors, { ...settingErrors(rest), ...sectionErrors(parsed.error), ...errors });
  }
  if (fresh.length && Object.keys(errors).length) {
    // Not saved: photos stored by this request leave no orphans (the seller picks them again).
    await purgePhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, fresh.map((x) => x.ref));
    const back = new Map(fresh.map((x) => [x.ref.key, x.before]));
    const undo = (o: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(o)) if (v && typeof v === "object" && back.has((v as { key?: string }).key ?? "")) o[k] = back.get((v as { key: string }).key);
    };
    undo(settings);
    for (const i of Object.values(sections).flat()) undo(i.settings);
  }
  const shown = toFormValues(own, settings);
  return { theme, shown, sections, errors, op: !!values.op, settings: parsed.success ? (parsed.data as Record<string, unknown>) : null };
}

/** The form again, as posted (a mistake or a button's change): her pickers' choices read first. */
const again = async (c: C, r: Awaited<ReturnType<typeof posted>>, extra: { errors?: FieldErrors; unsaved?: boolean; noProduct?: boolean }) =>
  page(c, r.theme, await themeChoices({ db: c.get("db"), shopId: c.get("shop").id }), r.shown, r.sections, extra);

themeRoutes.post("/", async (c) => {
  const r = await posted(c, true);
  if (!r.settings || Object.keys(r.errors).length) return renderPage(c, await again(c, r, { errors: r.errors }), 400);
  // A button moved, removed or added a section: shown, not saved (Save keeps it).
  if (r.op) return renderPage(c, await again(c, r, { unsaved: true }));
  const before = imageRefsOf(c.get("shop").themeSettings);
  await saveTheme(c.get("db"), c.get("shop").id, r.theme.manifest.id, r.settings);
  // A replaced logo or banner leaves no orphan (unless a product photo shares its bytes).
  const kept = new Set(imageRefsOf(r.settings).map((x) => x.key));
  await purgePhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, before.filter((x) => !kept.has(x.key)));
  return c.redirect(`/admin/${c.get("shop").slug}/theme?done=1`, 303);
});

/** Preview (the home page), or with `?page=product` the shop's newest product's page; with unsaved settings. */
themeRoutes.post("/preview", async (c) => {
  const r = await posted(c, false);
  if (!r.settings || Object.keys(r.errors).length) return renderPage(c, await again(c, r, { errors: r.errors }), 400);
  const doc = c.req.query("page") === "product" ? await renderProductPreview(c, r.theme, r.settings) : await renderPreview(c, r.theme, r.settings);
  // No product yet: the form again, saying so beside the button.
  if (!doc) return renderPage(c, await again(c, r, { noProduct: true }));
  return sendDocument(c, doc, 200, { "cache-control": "no-store", "x-robots-tag": "noindex" });
});
