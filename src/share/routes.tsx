/**
 * Sharing the shop (issue 15, section 5): the share card on the dashboard and on each product
 * (./ShareCard.tsx, ./ProductShare.tsx), the texts a share sends (./texts.ts), the QR code made in
 * the Worker (./qr.ts, ./qr-svg.ts) and the printable A5 poster. These routes sit under
 * /admin/:shop, so only the shop's members reach them, and the address a QR holds is built from
 * the shop's and the product's slugs (./targets.ts), never taken from the query string.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { AppEnv } from "../env";
import { messages } from "../i18n";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { Poster } from "./Poster";
import { qrEncode, qrFits } from "./qr";
import { qrSvg } from "./qr-svg";
import { productShareRead, productUrl, type SharedProduct } from "./targets";
import { adminPage } from "../admin/page";
import { mapRead, nothingToRead, type PageRead } from "../db/page-read";
import { priceText } from "./texts";
import { ID_SOURCE } from "../lib/ids";

export const shareRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

/** ?for=shop (the default) or ?for=product&id=N; anything else is a 404. */
const targetQuery = z.object({
  for: z.enum(["shop", "product"]).default("shop"),
  id: z.string().regex(new RegExp(`^${ID_SOURCE}$`)).transform(Number).optional(),
});

interface Target {
  url: string;
  /** The same target's query, for the QR's address. */
  query: string;
  product?: SharedProduct & { id: number };
}

/** What the query asks to share (null: a 404), read in the batch of the session check: the shop needs no read, a product one. */
function targetRead(c: C): PageRead<{ for: "shop" } | { for: "product"; id: number; product: SharedProduct | null } | null> {
  const q = targetQuery.safeParse(c.req.query());
  if (!q.success) return mapRead(nothingToRead, () => null);
  if (q.data.for === "shop") return mapRead(nothingToRead, () => ({ for: "shop" as const }));
  const id = q.data.id;
  if (!id) return mapRead(nothingToRead, () => null);
  return mapRead(productShareRead(id), (product) => ({ for: "product" as const, id, product }));
}

function target(c: C, read: ReturnType<ReturnType<typeof targetRead>["shape"]>): Target {
  if (!read) throw new HTTPException(404);
  const origin = originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug);
  if (read.for === "shop") return { url: origin, query: "" };
  const { id, product } = read;
  if (!product) throw new HTTPException(404);
  return { url: productUrl(origin, product.slug), query: `?for=product&id=${id}`, product: { ...product, id } };
}

shareRoutes.get(
  "/qr.svg",
  adminPage(targetRead, (c, read) => {
    const { url } = target(c, read);
    if (!qrFits(url)) throw new HTTPException(404);
    return c.body(qrSvg(qrEncode(url), url), 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, no-cache" });
  }),
);

shareRoutes.get(
  "/poster",
  adminPage(targetRead, (c, read) => {
    const { url, query, product } = target(c, read);
    if (!qrFits(url)) throw new HTTPException(404);
    const shop = c.get("shop");
    const m = messages(c.get("locale"));
    const base = `/admin/${shop.slug}`;
    const back = product ? { href: `${base}/products/${product.id}`, label: m.t("products.edit") } : { href: base, label: m.t("admin.home.title") };
    return renderPage(
      c,
      <Poster
        m={m}
        pm={messages(shop.locale)}
        shop={shop}
        back={back}
        url={url}
        qrSrc={`${base}/qr.svg${query}`}
        product={product && { title: product.title, price: priceText(shop, product.low, product.high) }}
      />,
    );
  }),
);
