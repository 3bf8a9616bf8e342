/**
 * A sections list in the theme form (the home page's, the product page's below its buy box):
 * each instance (its fields drawn from its type's schema, like the theme's own) with buttons to
 * move it up or down and to remove it, and a type picker to add one. The buttons post the whole
 * form (no script needed); the page comes back with the change and says it is not saved yet.
 * With script, a handle drags a section to its place (src/client/section-order.ts), posting the
 * list's move op the same way.
 */
import { err } from "../ui/bits";
import type { SettingField } from "./fields";
import { LISTS, opValue, type InstanceForm, type ListField, type ListForm } from "./sections";

type Drawn = ThemePageProps["lists"][number];

/** Each list's words: its title, what it shows, and its empty state. */
const WORDS = {
  sections: { title: "sections.title", hint: "sections.hint", none: "sections.none" },
  productSections: { title: "sections.productTitle", hint: "sections.productPageHint", none: "sections.productNone" },
} as const satisfies Record<ListForm["key"], object>;
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

function Instance({ list, form, n, last, p }: { list: ListForm; form: InstanceForm; n: number; last: boolean; p: ThemePageProps }) {
  const { t } = p.m;
  const title = t("sections.numbered", { n: n + 1, type: form.label });
  const hasError = Object.keys(p.errors ?? {}).some((k) => k.startsWith(form.prefix));
  return (
    <li class="sec-item">
      <input type="hidden" name={`${form.prefix}type`} value={form.def.id} />
      <details open={hasError}>
        <summary>{title}</summary>
        {form.fields.map((f) => ("items" in f ? <List key={f.key} f={f} p={p} /> : <Field key={f.key} f={f} p={p} />))}
      </details>
      <div class="row sec-acts">
        {/* Shown by src/client/section-order.ts: drag by it to move the section, a finger on a phone. */}
        <button type="button" class="handle btn small ghost" aria-label={t("photos.drag", { what: title })} hidden>
          ⠿
        </button>
        <button class="btn small ghost" type="submit" name="op" value={opValue(list, "up", n)} disabled={n === 0} aria-label={`${t("sections.up")}: ${title}`}>
          ↑
        </button>
        <button class="btn small ghost" type="submit" name="op" value={opValue(list, "down", n)} disabled={last} aria-label={`${t("sections.down")}: ${title}`}>
          ↓
        </button>
        <button class="btn small ghost danger" type="submit" name="op" value={opValue(list, "remove", n)} aria-label={`${t("sections.remove")}: ${title}`}>
          {t("sections.remove")}
        </button>
      </div>
    </li>
  );
}

export function SectionsEditor({ l, p }: { l: Drawn; p: ThemePageProps }) {
  const { t } = p.m;
  const { list, forms, offered } = l;
  const words = WORDS[list.key];
  const error = err(t, p.errors, list.key);
  // The home list keeps its first names (#sections, #add-type); another list's carry its prefix.
  const home = list === LISTS[0];
  const addId = home ? "add-type" : `${list.prefix}-add-type`;
  return (
    <fieldset id={list.key}>
      <legend>{t(words.title)}</legend>
      <input type="hidden" name={`has_${list.key}`} value="1" />
      <p class="hint muted">{t(words.hint)}</p>
      {forms.length ? (
        <ol class="secs" data-move-op={opValue(list, "move")}>
          {forms.map((form, n) => (
            <Instance key={`${form.index}-${form.def.id}`} list={list} form={form} n={n} last={n === forms.length - 1} p={p} />
          ))}
        </ol>
      ) : (
        <p class="muted">{t(words.none)}</p>
      )}
      <div class={error ? "field invalid" : "field"}>
        <label for={addId}>{t("sections.addType")}</label>
        <div class="row">
          <select id={addId} name={list.addName} aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${addId}-error` : undefined}>
            {offered.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
          <button class="btn small" type="submit" name="op" value={opValue(list, "add")}>
            {t("sections.add")}
          </button>
        </div>
        {error && (
          <p class="error" id={`${addId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
