/**
 * The home page's sections in the theme form: each instance (its fields drawn from its type's
 * schema, like the theme's own) with buttons to move it up or down and to remove it, and a
 * type picker to add one. The buttons post the whole form (no script needed); the page comes
 * back with the change and says it is not saved yet. With script, a handle drags a section to
 * its place (src/client/section-order.ts), posting the same way.
 */
import sectionOrder from "../client/section-order.gen";
import { InlineScript } from "../lib/csp";
import { err } from "../ui/bits";
import type { SettingField } from "./fields";
import type { InstanceForm, ListField } from "./sections";
import { SettingInput, type ThemePageProps } from "./ThemePage";

const HINTS = { collection: "sections.collectionHint", product: "sections.productHint" } as const;

function Field({ f, p }: { f: SettingField; p: ThemePageProps }) {
  const hint = f.meta.input === "collection" || f.meta.input === "product" ? HINTS[f.meta.input] : null;
  return (
    <>
      <SettingInput f={f} p={p} />
      {hint && <p class="hint muted">{p.m.t(hint)}</p>}
    </>
  );
}

function List({ f, p }: { f: ListField; p: ThemePageProps }) {
  const { t } = p.m;
  const error = err(t, p.errors, f.key);
  return (
    <fieldset>
      <legend>{f.label}</legend>
      <p class="hint muted">{t("sections.addItem")}</p>
      {f.items.map((row, j) => (
        <fieldset key={j}>
          <legend>{t("sections.item", { n: j + 1 })}</legend>
          {row.map((x) => (
            <Field key={x.key} f={x} p={p} />
          ))}
        </fieldset>
      ))}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Instance({ form, n, last, p }: { form: InstanceForm; n: number; last: boolean; p: ThemePageProps }) {
  const { t } = p.m;
  const title = t("sections.numbered", { n: n + 1, type: form.label });
  const hasError = Object.keys(p.errors ?? {}).some((k) => k.startsWith(`sec${form.index}_`));
  return (
    <li class="sec-item">
      <input type="hidden" name={`sec${form.index}_type`} value={form.def.id} />
      <details open={hasError}>
        <summary>{title}</summary>
        {form.fields.map((f) => ("items" in f ? <List key={f.key} f={f} p={p} /> : <Field key={f.key} f={f} p={p} />))}
      </details>
      <div class="row sec-acts">
        {/* Shown by src/client/section-order.ts: drag by it to move the section, a finger on a phone. */}
        <button type="button" class="handle btn small ghost" aria-label={t("photos.drag", { what: title })} hidden>
          ⠿
        </button>
        <button class="btn small ghost" type="submit" name="op" value={`up:${n}`} disabled={n === 0} aria-label={`${t("sections.up")}: ${title}`}>
          ↑
        </button>
        <button class="btn small ghost" type="submit" name="op" value={`down:${n}`} disabled={last} aria-label={`${t("sections.down")}: ${title}`}>
          ↓
        </button>
        <button class="btn small ghost danger" type="submit" name="op" value={`remove:${n}`} aria-label={`${t("sections.remove")}: ${title}`}>
          {t("sections.remove")}
        </button>
      </div>
    </li>
  );
}

export function SectionsEditor({ p }: { p: ThemePageProps }) {
  const { t } = p.m;
  const { forms, offered } = p.sections;
  const error = err(t, p.errors, "sections");
  return (
    <fieldset id="sections">
      <legend>{t("sections.title")}</legend>
      <input type="hidden" name="has_sections" value="1" />
      <p class="hint muted">{t("sections.hint")}</p>
      {forms.length ? (
        <ol class="secs" data-move-op="move">
          {forms.map((form, n) => (
            <Instance key={`${form.index}-${form.def.id}`} form={form} n={n} last={n === forms.length - 1} p={p} />
          ))}
        </ol>
      ) : (
        <p class="muted">{t("sections.none")}</p>
      )}
      <div class={error ? "field invalid" : "field"}>
        <label for="add-type">{t("sections.addType")}</label>
        <div class="row">
          <select id="add-type" name="add_type" aria-invalid={error ? "true" : undefined} aria-describedby={error ? "add-type-error" : undefined}>
            {offered.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
          <button class="btn small" type="submit" name="op" value="add">
            {t("sections.add")}
          </button>
        </div>
        {error && (
          <p class="error" id="add-type-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <InlineScript script={sectionOrder} />
    </fieldset>
  );
}
