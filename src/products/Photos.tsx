import type { TFunction } from "../i18n";
import { objectKey, type ImageFormat } from "../media/urls";
import { FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { ActionButton, MoveButtons } from "../ui/bits";

export interface PhotoVM {
  id: number;
  key: string;
  widths: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** The admin shows the shop's photos through its own proxy (the storefront host is another origin). */
export const adminMediaUrl = (slug: string, key: string, width: number, format: ImageFormat) => `/admin/${slug}/media/${objectKey(key, width, format)}`;

export function PhotosSection(p: { t: TFunction; slug: string; csrf: string; productId: number; photos: PhotoVM[]; error?: string }) {
  const { t } = p;
  const base = `/admin/${p.slug}/products/${p.productId}/photos`;
  return (
    <section id="photos" class="card">
      <h2>{t("photos.title")}</h2>
      {p.error && (
        <p class="alert" role="alert">
          {p.error}
        </p>
      )}
      {p.photos.length === 0 && <p class="muted">{t("photos.none")}</p>}
      <ul class="photos" id="photo-list">
        {p.photos.map((ph, i) => {
          const w = Number(ph.widths.split(",")[0]) || ph.width;
          return (
            <li key={ph.id}>
              <img src={adminMediaUrl(p.slug, ph.key, w, ph.format)} width={ph.width} height={ph.height} alt={t("photos.alt", { n: i + 1 })} loading="lazy" />
              <div class="acts">
                <MoveButtons action={`${base}/${ph.id}/move`} csrf={p.csrf} t={t} what={t("photos.alt", { n: i + 1 })} />
                <ActionButton action={`${base}/${ph.id}/delete`} csrf={p.csrf} label={t("photos.delete")} danger />
              </div>
            </li>
          );
        })}
      </ul>
      <Form action={base} csrf={p.csrf} enctype="multipart/form-data" id="photo-form">
        <FileField
          id="photo-input"
          name="photo"
          label={t("photos.add")}
          accept="image/*"
          multiple
          hint={t("photos.hint")}
          data={{
            "data-action": base,
            "data-csrf": p.csrf,
            "data-m-resizing": t("photos.resizing"),
            "data-m-uploading": t("photos.uploading"),
            "data-m-done": t("photos.done"),
            "data-m-failed": t("photos.failed"),
            "data-m-retry": t("photos.retry"),
          }}
        />
        <ul class="uploads" id="uploads" aria-live="polite" />
        <button class="btn ghost" type="submit" id="photo-submit">
          {t("photos.upload")}
        </button>
      </Form>
    </section>
  );
}
