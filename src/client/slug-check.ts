/**
 * Wizard enhancement for the shop-address field: suggests the address from the shop's name
 * while the seller has not typed one, and checks availability as she types (GET /api/slug).
 * Without JavaScript the server suggests and checks on submit. A suggested address is a button
 * (the server's is a link that reloads the page with it) that fills the field in.
 */
import { nameSlug } from "../lib/latin-slug";

const form = document.getElementById("start") as HTMLFormElement | null;
const status = document.getElementById("slug-status");
if (form && status) {
  const name = form.elements.namedItem("name") as HTMLInputElement;
  const slug = form.elements.namedItem("slug") as HTMLInputElement;
  let edited = !!slug.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  // The same table as the server's suggestion, cut at the field's cap (the schema's, SLUG_MAX).
  const suggest = (v: string) => nameSlug(v, slug.maxLength);
  /** A button that puts the suggested address in the field. */
  const useButton = (suggestion: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "btn ghost";
    b.dir = "ltr";
    b.dataset.slug = suggestion;
    b.textContent = (status.dataset.suggest ?? "").replace("{suggestion}", suggestion);
    return b;
  };
  form.addEventListener("click", (e) => {
    const use = (e.target as HTMLElement).closest<HTMLElement>("[data-slug]");
    if (!use) return;
    e.preventDefault();
    slug.value = use.dataset.slug ?? "";
    edited = true;
    use.closest(".suggest")?.remove();
    check();
  });

  const say = (key: string, suggestion = "") => {
    const text = (status.dataset[key] ?? "").replace("{slug}", slug.value).replace("{suggestion}", suggestion);
    status.textContent = text;
    status.style.color = key === "available" ? "#166534" : key === "checking" ? "" : "#b91c1c";
  };

  const check = () => {
    clearTimeout(timer);
    const value = slug.value.trim().toLowerCase();
    if (!value) {
      status.textContent = "";
      return;
    }
    say("checking");
    const mine = ++seq;
    timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/slug?slug=${encodeURIComponent(value)}`);
        const body = (await res.json()) as { ok: boolean; problem?: string; suggestion?: string };
        if (mine !== seq) return;
        if (body.ok) say("available");
        else {
          say(body.problem ?? "invalid");
          if (body.suggestion) status.append(" ", useButton(body.suggestion));
        }
      } catch {
        status.textContent = "";
      }
    }, 350);
  };

  name.addEventListener("input", () => {
    if (!edited) {
      slug.value = suggest(name.value);
      check();
    }
  });
  slug.addEventListener("input", () => {
    edited = true;
    check();
  });
  if (slug.value) check();
}
