/**
 * HTML checks for storefront tests, done with workerd's HTMLRewriter (a real HTML parser):
 * headings, images, form controls and their labels, scripts and stylesheets, and gzip size.
 */
export interface Audit {
  h1: number;
  imgs: Record<string, string | null>[];
  /** ids of visible form controls (input except hidden/submit, select, textarea) and whether each has an id. */
  controls: { tag: string; id: string | null; name: string | null }[];
  labelFors: string[];
  inlineJs: string[];
  externalScripts: string[];
  stylesheets: string[];
  jsonLd: string[];
  meta: Record<string, string>;
  htmlAttrs: { lang: string | null; dir: string | null };
  links: string[];
}

const IMG_ATTRS = ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"];

export async function audit(html: string): Promise<Audit> {
  const a: Audit = { h1: 0, imgs: [], controls: [], labelFors: [], inlineJs: [], externalScripts: [], stylesheets: [], jsonLd: [], meta: {}, htmlAttrs: { lang: null, dir: null }, links: [] };
  let script: { type: string | null; text: string } | null = null;
  await new HTMLRewriter()
    .on("html", { element: (e) => void (a.htmlAttrs = { lang: e.getAttribute("lang"), dir: e.getAttribute("dir") }) })
    .on("h1", { element: () => void a.h1++ })
    .on("img", { element: (e) => void a.imgs.push(Object.fromEntries(IMG_ATTRS.map((k) => [k, e.getAttribute(k)]))) })
    .on("input, select, textarea", {
      element: (e) => {
        const type = e.getAttribute("type");
        if (e.tagName === "input" && (type === "hidden" || type === "submit")) return;
        a.controls.push({ tag: e.tagName, id: e.getAttribute("id"), name: e.getAttribute("name") });
      },
    })
    .on("label", { element: (e) => void a.labelFors.push(e.getAttribute("for") ?? "") })
    .on("a", { element: (e) => void a.links.push(e.getAttribute("href") ?? "") })
    .on("link[rel=stylesheet]", { element: (e) => void a.stylesheets.push(e.getAttribute("href") ?? "") })
    .on("meta", {
      element: (e) => {
        const k = e.getAttribute("property") ?? e.getAttribute("name");
        if (k) a.meta[k] = e.getAttribute("content") ?? "";
      },
    })
    .on("script", {
      element: (e) => {
        const src = e.getAttribute("src");
        if (src) a.externalScripts.push(src);
        script = { type: e.getAttribute("type"), text: "" };
        e.onEndTag(() => {
          const s = script!;
          if (s.type === "application/ld+json") a.jsonLd.push(s.text);
          else if (!src && (!s.type || s.type === "text/javascript" || s.type === "module")) a.inlineJs.push(s.text);
          script = null;
        });
      },
      text: (t) => {
        if (script) script.text += t.text;
      },
    })
    .transform(new Response(html))
    .text();
  return a;
}

export async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
