/**
 * The discount form (new and edit): the code or an automatic discount's title, what it gives,
 * what it applies to (a picker with search: the chosen products and collections stay ticked
 * while she searches, because the search is a button of this same form), its conditions and
 * window in Pakistan time, and on the code's own page its link to share.
 */
import type { AdminChrome } from "../admin/chrome";
import { DISCOUNT_KINDS, DISCOUNT_SCOPES } from "../db/schema";
import type { MessageKey } from "../i18n";
import { fieldMessage, type FieldErrors } from "../lib/form";
import { caps } from "../lib/form-fields";
import { ShareCard } from "../share/ShareCard";
import type { ShareText } from "../share/texts";
import { AdminShell } from "../ui/AdminShell";
import { BackLink, Check, FormNotes } from "../ui/bits";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import type { Choice, Picker } from "./discounts";
import { discountsCss } from "./ListPage";
import { DISCOUNT_MODES, discountFormSchema, MAX_TARGETS } from "./schema";

const CAPS = caps(discountFormSchema);

/**
 * Without JavaScript every part shows; where the browser has `:has()`, only the parts of the
 * choices made: the code with "with a code", the percent or the rupees of the kind chosen, the
 * picker of the scope chosen.
 */
const formCss = `${discountsCss}
fieldset{min-width:0}
.when{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px}
.when input{min-width:0;width:100%}
.when .field{margin:0 0 8px}
fieldset .error{color:var(--err);font-weight:600;margin:6px 0}
fieldset.invalid{border-color:var(--err)}
.pick h3{font-size:1rem;margin:12px 0 4px}
form:has(#r-mode-automatic:checked) .for-code,
form:has(#r-kind-amount:checked) .for-percent,form:has(#r-kind-free_delivery:checked) .for-percent,
form:has(#r-kind-percent:checked) .for-amount,form:has(#r-kind-free_delivery:checked) .for-amount,
form:has(#r-scope-order:checked) .pick,
form:has(#r-scope-products:checked) .for-collections,form:has(#r-scope-collections:checked) .for-products{display:none}
`;

export interface FormState {
  values: Record<string, string>;
  product: string[];
  collection: string[];
}

export interface FormPageProps extends AdminChrome {
  id: number | null;
  state: FormState;
  picker: Picker;
  errors?: FieldErrors;
  notice?: string;
  /** Uses counted so far (edit). */
  uses?: number;
  /** The code's link to share (a saved code). */
  share?: ShareText;
}

function Radios(p: { name: string; legend: string; value: string; options: readonly string[]; label: (v: string) => string; error?: string }) {
  return (
    <fieldset class={p.error ? "invalid" : undefined}>
      <legend>{p.legend}</legend>
      <div class="choices">
        {p.options.map((v) => (
          <label class="choice" for={`r-${p.name}-${v}`} key={v}>
            <input type="radio" id={`r-${p.name}-${v}`} name={p.name} value={v} checked={p.value === v} autoComplete="off" />
            <span>{p.label(v)}</span>
          </label>
        ))}
      </div>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
    </fieldset>
  );
}

/** One list of the picker: the chosen ones ticked, then what the search found. */
function PickList(p: { name: "product" | "collection"; heading: string; chosen: Choice[]; found: Choice[]; ticked: Set<string>; error?: string; empty: string; cls: string }) {
  const all = [...p.chosen, ...p.found];
  return (
    <div class={`${p.cls}${p.error ? " invalid" : ""}`}>
      <h3>{p.heading}</h3>
      {p.error && (
        <p class="error" role="alert" id={`${p.name}-error`}>
          {p.error}
        </p>
      )}
      {all.length === 0 && <p class="muted">{p.empty}</p>}
      {all.map((x) => (
        <Check key={x.id} name={p.name} value={String(x.id)} label={x.title} checked={p.ticked.has(String(x.id))} />
      ))}
    </div>
  );
}

export function FormPage(p: FormPageProps) {
  const { m } = p;
  const { t } = m;
  const b = `/admin/${p.shop.slug}/discounts`;
  const v = p.state.values;
  const e = (f: string) => fieldMessage(t, p.errors, f);
  const title = p.id ? t("discounts.edit") : t("discounts.add");
  const ticked = (list: string[]) => new Set(list);
  const off = "off";
  return (
    <AdminShell {...p} title={title} tab="shop" css={formCss}>
      <BackLink m={m} href={b} label={t("discounts.title")} />
      <h1>{title}</h1>
      <FormNotes notice={p.notice} alert={p.errors && t("common.fixErrors")} />
      {p.share && <ShareCard m={m} heading={t("discounts.share.title")} share={p.share} />}
      <Form action={p.id ? `${b}/${p.id}` : b} csrf={p.csrf}>
        {/* The form's default button (Enter in any field): save, not the picker's search below. */}
        <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
        <Radios name="mode" legend={t("discounts.field.mode")} value={v.mode ?? "code"} options={DISCOUNT_MODES} label={(x) => t(`discounts.mode.${x}` as MessageKey)} error={e("mode")} />
        <div class="for-code">
          <Field
            name="code"
            label={t("discounts.field.code")}
            value={v.code}
            error={e("code")}
            hint={t("discounts.field.codeHint")}
            maxLength={CAPS.code}
            inputMode="text"
            autoComplete={off}
            dir="ltr"
            attrs={{ autocapitalize: "characters", spellcheck: false } as never}
          />
        </div>
        <Field name="title" label={t("discounts.field.title")} value={v.title} error={e("title")} hint={t("discounts.field.titleHint")} maxLength={CAPS.title} inputMode="text" autoComplete={off} dir="auto" />

        <Radios name="kind" legend={t("discounts.field.kind")} value={v.kind ?? "percent"} options={DISCOUNT_KINDS} label={(x) => t(`discounts.kind.${x}` as MessageKey)} error={e("kind")} />
        <div class="for-percent">
          <Field name="percent" label={t("discounts.field.percent")} value={v.percent} error={e("percent")} maxLength={CAPS.percent} inputMode="numeric" autoComplete={off} dir="ltr" suffix="%" />
        </div>
        <div class="for-amount">
          <Field name="amount" label={t("discounts.field.amount")} value={v.amount} error={e("amount")} maxLength={CAPS.amount} inputMode="decimal" autoComplete={off} dir="ltr" />
        </div>

        <Radios name="scope" legend={t("discounts.field.scope")} value={v.scope ?? "order"} options={DISCOUNT_SCOPES} label={(x) => t(`discounts.pickScope.${x}` as MessageKey)} error={e("scope")} />
        <fieldset class="pick">
          <legend>{t("discounts.field.scope")}</legend>
          <p class="hint muted">{t("discounts.pick.hint", { max: MAX_TARGETS })}</p>
          <div class="filters">
            <Field name="q" type="search" label={t("discounts.pick.search")} value={v.q} error={e("q")} maxLength={CAPS.q} inputMode="search" autoComplete={off} dir="auto" />
            <button class="btn ghost" type="submit" name="intent" value="search">
              {t("discounts.pick.searchButton")}
            </button>
          </div>
          <PickList
            name="product"
            cls="for-products"
            heading={t("discounts.pick.products")}
            chosen={p.picker.products.chosen}
            found={p.picker.products.found}
            ticked={ticked(p.state.product)}
            error={e("product")}
            empty={t("discounts.pick.none")}
          />
          <PickList
            name="collection"
            cls="for-collections"
            heading={t("discounts.pick.collections")}
            chosen={p.picker.collections.chosen}
            found={p.picker.collections.found}
            ticked={ticked(p.state.collection)}
            error={e("collection")}
            empty={t("discounts.pick.none")}
          />
        </fieldset>

        <fieldset>
          <legend>{t("discounts.field.conditions")}</legend>
          <Field name="minSubtotal" label={t("discounts.field.minSubtotal")} value={v.minSubtotal} error={e("minSubtotal")} hint={t("common.optional")} maxLength={CAPS.minSubtotal} inputMode="decimal" autoComplete={off} dir="ltr" />
          <Field name="minQuantity" label={t("discounts.field.minQuantity")} value={v.minQuantity} error={e("minQuantity")} hint={t("common.optional")} maxLength={CAPS.minQuantity} inputMode="numeric" autoComplete={off} dir="ltr" />
          <Field
            name="maxUses"
            label={t("discounts.field.maxUses")}
            value={v.maxUses}
            error={e("maxUses")}
            hint={p.uses !== undefined ? t("discounts.field.usedSoFar", { uses: p.uses }) : t("discounts.field.maxUsesHint")}
            maxLength={CAPS.maxUses}
            inputMode="numeric"
            autoComplete={off}
            dir="ltr"
          />
          <Check name="oncePerPhone" label={t("discounts.field.oncePerPhone")} checked={v.oncePerPhone === "on"} />
          <Check name="combines" label={t("discounts.field.combines")} checked={v.combines === "on"} />
        </fieldset>

        <fieldset>
          <legend>{t("discounts.field.dates")}</legend>
          <p class="hint muted">{t("discounts.field.datesHint")}</p>
          <div class="when">
            <Field name="startDate" type="date" label={t("discounts.field.startDate")} value={v.startDate} error={e("startDate")} maxLength={CAPS.startDate} inputMode="numeric" autoComplete={off} dir="ltr" />
            <Field name="startTime" type="time" label={t("discounts.field.startTime")} value={v.startTime} error={e("startTime")} maxLength={CAPS.startTime} inputMode="numeric" autoComplete={off} dir="ltr" />
            <Field name="endDate" type="date" label={t("discounts.field.endDate")} value={v.endDate} error={e("endDate")} maxLength={CAPS.endDate} inputMode="numeric" autoComplete={off} dir="ltr" />
            <Field name="endTime" type="time" label={t("discounts.field.endTime")} value={v.endTime} error={e("endTime")} maxLength={CAPS.endTime} inputMode="numeric" autoComplete={off} dir="ltr" />
          </div>
        </fieldset>

        <Check name="active" label={t("discounts.field.active")} checked={v.active === "on"} />
        <button class="btn block" type="submit" name="intent" value="save">
          {t("common.save")}
        </button>
      </Form>
    </AdminShell>
  );
}
