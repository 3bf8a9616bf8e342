export interface CoFieldProps {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  type?: "text" | "tel" | "email";
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email";
  maxLength?: number;
  required?: boolean;
  dir?: "ltr" | "auto";
}

/** A labelled storefront input with its hint and error beside it (styled by the theme's variables). */
export function CoField(p: CoFieldProps) {
  const id = `co-${p.name}`;
  const described = [p.hint ? `${id}-hint` : "", p.error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: p.name,
    autoComplete: p.autoComplete,
    maxLength: p.maxLength,
    required: p.required,
    dir: p.dir,
    "aria-invalid": p.error ? ("true" as const) : undefined,
    "aria-describedby": described,
  };
  return (
    <div class={p.error ? "co-field bad" : "co-field"}>
      <label for={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} value={p.value ?? ""} />
      ) : (
        <input {...common} type={p.type ?? "text"} inputMode={p.inputMode} value={p.value ?? ""} />
      )}
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="err" id={`${id}-err`} role="alert">
          {p.error}
        </p>
      )}
    </div>
  );
}
