/** The theme form of every theme: its settings' text fields and the form's own parts. */
import { settingFields, themeFormSchema } from "../../src/theme-editor/fields";
import { THEMES } from "../../themes";
import { ROOT, sellerWithShop } from "../helpers";
import type { Body, FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof sellerWithShop>>;
const ids = THEMES.map((t) => t.manifest.id);

export const themeCases: FormCase<Ctx>[] = THEMES.map((theme) => {
  const fields = settingFields(theme, "en");
  const kinds = new Map(fields.map((f) => [`s_${f.key}`, f.meta.input]));
  return {
    route: "POST /_p/admin/:shop/theme",
    name: theme.manifest.id,
    schema: themeFormSchema(fields, ids),
    setup: () => sellerWithShop({ theme: theme.manifest.id }),
    page: (s) => `${ROOT}/admin/${s.slug}/theme`,
    action: (s) => `${ROOT}/admin/${s.slug}/theme`,
    valid: () => ({ theme: theme.manifest.id }),
    post: (s, url, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    // A field is read only with its has_ flag (the page shows which fields it drew).
    companions: (field) => (field.startsWith("s_") ? { [`has_${field.slice(2)}`]: "1" } : {}),
    // A number setting at its widest: nine digits.
    values: Object.fromEntries([...kinds].filter(([, k]) => k === "number").map(([name]) => [name, (n: number) => `${"0".repeat(n - 1)}3`])),
    // Picked, not typed: colours (a colour picker), photo references and section positions.
    notTyped: [...kinds].filter(([, k]) => k === "colour" || k === "image").map(([name]) => name).concat(fields.flatMap((f) => f.options.map(([o]) => `pos_${f.key}_${o}`))),
    // "Remove" shows only once a photo is there.
    notShown: fields.filter((f) => f.meta.input === "image").map((f) => `rm_${f.key}`),
  } satisfies FormCase<Ctx> & { name: string };
});
