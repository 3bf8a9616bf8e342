import type { ComponentChildren } from "preact";
import type { TFunction } from "../i18n";
import type { PendingPhoto } from "./pending";
import { objectKey, type ImageFormat } from "../media/urls";
import { FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { ActionButton } from "../ui/bits";

/** A photo as the lists draw it (a product's, or one waiting on the new form). */
export interface PhotoVM extends PendingPhoto {
  position?: number;
}

/** The admin shows the shop's photos through its own proxy (the storefront host is another origin). */
export const adminMediaUrl = (slug: string, key: string, width: number, format: ImageFormat) => `/admin/${slug}/media/${objectKey(key, width, format)}`;

/** The island's texts (src/client/photo-upload.ts), as data attributes of the file input. */
const islandTexts = (t: TFunction) => ({
  "data-m-resizing": t("photos.resizing"),
  "data-m-uploading": t("photos.uploading"),
  "data-m-done": t("photos.done"),
  "data-m-failed": t("photos.failed"),
  "data-m-retry": t("photos.retry"),
  "data-m-remove": t("photos.remove"),
  "data-m-main": t("photos.main"),
  "data-m-make-main": t("photos.makeMain"),
  "data-m-earlier": t("photos.earlier"),
  "data-m-later": t("photos.later"),
  "data-m-drag": t("photos.drag", { what: "" }).trim(),
  "data-m-saved": t("photos.orderSaved"),
  "data-m-wait": t("photos.wait"),
});

/**
 * One photo of her list, in her order: the first wears the "Main photo" badge. The drag handle
 * (touch, pointer) shows where JavaScript runs; `children` are the buttons (earlier, later, make
 * main: hidden by CSS where they do nothing, on the first and the last).
 */
function PhotoItem(p: { t: TFunction; slug: string; ph: PhotoVM; n: number; children: ComponentChildren; hiddenInput?: boolean }) {
  const { t, ph } = p;
  const w = Number(ph.widths.split(",")[0]) || ph.width;
  const what = t("photos.alt", { n: p.n });
  return (
    <li data-id={ph.id} data-pos={ph.position}>
      <div class="ph-img">
        <img src={adminMediaUrl(p.slug, ph.key, w, ph.format)} width={ph.width} height={ph.height} alt={what} loading="lazy" />
        {p.n === 1 && <span class="main-badge">{t("photos.main")}</span>}
      </div>
      {p.hiddenInput && <input type="hidden" name="pending" value={ph.id} />}
      <div class="acts">
        <button type="button" class="btn small ghost handle" aria-label={t("photos.drag", { what })} hidden>
          ⠿
        </button>
        {p.children}
      </div>
    </li>
  );
}

/** The edit page's photos: each saved at once; the order by drag, or by the buttons without JavaScript. */
export function PhotosSection(p: { t: TFunction; slug: string; csrf: string; productId: number; photos: PhotoVM[]; error?: string }) {
  const { t } = p;
  const base = `/admin/${p.slug}/products/${p.productId}/photos`;
  return (
    <section id="photos" class="card photo-area">
      <h2>{t("photos.title")}</h2>
      {p.error && (
        <p class="alert" role="alert">
          {p.error}
        </p>
      )}
      {p.photos.length === 0 ? <p class="muted">{t("photos.none")}</p> : <p class="hint muted">{t("photos.mainHint")}</p>}
      <ul class="photos" id="photo-list" data-order={`${base}/order`} data-csrf={p.csrf}>
        {p.photos.map((ph, i) => {
          const what = t("photos.alt", { n: i + 1 });
          const move = (dir: string, label: string, aria: string) => <ActionButton action={`${base}/${ph.id}/move`} csrf={p.csrf} name="dir" value={dir} label={label} aria={aria} data={{ "data-move": dir }} />;
          return (
            <PhotoItem key={ph.id} t={t} slug={p.slug} ph={ph} n={i + 1}>
              {move("first", t("photos.makeMain"), t("photos.makeMainOf", { what }))}
              {move("up", t("photos.earlier"), t("photos.earlierOf", { what }))}
              {move("down", t("photos.later"), t("photos.laterOf", { what }))}
              <ActionButton action={`${base}/${ph.id}/delete`} csrf={p.csrf} label={t("photos.delete")} danger />
            </PhotoItem>
          );
        })}
      </ul>
      <p class="muted" id="photo-status" role="status" />
      <Form action={base} csrf={p.csrf} enctype="multipart/form-data" id="photo-form">
        <FileField id="photo-input" name="photo" label={t("photos.add")} accept="image/*" multiple hint={t("photos.hint")} data={{ "data-action": base, "data-csrf": p.csrf, ...islandTexts(t) }} />
        <button class="btn ghost" type="submit" id="photo-submit">
          {t("photos.upload")}
        </button>
      </Form>
    </section>
  );
}

/**
 * The new-product form's photos, inside that form: without JavaScript the chosen files go with
 * the form's POST; with it each is sent at once to wait for the product (`pending`), in the
 * order she chose, rearranged by drag or the buttons before she saves. Photos kept from a post
 * that had an error come back as they were.
 */
export function NewPhotos(p: { t: TFunction; slug: string; csrf: string; photoForm: string; photos: PhotoVM[]; error?: string }) {
  const { t } = p;
  const moves: [string, string, string][] = [
    ["first", t("photos.makeMain"), "photos.makeMainOf"],
    ["up", t("photos.earlier"), "photos.earlierOf"],
    ["down", t("photos.later"), "photos.laterOf"],
  ];
  return (
    <fieldset id="photos" class="photo-area">
      <legend>{t("photos.title")}</legend>
      <p class="hint muted">{t("photos.mainHint")}</p>
      <ul class="photos" id="photo-list">
        {p.photos.map((ph, i) => (
          <PhotoItem key={ph.id} t={t} slug={p.slug} ph={ph} n={i + 1} hiddenInput>
            {moves.map(([dir, label, aria]) => (
              <button type="button" class="btn small ghost" data-move={dir} aria-label={t(aria as "photos.makeMainOf", { what: t("photos.alt", { n: i + 1 }) })} hidden>
                {label}
              </button>
            ))}
            <button type="button" class="btn small ghost danger" data-remove hidden>
              {t("photos.remove")}
            </button>
          </PhotoItem>
        ))}
      </ul>
      <p class="muted" id="photo-status" role="status" />
      <input type="hidden" name="photoForm" value={p.photoForm} />
      <FileField
        id="photo-input"
        name="photo"
        label={t("photos.add")}
        accept="image/*"
        multiple
        hint={t("photos.hint")}
        error={p.error}
        data={{ "data-pending": `/admin/${p.slug}/products/pending`, "data-csrf": p.csrf, ...islandTexts(t) }}
      />
    </fieldset>
  );
}
