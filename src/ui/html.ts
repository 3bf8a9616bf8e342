/**
 * Markup written as a string, for the parts of a page rendered many times on every request (a
 * list's rows): preact-render-to-string spends some microseconds on every vnode (its component
 * objects, attribute checks, the garbage they leave), so thirty orders of twenty vnodes each were
 * most of the orders list's rendering. `html` escapes every value it is given exactly as
 * preact-render-to-string does (" & < in text and attributes), so the markup is the same; `raw`
 * puts it into a Preact tree as it is (render-to-string's form for precompiled JSX: a Fragment
 * with `tpl`). Server-rendered pages only: a browser island never sees it. A part that never
 * changes is rendered by Preact once (`once`) and reused as markup, and a part that depends on a
 * record is kept with everything it is made of (`KeptFragments`: a list's rows).
 */
import { Fragment, h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Markup made by `html`: values in it are already escaped. */
export class Html {
  constructor(readonly markup: string) {}
}

type Value = string | number | Html | readonly Html[] | null | undefined | false;

const ENTITY = /["&<]/;
const ENTITIES = /["&<]/g;
const entity = (ch: string) => (ch === '"' ? "&quot;" : ch === "&" ? "&amp;" : "&lt;");
const escape = (s: string) => (ENTITY.test(s) ? s.replace(ENTITIES, entity) : s);

/**
 * Markup with its values escaped (strings, numbers), or put in as they are (Html); null, undefined
 * and false are nothing, as in JSX. An attribute is written as the template says (`class=""` where
 * Preact would write a bare `class` for an empty value).
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Html) out += v.markup;
    else if (Array.isArray(v)) for (const part of v as readonly Html[]) out += part.markup;
    else if (typeof v === "string") out += escape(v);
    else if (typeof v === "number") out += String(v);
    out += strings[i + 1]!;
  }
  return new Html(out);
}

/** `html`'s markup as a node of a Preact tree, rendered as it is. */
export const raw = (markup: Html): VNode => h(Fragment, { tpl: [markup.markup] } as object);

/** A part of a page that never changes (icons, the head's links), rendered once by Preact and reused as it is: no inline script in it (its hash would not reach the page's CSP). */
export const once = (node: VNode): VNode => raw(new Html(renderToString(node)));

/** Parts rendered by onceFor, by key (at most MAX_PARTS: the oldest go first). */
const parts = new Map<string, VNode>();
export const MAX_PARTS = 500;

/**
 * A part that depends on a few values only (a language, a shop's path), rendered by Preact once
 * per `key` in the isolate and reused as it is: `key` names everything `build` reads, and no
 * inline script is in it (as `once`).
 */
export function onceFor(key: string, build: () => VNode): VNode {
  let part = parts.get(key);
  if (!part) {
    part = once(build());
    if (parts.size >= MAX_PARTS) parts.delete(parts.keys().next().value!);
    parts.set(key, part);
  }
  return part;
}

/** Every KeptFragments made, for forgetKeptHtml. */
const allKept: KeptFragments<unknown>[] = [];

/** At most this many fragments in each KeptFragments (the oldest go first). */
export const MAX_FRAGMENTS = 2_000;

/**
 * Markup that depends on a record (a list's row), kept in the isolate by the record's id and
 * written again only when something it is made of changed: a seller going back to her list gets
 * the rows she saw a moment ago without their markup being written again. `deps` is everything
 * `build` reads (the record's values as read, her language, what the clock makes of it), compared
 * one by one with what the kept markup was made of.
 */
export class KeptFragments<K> {
  private readonly kept = new Map<K, { deps: readonly unknown[]; html: Html }>();

  constructor() {
    allKept.push(this as KeptFragments<unknown>);
  }

  get(id: K, deps: readonly unknown[], build: () => Html): Html {
    const e = this.kept.get(id);
    if (e && e.deps.length === deps.length && e.deps.every((d, i) => Object.is(d, deps[i]))) return e.html;
    const html = build();
    if (e) this.kept.delete(id);
    else if (this.kept.size >= MAX_FRAGMENTS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(id, { deps, html });
    return html;
  }

  get size(): number {
    return this.kept.size;
  }

  clear(): void {
    this.kept.clear();
  }
}

/** A cold isolate (src/storefront/page-cache.ts forgetIsolateCaches) has none. */
export function forgetKeptHtml(): void {
  for (const k of allKept) k.clear();
}
