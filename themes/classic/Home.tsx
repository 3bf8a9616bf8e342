import type { HomeVM, StoreContext } from "../../src/storefront/theme";
import type { ClassicSettings } from "./settings";
import { Layout } from "./Layout";

export function Home(ctx: StoreContext<ClassicSettings>, vm: HomeVM) {
  return (
    <Layout ctx={ctx} head={{ title: ctx.shop.name, description: ctx.shop.description }}>
      <h1>{ctx.shop.name}</h1>
      {vm.products.length === 0 ? (
        <div class="empty">
          <h2>{ctx.t("store.empty.title")}</h2>
          <p>{ctx.t("store.empty.body")}</p>
        </div>
      ) : (
        <ul class="grid">
          {vm.products.map((p, i) => (
            <li class="card" key={p.id}>
              <a href={p.url}>
                {p.image ? (
                  <img
                    src={p.image.src}
                    srcset={p.image.srcset}
                    sizes="(min-width:720px) 25vw, 50vw"
                    width={p.image.width}
                    height={p.image.height}
                    alt={p.image.alt}
                    loading={i < 4 ? "eager" : "lazy"}
                  />
                ) : (
                  <span class="ph" />
                )}
                <h2>{p.title}</h2>
                <span class="price">{p.price}</span>
                {p.compareAtPrice && <span class="was">{p.compareAtPrice}</span>}
                {p.soldOut && <span> · {ctx.t("store.soldOut")}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
