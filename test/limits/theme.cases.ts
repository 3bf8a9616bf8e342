/** The theme form of every theme: its settings' text fields and the form's own parts. */
import { settingFields, themeFormSchema } from "../../src/theme-editor/fields";
import { flatFields, instanceForms, LISTS, sectionsFormShape } from "../../src/theme-editor/sections";
import type { SectionInstance } from "../../src/storefront/section";
import { sectionListOf } from "../../src/storefront/theme-settings";
import { THEMES } from "../../themes";
import { ROOT, sellerWithShop } from "../helpers";
import type { Body, FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof sellerWithShop>>;
const ids = THEMES.map((t) => t.manifest.id);

export const themeCases: FormCase<Ctx>[] = THEMES.map((theme) => {
  // The theme's own fields, and those of its default sections (each instance's settings are fields
  // too; the product page's list is empty by default).
  const lists = LISTS.map((list) => ({ list, ...sectionListOf(theme.settings, list.key) }));
  const [home, product] = lists as [(typeof lists)[number], (typeof lists)[number]];
  const defaults = (theme.settings.parse({}) as { sections: SectionInstance[] }).sections;
  const fields = [...settingFields(theme, "en").filter((f) => f.meta.input !== "sections"), ...flatFields(instanceForms(home.list, home.defs, defaults, "en", (n, max) => Math.min(max, n + 1)))];
  const kinds = new Map(fields.map((f) => [`s_${f.key}`, f.meta.input]));
  const types = Object.fromEntries(defaults.map((d, i) => [`sec${i}_type`, d.type]));
  return {
    route: "POST /_p/admin/:shop/theme",
    name: theme.manifest.id,
    schema: themeFormSchema(fields, ids, sectionsFormShape(lists)),
    setup: () => sellerWithShop({ theme: theme.manifest.id }),
    page: (s) => `${ROOT}/admin/${s.slug}/theme`,
    action: (s) => `${ROOT}/admin/${s.slug}/theme`,
    valid: () => ({ theme: theme.manifest.id }),
    post: (s, url, body: Body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    // A field is read only with its has_ flag (the page shows which fields it drew).
    // A section's setting is read with the list's types (its other settings then keep their defaults).
    companions: (field) => (field.startsWith("s_sec") ? { has_sections: "1", ...types } : field.startsWith("s_") ? { [`has_${field.slice(2)}`]: "1" } : {}),
    // A number setting at its widest: nine digits.
    // A link at its widest: a path of the shop; a collection's or product's web name: letters.
    values: Object.fromEntries(
      [...kinds].flatMap(([name, k]) =>
        k === "number" ? [[name, (n: number) => `${"0".repeat(n - 1)}3`]] : k === "link" ? [[name, (n: number) => `/${"a".repeat(n - 1)}`]] : k === "collection" || k === "product" ? [[name, (n: number) => "a".repeat(n)]] : [],
      ),
    ),
    // Picked, not typed: colours (a colour picker), photo references and section positions.
    notTyped: [...kinds].filter(([, k]) => k === "colour" || k === "image").map(([name]) => name),
    // "Remove" shows only once a photo is there.
    // and the types of instances past the default list (one past the cap is read, to be refused).
    notShown: fields
      .filter((f) => f.meta.input === "image")
      .map((f) => `rm_${f.key}`)
      .concat(Array.from({ length: home.max + 1 - defaults.length }, (_, i) => `sec${defaults.length + i}_type`))
      .concat(Array.from({ length: product.max + 1 }, (_, i) => `psec${i}_type`)),
  } satisfies FormCase<Ctx> & { name: string };
});
