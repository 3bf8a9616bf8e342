/**
 * /admin/:shop/theme (owner only): pick a theme and edit its settings through a form generated
 * from its zod schema; Preview renders the storefront home with the unsaved settings.
 */
import { Hono, type Context } from "hono";
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
import { nothingToRead } from "../db/page-read";
import { currentSettings, fromForm, settingErrors, settingFields, themeFormErrors, themeFormSchema, toFormValues } from "./fields";
import { renderPreview } from "./preview";
import { ThemePage } from "./ThemePage";

export const themeRoutes = new Hono<AppEnv>();
themeRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

themeRoutes.get(
  "/",
  adminPage(
    () => nothingToRead,
    (c) => {
      const theme = themeById(c.var.shop.themeId);
      const fields = settingFields(theme, c.var.locale);
      const values = toFormValues(fields, currentSettings(theme, c.var.shop.themeSettings));
      return renderPage(c, <ThemePage {...adminChrome(c)} themes={THEMES} themeId={theme.manifest.id} fields={fields} values={values} saved={c.req.query("done") === "1"} />);
    },
  ),
);

/** The posted theme and settings; image files are checked (and stored when `store`). */
async function posted(c: C, store: boolean) {
  const { values, lists } = await readAll(c);
  const body = await c.req.parseBody({ all: true });
  const themeId = values.theme && isThemeId(values.theme) ? values.theme : c.var.shop.themeId;
  const theme = themeById(themeId);
  const fields = settingFields(theme, c.var.locale);
  // Over-cap values are refused as typed, before anything else reads them.
  const capped = themeFormErrors(themeFormSchema(fields, THEMES.map((t) => t.manifest.id)), fields, values, lists);
  const { candidate, shown } = fromForm(fields, values, lists, c.var.shop.id);
  // Fields the page did not show (another theme was showing) keep their current values.
  const current = currentSettings(theme, c.var.shop.themeSettings);
  const currentShown = toFormValues(fields, current);
  for (const f of fields)
    if (!values[`has_${f.key}`]) {
      candidate[f.key] = current[f.key];
      shown[f.key] = currentShown[f.key]!;
    }
  const errors: FieldErrors = { ...capped };
  const fresh: { key: string; shownBefore: string | string[]; ref: Awaited<ReturnType<typeof storePhotoSet>> }[] = [];
  for (const f of fields) {
    if (f.meta.input !== "image") continue;
    const file = body[`file_${f.key}`];
    if (!(file instanceof File) || file.size === 0) continue;
    const checked = await checkPhotoSet([{ declared: null, file }]);
    if (typeof checked === "string") errors[f.key] = checked;
    else if (store) {
      const ref = await storePhotoSet(c.env.MEDIA, c.var.shop.id, checked);
      fresh.push({ key: f.key, shownBefore: shown[f.key] ?? "", ref });
      candidate[f.key] = ref;
      shown[f.key] = JSON.stringify(ref);
    }
  }
  const parsed = theme.settings.safeParse(candidate);
  if (!parsed.success) Object.assign(errors, { ...settingErrors(parsed.error), ...errors });
  if (fresh.length && Object.keys(errors).length) {
    // Not saved: photos stored by this request leave no orphans (the seller picks them again).
    await purgePhotos(c.var.db, c.env.MEDIA, c.var.shop.id, fresh.map((x) => x.ref));
    for (const x of fresh) shown[x.key] = x.shownBefore;
  }
  return { theme, fields, shown, errors, settings: parsed.success ? (parsed.data as Record<string, unknown>) : null };
}

themeRoutes.post("/", async (c) => {
  const r = await posted(c, true);
  if (!r.settings || Object.keys(r.errors).length)
    return renderPage(c, <ThemePage {...adminChrome(c)} themes={THEMES} themeId={r.theme.manifest.id} fields={r.fields} values={r.shown} errors={r.errors} />, 400);
  const before = imageRefsOf(c.var.shop.themeSettings);
  await saveTheme(c.var.db, c.var.shop.id, r.theme.manifest.id, r.settings);
  // A replaced logo or banner leaves no orphan (unless a product photo shares its bytes).
  const kept = new Set(imageRefsOf(r.settings).map((x) => x.key));
  await purgePhotos(c.var.db, c.env.MEDIA, c.var.shop.id, before.filter((x) => !kept.has(x.key)));
  return c.redirect(`/admin/${c.var.shop.slug}/theme?done=1`, 303);
});

themeRoutes.post("/preview", async (c) => {
  const r = await posted(c, false);
  if (!r.settings || Object.keys(r.errors).length)
    return renderPage(c, <ThemePage {...adminChrome(c)} themes={THEMES} themeId={r.theme.manifest.id} fields={r.fields} values={r.shown} errors={r.errors} />, 400);
  return sendDocument(c, await renderPreview(c, r.theme, r.settings), 200, { "cache-control": "no-store", "x-robots-tag": "noindex" });
});
