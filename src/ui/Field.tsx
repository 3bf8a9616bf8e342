/** The admin's form building blocks: a labelled field with its hint and its error beside it (the rest of ui/: shell, document, forms, styles). */
import type { JSX } from "preact";

export interface FieldProps {
  name: string;
  /** The input's id (default `f-{name}`): needed when a page holds several forms with the same fields. */
  id?: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  type?: "text" | "email" | "tel" | "password" | "number" | "url" | "search" | "color" | "date" | "time";
  inputMode?: "text" | "tel" | "email" | "numeric" | "decimal" | "url" | "search";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  /** Text shown after the input, e.g. ".hatti.pk". */
  suffix?: string;
  dir?: "ltr" | "rtl" | "auto";
  attrs?: JSX.HTMLAttributes<HTMLInputElement>;
}

/** The ids a field's hint and error carry, for its aria-describedby. */
export const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** A phone number written in running text ("like 0300 1234567"). */
const PHONE_IN_TEXT = /(\+?\d[\d -]{8,}\d)/;

/**
 * Running text with its phone numbers as left-to-right islands: in Urdu the bidi algorithm
 * would otherwise draw "0300 1234567" as "1234567 0300".
 */
function Isolated({ text }: { text: string }) {
  return <>{text.split(PHONE_IN_TEXT).map((part, i) => (i % 2 ? <bdi dir="ltr">{part}</bdi> : part))}</>;
}

/** A field's hint and its error, under the input the ids point from. */
export function FieldNotes(p: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          <Isolated text={p.hint} />
        </p>
      )}
      {p.error && (
        <p class="error" id={`${p.id}-error`} role="alert">
          <Isolated text={p.error} />
        </p>
      )}
    </>
  );
}

/**
 * A file picker in the page's language: the browser's own button says "Choose files" in the
 * browser's language, so the input is visually hidden (still focusable, its focus ring drawn on
 * the label) and its label is the 48 px button. The chosen files' names are written beside it
 * where JavaScript runs (src/client/photo-upload.ts); a required picker shows a tick without.
 */
export function FileField(p: { id: string; name: string; label: string; accept: string; hint?: string; error?: string; multiple?: boolean; required?: boolean; data?: Record<`data-${string}`, string> }) {
  return (
    <div class={p.error ? "field file invalid" : "field file"}>
      <input
        class="file-input"
        id={p.id}
        type="file"
        name={p.name}
        accept={p.accept}
        multiple={p.multiple}
        required={p.required}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        {...p.data}
      />
      <label class="btn ghost" for={p.id}>
        {p.label}
      </label>
      <span class="file-names" data-file-names={p.id} />
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

/** The phone's keyboard for an input's type, when the field names none. */
const KEYBOARD: Record<NonNullable<FieldProps["type"]>, FieldProps["inputMode"]> = {
  text: "text",
  email: "email",
  tel: "tel",
  password: "text",
  number: "decimal",
  url: "url",
  search: "search",
  color: undefined,
  date: undefined,
  time: undefined,
};

/**
 * A labelled input with its hint and its error right beside it. Every field says which keyboard
 * the phone opens and what the browser may fill in: a field that names neither gets its type's
 * keyboard and no autofill (a product's title is nothing a browser remembers).
 */
export function Field(p: FieldProps) {
  const id = p.id ?? `f-${p.name}`;
  const input = (
    <input
      id={id}
      name={p.name}
      type={p.type ?? "text"}
      value={p.value ?? ""}
      inputMode={p.inputMode ?? KEYBOARD[p.type ?? "text"]}
      autoComplete={p.autoComplete ?? "off"}
      required={p.required}
      maxLength={p.maxLength}
      dir={p.dir}
      aria-invalid={p.error ? "true" : undefined}
      aria-describedby={describedBy(id, p.hint, p.error)}
      {...p.attrs}
    />
  );
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={id}>{p.label}</label>
      {p.suffix ? (
        <div class="addon">
          {input}
          <span>{p.suffix}</span>
        </div>
      ) : (
        input
      )}
      <FieldNotes id={id} hint={p.hint} error={p.error} />
    </div>
  );
}
