import type { StoreContext } from "../../src/storefront/theme";
import type { ClassicSettings } from "./settings";
import { Layout } from "./Layout";

export function NotFound(ctx: StoreContext<ClassicSettings>) {
  return (
    <Layout ctx={ctx} head={{ title: ctx.t("store.notFound.title"), noindex: true }}>
      <div class="empty">
        <h1>{ctx.t("store.notFound.title")}</h1>
        <p>{ctx.t("store.notFound.body")}</p>
        <a class="btn" href={ctx.url("/")}>
          {ctx.t("store.notFound.cta")}
        </a>
      </div>
    </Layout>
  );
}
