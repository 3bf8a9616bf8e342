// docs/architecture.md is checked against the code (node --test; a phase of npm test):
// - the map lists every folder of src/ and themes/, and nothing else; each folder's front file
//   exists and opens with a comment saying what the folder owns;
// - each recipe's files exist and number what the recipe says (a folder counts as its files);
//   and no file of src/ or themes/ outside the recipe (and its optional lines) names the
//   recipe's example: a newcomer following it misses no place.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

const root = path.resolve(import.meta.dirname, "..");
const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");

/** Every file below a folder (relative to the repository), recursively. */
function filesUnder(rel) {
  const abs = path.join(root, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).flatMap((name) => filesUnder(path.posix.join(rel, name)));
}
function foldersUnder(rel) {
  return readdirSync(path.join(root, rel))
    .filter((name) => statSync(path.join(root, rel, name)).isDirectory())
    .flatMap((name) => {
      const sub = `${rel}${name}/`;
      return [sub, ...foldersUnder(sub)];
    });
}

/** The map: rows "| `folder` | owns | `front file` |". */
export function parseMap(text) {
  const section = text.slice(text.indexOf("## The map"), text.indexOf("## Recipes"));
  return [...section.matchAll(/^\| `([^`]+)` \| (.+?) \| `([^`]+)` \|$/gm)].map((m) => ({ folder: m[1], owns: m[2], front: m[3] }));
}

/** The recipes: "### Title", "Marker: `re`.", "Files (N):" and bullets, "Optional" and bullets. */
export function parseRecipes(text) {
  const section = text.slice(text.indexOf("## Recipes"));
  return section
    .split(/^### /m)
    .slice(1)
    .map((block) => {
      const title = block.split("\n")[0].trim();
      const marker = block.match(/Marker:\s+`([^`]+)`/)?.[1];
      const count = Number(block.match(/^Files \((\d+)\):$/m)?.[1]);
      const bullets = (part) => [...(part ?? "").matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
      const [required, optional] = block.split(/^Optional.*$/m);
      return { title, marker, count, files: bullets(required), optional: bullets(optional) };
    });
}

/** A row for `a/<id>/` stands for every folder directly under `a/` (the payment methods: one folder each, no row each). */
const expand = (rows) =>
  rows.flatMap((r) => {
    if (!r.folder.endsWith("/<id>/")) return [r];
    const parent = r.folder.slice(0, -"<id>/".length);
    return readdirSync(path.join(root, parent))
      .filter((name) => statSync(path.join(root, parent, name)).isDirectory())
      .map((name) => ({ ...r, folder: `${parent}${name}/` }));
  });
const map = expand(parseMap(doc));
const recipes = parseRecipes(doc);

describe("docs/architecture.md: the map", () => {
  it("lists every folder of src/ and themes/, and no other", () => {
    const actual = ["src/", ...foldersUnder("src/"), "themes/", ...foldersUnder("themes/")].sort();
    assert.deepEqual(map.map((r) => r.folder).sort(), actual);
  });

  it("names, for each folder, a front file that opens with what the folder owns", () => {
    for (const { folder, front, owns } of map) {
      assert.ok(owns.length > 10, `${folder}: says what it owns`);
      const file = path.join(root, folder, front);
      assert.ok(existsSync(file), `${folder}${front} exists`);
      assert.match(readFileSync(file, "utf8"), /^(#!.*\n)?\/\*\*/, `${folder}${front} opens with a /** comment`);
    }
  });
});

describe("docs/architecture.md: the recipes", () => {
  /** src/ and themes/ files that are code (not tests, not generated). */
  const code = [...filesUnder("src"), ...filesUnder("themes")].filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$|\.gen\.ts$|test-helpers\.ts$/.test(f));
  const covers = (entries) => (file) => entries.some((e) => (e.endsWith("/") ? file.startsWith(e) : file === e));

  it("holds the four a newcomer asks for first", () => {
    const titles = recipes.map((r) => r.title);
    for (const t of ["Add a locale", "Add a payment method", "Add a page type", "Add a home section"]) assert.ok(titles.includes(t), t);
  });

  for (const r of recipes) {
    it(`${r.title}: its files exist and number ${r.count}; no file outside it names the example`, () => {
      assert.ok(r.marker, "a marker");
      assert.ok(r.count > 0 && r.files.length > 0, "a count and files");
      for (const f of [...r.files, ...r.optional]) assert.ok(existsSync(path.join(root, f)), `${f} exists`);
      const n = r.files.reduce((sum, f) => sum + (f.endsWith("/") ? filesUnder(f.replace(/\/$/, "")).length : 1), 0);
      assert.equal(n, r.count, "the files counted (a folder as its files)");
      const marker = new RegExp(r.marker, "m");
      const named = code.filter((f) => marker.test(readFileSync(path.join(root, f), "utf8")) || marker.test(f));
      const listed = covers([...r.files, ...r.optional]);
      assert.deepEqual(named.filter((f) => !listed(f)), [], "files that name the example but are not in the recipe");
      const missing = r.files.filter((f) => !f.endsWith("/") && code.includes(f) && !named.includes(f));
      assert.deepEqual(missing, [], "listed files that do not name the example (the recipe would send her to the wrong place)");
    });
  }
});
