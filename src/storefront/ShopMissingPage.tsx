import type { Messages } from "../i18n";
import { Document } from "../ui/Document";

export interface ShopMissingProps {
  m: Messages;
  slug: string;
  platformUrl: string;
  /** The slug can never be a shop (reserved or malformed): no "create it" link. */
  reserved: boolean;
}

/** Shown on a subdomain that has no shop: a friendly 404 inviting the visitor to create it. */
export function ShopMissingPage({ m, slug, platformUrl, reserved }: ShopMissingProps) {
  const { t } = m;
  return (
    <Document m={m} title={t("error.notFound.title")} robots="noindex">
      <main class="wrap center">
        <p>
          <a class="brand" href={platformUrl}>
            {t("app.name")}
          </a>
        </p>
        <h1>{t("shopMissing.title", { slug })}</h1>
        {reserved ? (
          <p>{t("shopMissing.reserved")}</p>
        ) : (
          <>
            <p>{t("shopMissing.body")}</p>
            <a class="btn block" href={`${platformUrl}/signup?slug=${encodeURIComponent(slug)}`}>
              {t("shopMissing.cta")}
            </a>
          </>
        )}
      </main>
    </Document>
  );
}
