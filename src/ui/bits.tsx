/** Small building blocks of the catalogue and settings pages. */
import type { ComponentChildren } from "preact";
import { dateAndTime, type Locale, type Messages, type MessageKey, type TFunction } from "../i18n";
import { fieldMessage } from "../lib/form";
import { describedBy, FieldNotes } from "./Field";
import { Form } from "./Form";
import { Html, html, raw } from "./html";

export const err = fieldMessage;

/** A one-button POST form (move, delete, duplicate...): works without JavaScript. */
export function ActionButton(p: { action: string; csrf: string; label: string; name?: string; value?: string; danger?: boolean; ghost?: boolean; aria?: string; data?: Record<`data-${string}`, string> }) {
  return (
    <Form action={p.action} csrf={p.csrf} class="inline">
      <button class={`btn small${p.ghost !== false ? " ghost" : ""}${p.danger ? " danger" : ""}`} type="submit" name={p.name} value={p.value} aria-label={p.aria} {...p.data}>
        {p.label}
      </button>
    </Form>
  );
}

/**
 * A date and time; the time is a left-to-right island, so Urdu shows "8:20 PM", not "PM 8:20".
 * Written as a string (src/ui/html.ts): a list's rows put it in their own markup.
 */
export function whenHtml(ms: number, locale: Locale): Html {
  const { date, time } = dateAndTime(ms, locale);
  return html`<time datetime="${new Date(ms).toISOString()}">${date}<bdi dir="ltr">${time}</bdi></time>`;
}

export function When(p: { ms: number; locale: Locale }) {
  return raw(whenHtml(p.ms, p.locale));
}

/** Where a message's `{slot}` is filled with markup (a date with its time, a phone number): pass SLOT as its value. */
export const SLOT = "\u0001";
export function Filled(p: { text: string; children: ComponentChildren }) {
  const [before, after] = p.text.split(SLOT);
  return (
    <>
      {before}
      {p.children}
      {after}
    </>
  );
}

/** The arrow that points back the way the page reads: left in English, right in Urdu. */
export const backArrow = (dir: Messages["dir"]) => (dir === "rtl" ? "→" : "←");

/** "← Products": the way back to the page above, a 48 px tap target. */
export function BackLink(p: { m: Messages; href: string; label: string }) {
  return (
    <p class="back">
      <a class="tap" href={p.href}>
        <span aria-hidden="true">{backArrow(p.m.dir)}</span> {p.label}
      </a>
    </p>
  );
}

/** Above a form: what was done ("Saved."), and what must be fixed when a post was refused. */
export function FormNotes(p: { notice?: string; alert?: string }) {
  return (
    <>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.alert && (
        <p class="alert" role="alert">
          {p.alert}
        </p>
      )}
    </>
  );
}

export function MoveButtons(p: { action: string; csrf: string; t: TFunction; what: string }) {
  return (
    <>
      <ActionButton action={p.action} csrf={p.csrf} name="dir" value="up" label="↑" aria={p.t("cms.moveUp", { what: p.what })} />
      <ActionButton action={p.action} csrf={p.csrf} name="dir" value="down" label="↓" aria={p.t("cms.moveDown", { what: p.what })} />
    </>
  );
}

/** Check's markup as a string (a list's checkbox a row: src/ui/html.ts), the same markup. */
export function checkHtml(p: { name: string; label: string; checked: boolean; value?: string; id?: string }): Html {
  const value = p.value ?? "on";
  const id = p.id ?? `c-${p.name}-${value}`;
  return html`<label class="check" for="${id}"><input type="checkbox" id="${id}" name="${p.name}" value="${value}"${p.checked ? CHECKED : null}/><span>${p.label}</span></label>`;
}
const CHECKED = new Html(" checked");

export function Check(p: { name: string; label: string; checked: boolean; value?: string; id?: string }) {
  const id = p.id ?? `c-${p.name}-${p.value ?? "on"}`;
  return (
    <label class="check" for={id}>
      <input type="checkbox" id={id} name={p.name} value={p.value ?? "on"} checked={p.checked} />
      <span>{p.label}</span>
    </label>
  );
}


export function TextArea(p: { name: string; label: string; value: string; error?: string; rows?: number; maxLength?: number; hint?: string }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={id}>{p.label}</label>
      <textarea id={id} name={p.name} rows={p.rows ?? 6} maxLength={p.maxLength} dir="auto" autoComplete="off" aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, p.hint, p.error)}>
        {p.value}
      </textarea>
      <FieldNotes id={id} hint={p.hint} error={p.error} />
    </div>
  );
}

export function Select(p: { name: string; label: string; value: string; options: [string, string][]; error?: string }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, undefined, p.error)}>
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === p.value} key={v}>
            {l}
          </option>
        ))}
      </select>
      {p.error && (
        <p class="error" id={`${id}-error`} role="alert">
          {p.error}
        </p>
      )}
    </div>
  );
}
