/** The theme form's sections as the page posts them (./src/theme-editor/sections.ts), for route tests. */
import type { SectionInstance } from "../src/storefront/section";
import type { Theme } from "../src/storefront/theme";
import { sectionDefsOf } from "../src/storefront/theme-settings";
import { instanceForms, instanceValues, LISTS, type ListForm } from "../src/theme-editor/sections";

const drawn = (theme: Theme, sections: SectionInstance[], list: ListForm) => instanceForms(list, sectionDefsOf(theme.settings, list.key), sections, "en", (n, max) => Math.min(max, n + 1));

/** Form fields of `sections` in `theme` (the home list unless `list` says otherwise), each setting as the page draws it (an unticked box left out). */
export function sectionsBody(theme: Theme, sections: SectionInstance[], list: ListForm = LISTS[0]!): Record<string, string> {
  const out: Record<string, string> = { [`has_${list.key}`]: "1" };
  for (const [k, v] of Object.entries(instanceValues(drawn(theme, sections, list), sections))) {
    if (/^p?sec\d+_type$/.test(k)) out[k] = String(v);
    else if (v !== "") out[`s_${k}`] = String(v);
  }
  return out;
}

/** The sections' fields the page draws for `sections`, by form name (`s_sec<i>_<key>`), with their kind. */
export function sectionFieldKinds(theme: Theme, sections: SectionInstance[]): [string, string][] {
  const forms = drawn(theme, sections, LISTS[0]!);
  return forms.flatMap((f) => f.fields.flatMap((x) => ("items" in x ? x.items.flat() : [x]))).map((f) => [`s_${f.key}`, f.meta.input]);
}

/**
 * A theme form as the page would post it: the common settings of every theme (`over` replaces
 * any), each with its `has_` flag, the home page's `sections`, and the product page's when given
 * (else its list is not posted, and keeps what is stored).
 */
export function themeForm(theme: Theme, over: Record<string, string>, sections: SectionInstance[], productSections?: SectionInstance[]): FormData {
  const own: Record<string, string> = { s_background: "#fffaf5", s_text: "#1c1917", s_primary: "#7c2d12", s_primaryText: "#ffffff", s_font: "serif", s_announcement: "", s_productsPerRow: "4", s_logo: "" };
  const fd = new FormData();
  fd.append("theme", theme.manifest.id);
  for (const k of Object.keys(own)) fd.append(`has_${k.slice(2)}`, "1");
  const product = productSections ? sectionsBody(theme, productSections, LISTS[1]) : {};
  for (const [k, val] of Object.entries({ ...own, ...sectionsBody(theme, sections), ...product, ...over })) fd.append(k, val);
  return fd;
}
