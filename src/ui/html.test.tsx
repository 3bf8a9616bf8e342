/** `html` writes exactly what Preact would for the same text and attributes (src/ui/html.ts). */
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { forgetKeptHtml, html, KeptFragments, MAX_FRAGMENTS, MAX_PARTS, once, onceFor, raw } from "./html";
import { Check, checkHtml } from "./bits";

const TEXTS = [
  "Handmade embroidered chiffon kurta with dupatta for weddings",
  "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے",
  `<script>alert("x")</script> & 'Sons' > all`,
  "&amp; already escaped, \u0001 control, emoji 🧵",
  "",
];

describe("html", () => {
  it("escapes text and attribute values as preact-render-to-string does", () => {
    for (const text of TEXTS) {
      // (An attribute Preact is given "" it writes bare, `class`; html writes what its template says.)
      if (text) expect(html`<span class="${text}">${text}</span>`.markup).toBe(renderToString(<span class={text}>{text}</span>));
      expect(html`<span>${text}</span>`.markup).toBe(renderToString(<span>{text}</span>));
      expect(renderToString(<p>{raw(html`<b>${text}</b>`)}</p>)).toBe(renderToString(<p><b>{text}</b></p>));
    }
  });

  it("writes numbers, lists and nested markup, and nothing for null, undefined and false, as JSX does", () => {
    const parts = [html`<i>${1}</i>`, html`<i>${"a&b"}</i>`];
    expect(html`<p>#${1001}${null}${undefined}${false}${parts}${html`<br/>`}</p>`.markup).toBe(
      renderToString(<p>#{1001}{null}{undefined}{false}{[<i>{1}</i>, <i>{"a&b"}</i>]}<br /></p>),
    );
  });

  it("renders a part once and puts it back as it was", () => {
    const svg = (
      <svg viewBox="0 0 24 24" stroke-width="2" aria-hidden="true">
        <path d="M3 11l9-8 9 8" />
      </svg>
    );
    const part = once(svg);
    expect(renderToString(<a href="/x">{part}Home</a>)).toBe(renderToString(<a href="/x">{svg}Home</a>));
    expect(renderToString(<a href="/x">{part}Home</a>)).toBe(renderToString(<a href="/x">{svg}Home</a>));
  });

  it("renders a part once per key, and again for another key", () => {
    let built = 0;
    const part = (lang: string) => onceFor(`test-part:${lang}`, () => (built++, <b lang={lang}>{lang === "ur" ? "اردو" : "English"}</b>));
    expect(renderToString(<p>{part("en")}</p>)).toBe(renderToString(<p><b lang="en">English</b></p>));
    expect(renderToString(<p>{part("en")}</p>)).toBe(renderToString(<p><b lang="en">English</b></p>));
    expect(renderToString(<p>{part("ur")}</p>)).toBe(renderToString(<p><b lang="ur">اردو</b></p>));
    expect(built).toBe(2);
    // The cap and one past it: the oldest part is rendered again, to the same markup.
    for (let i = 0; i < MAX_PARTS; i++) onceFor(`test-filler:${i}`, () => <i>{i}</i>);
    expect(renderToString(<p>{part("ur")}</p>)).toBe(renderToString(<p><b lang="ur">اردو</b></p>));
    expect(built).toBe(3);
  });

  it("keeps a record's fragment while what it is made of is the same, up to its cap", () => {
    const kept = new KeptFragments<number>();
    let built = 0;
    const row = (id: number, name: string, lang = "en") => kept.get(id, [lang, id, name], () => (built++, html`<li lang="${lang}">#${id} ${name}</li>`)).markup;
    expect(row(1, "عائشہ")).toBe('<li lang="en">#1 عائشہ</li>');
    expect(row(1, "عائشہ")).toBe('<li lang="en">#1 عائشہ</li>');
    expect(built).toBe(1);
    // Any of what it is made of changed: written again (and kept in its place).
    expect(row(1, "Ayesha")).toBe('<li lang="en">#1 Ayesha</li>');
    expect(row(1, "Ayesha", "ur")).toBe('<li lang="ur">#1 Ayesha</li>');
    expect(built).toBe(3);
    expect(kept.size).toBe(1);
    // The cap and one past it: the oldest goes, and is written again when asked for.
    for (let id = 2; id <= MAX_FRAGMENTS; id++) row(id, "x");
    expect(kept.size).toBe(MAX_FRAGMENTS);
    built = 0;
    row(MAX_FRAGMENTS + 1, "x");
    expect(kept.size).toBe(MAX_FRAGMENTS);
    expect(row(1, "Ayesha", "ur")).toBe('<li lang="ur">#1 Ayesha</li>');
    expect(built).toBe(2);
    // A cold isolate has none.
    forgetKeptHtml();
    expect(kept.size).toBe(0);
  });

  it("writes a checkbox as Check does", () => {
    for (const label of TEXTS) {
      for (const checked of [false, true]) {
        const p = { name: "order", value: "42", label, checked };
        expect(checkHtml(p).markup).toBe(renderToString(<Check {...p} />));
      }
    }
    expect(checkHtml({ name: "a&b", label: "x", checked: true }).markup).toBe(renderToString(<Check name="a&b" label="x" checked />));
  });
});
