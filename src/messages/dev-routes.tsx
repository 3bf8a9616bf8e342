/**
 * The dev outbox on the platform host, outside production only: /dev/outbox (newest first, each
 * message as its recipient reads it) and /dev/outbox.json (the same, for tests and scripts).
 * In production these routes answer 404, whatever the path.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { messages } from "../i18n";
import { renderPage } from "../lib/render";
import { Document } from "../ui/Document";
import { messageOf, OUTBOX_PAGE, platformOrigin, recentRows } from "./outbox";
import { shardIndexes } from "../db/shards";
import { shopSource } from "../lib/meter";
import { textOrRefusal, isOutcome } from "./templates/render";

export const devRoutes = new Hono<AppEnv>();

devRoutes.use("*", async function devOnly(c, next) {
  if (c.env.ENVIRONMENT === "production") throw new HTTPException(404);
  await next();
});

/** Every row of the page with its text (or why it has none): the newest of every shard's outbox (src/db/shards.ts). */
async function entries(c: Context<AppEnv>) {
  const origin = platformOrigin(c.env);
  const src = shopSource(c);
  const dbs = shardIndexes(c.env).map((k) => src.shard(k)!);
  const rows = (await Promise.all(dbs.map(async (db) => (await recentRows(db)).map((r) => ({ r, db }))))).flat();
  rows.sort((a, b) => b.r.createdAt - a.r.createdAt);
  return Promise.all(
    rows.slice(0, OUTBOX_PAGE).map(async ({ r, db }) => {
      const message = await messageOf(db, r, origin);
      const text = message ? textOrRefusal(message) : null;
      return {
        id: r.id,
        shopId: r.shopId,
        channel: r.channel,
        to: r.recipient,
        template: r.template,
        locale: r.locale,
        state: r.state,
        attempts: r.attempts,
        providerId: r.providerId,
        lastError: r.lastError,
        createdAt: new Date(r.createdAt).toISOString(),
        title: text && !isOutcome(text) ? text.title : null,
        body: text && !isOutcome(text) ? text.body : null,
      };
    }),
  );
}

devRoutes.get("/outbox.json", async (c) => c.json({ messages: await entries(c) }, 200, { "cache-control": "no-store" }));

devRoutes.get("/outbox", async (c) => {
  const m = messages(c.get("locale"));
  const { t } = m;
  const list = await entries(c);
  c.header("cache-control", "no-store");
  return renderPage(
    c,
    <Document m={m} title={t("devOutbox.title")} robots="noindex" css=".msg{border-bottom:1px solid #ddd;padding:.75rem 0}.msg p{margin:.25rem 0;white-space:pre-wrap}.meta{color:#555;font-size:.875rem}">
      <main class="wrap">
        <h1>{t("devOutbox.title")}</h1>
        <p>{t("devOutbox.intro")}</p>
        {list.length === 0 && <p>{t("devOutbox.empty")}</p>}
        {list.map((e) => (
          <article class="msg" key={e.id} data-template={e.template} data-state={e.state}>
            <p class="meta">
              #{e.id} · {e.createdAt} · {e.channel} · <bdi>{e.to}</bdi> · {e.template} · {e.locale} · {t(`devOutbox.state.${e.state}`)} · {t("devOutbox.attempts", { count: e.attempts })}
              {e.providerId && <> · {e.providerId}</>}
            </p>
            {e.title && (
              <p>
                <b dir="auto">{e.title}</b>
              </p>
            )}
            {e.body && <p dir="auto">{e.body}</p>}
            {e.lastError && <p class="meta">{e.lastError}</p>}
          </article>
        ))}
      </main>
    </Document>,
  );
});
