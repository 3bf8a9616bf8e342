import type { AdminChrome } from "../admin/chrome";
import type { FieldErrors } from "../lib/form";
import type { ImageRef } from "../storefront/theme-settings";
import { inLocale, type Theme } from "../storefront/theme";
import { AdminShell } from "../ui/AdminShell";
import { FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { photoScript } from "../products/photo-script";
import { adminMediaUrl } from "../products/Photos";
import { BackLink, err } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import type { SettingField } from "./fields";
import type { ThemeChoices } from "./choices";
import type { InstanceForm, ListForm } from "./sections";
import { SectionsEditor } from "./SectionsEditor";
import sectionOrder from "../client/section-order.gen";
import { InlineScript } from "../lib/csp";

export interface ThemePageProps extends AdminChrome {
  themes: readonly Theme[];
  themeId: string;
  fields: SettingField[];
  values: Record<string, string | string[]>;
  /** Each sections list (home page, product page): its instances as forms, and the types it offers ([id, label]). */
  lists: { list: ListForm; forms: InstanceForm[]; offered: [string, string][] }[];
  /** What the collection and product fields offer. */
  choices: ThemeChoices;
  errors?: FieldErrors;
  saved?: boolean;
  /** A button changed the sections: the page shows the change, not yet saved. */
  unsaved?: boolean;
  /** A product page's preview was asked for, and the shop has no product on sale yet. */
  noProduct?: boolean;
}

function parseRef(json: string | string[] | undefined): ImageRef | null {
  try {
    return typeof json === "string" && json ? (JSON.parse(json) as ImageRef) : null;
  } catch {
    return null;
  }
}

/** The id of the product fields' suggestions (one list on the page). */
const PRODUCT_CHOICES = "product-choices";

export function SettingInput({ f, p }: { f: SettingField; p: ThemePageProps }) {
  const { t } = p.m;
  const id = `s-${f.key}`;
  const name = `s_${f.key}`;
  const v = p.values[f.key];
  const error = err(t, p.errors, f.key);
  /** What ties a control to its error, as every form's fields are tied. */
  const aria = { "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": error ? `${id}-error` : undefined };
  const wrap = (control: preact.ComponentChildren, labelFor: string | null = id) => (
    <div class={error ? "field invalid" : "field"}>
      {labelFor ? <label for={labelFor}>{f.label}</label> : <span class="legend">{f.label}</span>}
      {control}
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
  switch (f.meta.input) {
    case "colour":
      return wrap(
        <div class="row">
          <input id={id} name={name} type="color" value={String(v ?? "#000000")} style="width:64px;min-height:48px;padding:2px" />
          <span dir="ltr" class="muted">
            {String(v ?? "")}
          </span>
        </div>,
      );
    case "toggle":
      return (
        <label class="check" for={id}>
          <input type="checkbox" id={id} name={name} value="on" checked={v === "on"} />
          <span>{f.label}</span>
        </label>
      );
    case "textarea":
      return wrap(
        <textarea id={id} name={name} rows={4} dir="auto" maxLength={f.max} {...aria}>
          {String(v ?? "")}
        </textarea>,
      );
    case "number":
      return wrap(<input id={id} name={name} value={String(v ?? "")} inputMode="numeric" autoComplete="off" dir="ltr" {...aria} />);
    case "choice":
      return wrap(
        <select id={id} name={name}>
          {f.options.map(([o, l]) => (
            <option value={o} selected={v === o} key={o}>
              {l}
            </option>
          ))}
        </select>,
      );
    case "collection": {
      // Her collections by title; "" is her first collection (the section's default). A picked
      // collection since deleted stays picked, said to be gone, until she picks another.
      const slug = String(v ?? "");
      const gone = slug !== "" && !p.choices.collections.some((c) => c.slug === slug);
      return wrap(
        <select id={id} name={name} {...aria}>
          <option value="" selected={slug === ""}>
            {t("sections.firstCollection")}
          </option>
          {gone && (
            <option value={slug} selected>
              {t("sections.goneCollection", { slug })}
            </option>
          )}
          {p.choices.collections.map((c) => (
            <option key={c.slug} value={c.slug} selected={c.slug === slug}>
              {c.title}
            </option>
          ))}
        </select>,
      );
    }
    case "product":
      // A link pasted or a web name typed, with her newest products suggested (PRODUCT_CHOICES).
      return wrap(<input id={id} name={name} value={String(v ?? "")} list={PRODUCT_CHOICES} dir="ltr" maxLength={f.max} inputMode="url" autoComplete="off" {...aria} />);
    case "sections":
    case "list":
      // Drawn by SectionsEditor.
      return null;
    case "image": {
      const ref = parseRef(v);
      return (
        <fieldset>
          <legend>{f.label}</legend>
          <input type="hidden" name={name} value={typeof v === "string" ? v : ""} />
          {ref && (
            <>
              <img src={adminMediaUrl(p.shop.slug, ref.key, ref.widths[0]!, ref.format)} alt="" width={ref.width} height={ref.height} style="max-height:120px;width:auto" />
              <label class="check" for={`rm-${f.key}`}>
                <input type="checkbox" id={`rm-${f.key}`} name={`rm_${f.key}`} value="on" />
                <span>{t("theme.removeImage")}</span>
              </label>
            </>
          )}
          <FileField id={`file-${f.key}`} name={`file_${f.key}`} label={ref ? t("theme.replaceImage") : t("theme.chooseImage")} accept="image/*" data={{ "data-shrink": "1280" }} />
          {error && <p class="error" role="alert">{error}</p>}
        </fieldset>
      );
    }
    default:
      return wrap(<input id={id} name={name} value={String(v ?? "")} dir="auto" maxLength={f.max} inputMode="text" autoComplete="off" {...aria} />);
  }
}

export function ThemePage(p: ThemePageProps) {
  const { t, locale } = p.m;
  const base = `/admin/${p.shop.slug}/theme`;
  return (
    <AdminShell {...p} title={t("theme.title")} tab="shop" css={cmsCss} script={photoScript}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("theme.title")}</h1>
      {p.saved && <p class="notice" role="status">{t("theme.saved")}</p>}
      {p.unsaved && <p class="notice" role="status">{t("sections.unsaved")}</p>}
      {p.errors && <p class="alert" role="alert">{err(t, p.errors, "_form") ?? t("common.fixErrors")}</p>}
      <Form action={base} csrf={p.csrf} enctype="multipart/form-data" id="theme-form">
        {/* Enter in a field saves: the form's first submit button (the sections' buttons come later). */}
        <button type="submit" hidden>
          {t("common.save")}
        </button>
        <fieldset class="choices">
          <legend>{t("theme.choose")}</legend>
          {p.themes.map((th) => (
            <label class="choice" key={th.manifest.id} for={`theme-${th.manifest.id}`}>
              <input type="radio" id={`theme-${th.manifest.id}`} name="theme" value={th.manifest.id} checked={th.manifest.id === p.themeId} />
              <span class="swatch" style={`background:linear-gradient(135deg,${th.manifest.swatch[0]} 0 40%,${th.manifest.swatch[1]} 40% 70%,${th.manifest.swatch[2]} 70%)`} aria-hidden="true" />
              <span>
                <strong>{inLocale(th.manifest.name, locale)}</strong>
                <br />
                <span class="muted">{inLocale(th.manifest.description, locale)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="hint muted">{t("theme.switchHint")}</p>
        <h2>{t("theme.settings")}</h2>
        {p.fields.map((f) => (
          <div key={f.key}>
            <input type="hidden" name={`has_${f.key}`} value="1" />
            <SettingInput f={f} p={p} />
          </div>
        ))}
        {p.lists.map((l) => (
          <SectionsEditor key={l.list.key} l={l} p={p} />
        ))}
        {/* Drag to reorder in every list above (once for the page: it finds each list). */}
        <InlineScript script={sectionOrder} />
        <datalist id={PRODUCT_CHOICES}>
          {p.choices.products.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.title}
            </option>
          ))}
        </datalist>
        {p.noProduct && (
          <p class="alert" role="alert">
            {t("sections.noProduct")}
          </p>
        )}
        <div class="grid2">
          <button class="btn ghost" type="submit" formAction={`${base}/preview`} formTarget="_blank">
            {t("theme.preview")}
          </button>
          <button class="btn ghost" type="submit" formAction={`${base}/preview?page=product`} formTarget="_blank">
            {t("sections.previewProduct")}
          </button>
        </div>
        <button class="btn block" type="submit" style="margin-top:8px">
          {t("common.save")}
        </button>
      </Form>
    </AdminShell>
  );
}
