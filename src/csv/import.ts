/**
 * Writes imported products: a Handle that exists in the shop updates that product (its
 * variants are replaced), a new Handle creates one. Each product is all-or-nothing; products
 * are sent 20 to a D1 batch and, if a batch fails, one by one so only the bad one is reported.
 * Each batch that writes bumps the shop's version in itself (an import of up to 20 products
 * bumps it once), so no product lands without its bump.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { products, variants } from "../db/schema";
import type { ImportProduct, RowError } from "./columns";
import { runBatch, type Stmt } from "../db/batch";
import { insertVariants, productValues } from "../products/products";
import { bumpVersionStmt } from "../tenancy/version";

const GROUP = 20;

export interface ImportResult {
  created: number;
  updated: number;
  errors: RowError[];
}

export async function importProducts(db: Db, shopId: number, items: ImportProduct[]): Promise<ImportResult> {
  const [existing, skuRows] = await db.batch([
    db.select({ id: products.id, slug: products.slug }).from(products).where(eq(products.shopId, shopId)),
    db.select({ sku: variants.sku, productId: variants.productId }).from(variants).where(and(eq(variants.shopId, shopId), sql`${variants.sku} IS NOT NULL AND ${variants.sku} <> ''`)),
  ]);
  const bySlug = new Map(existing.map((p) => [p.slug, p.id]));
  const skuOwner = new Map(skuRows.map((r) => [r.sku!, `id:${r.productId}`]));
  const errors: RowError[] = [];
  const ready: { item: ImportProduct; stmts: Stmt[]; isNew: boolean }[] = [];

  for (const item of items) {
    const id = bySlug.get(item.handle);
    const owner = id ? `id:${id}` : `new:${item.handle}`;
    const clash = item.input.variants.find((v) => v.sku && skuOwner.has(v.sku) && skuOwner.get(v.sku) !== owner);
    if (clash) {
      errors.push({ line: item.lines[0]!, handle: item.handle, message: "validation.skuTaken", params: { sku: clash.sku! } });
      continue;
    }
    item.input.variants.forEach((v) => v.sku && skuOwner.set(v.sku, owner));
    const variantRows = item.input.variants.map((v, pos) => ({ v, pos }));
    if (id) {
      ready.push({
        item,
        isNew: false,
        stmts: [
          db.update(products).set({ ...productValues(item.input), updatedAt: Date.now() }).where(and(eq(products.shopId, shopId), eq(products.id, id))),
          db.delete(variants).where(and(eq(variants.shopId, shopId), eq(variants.productId, id))),
          ...insertVariants(db, shopId, id, variantRows),
        ],
      });
    } else {
      const pid = sql`(SELECT ${products.id} FROM ${products} WHERE ${products.shopId} = ${shopId} AND ${products.slug} = ${item.handle})`;
      bySlug.set(item.handle, -1);
      ready.push({
        item,
        isNew: true,
        stmts: [db.insert(products).values({ shopId, slug: item.handle, ...productValues(item.input) }), ...insertVariants(db, shopId, pid, variantRows)],
      });
    }
  }

  let created = 0;
  let updated = 0;
  const done = (r: (typeof ready)[number]) => (r.isNew ? created++ : updated++);
  const withBump = (stmts: Stmt[]) => [...stmts, bumpVersionStmt(db, shopId)];
  for (let i = 0; i < ready.length; i += GROUP) {
    const group = ready.slice(i, i + GROUP);
    try {
      await runBatch(db, withBump(group.flatMap((r) => r.stmts)));
      group.forEach(done);
    } catch {
      for (const r of group) {
        try {
          await runBatch(db, withBump(r.stmts));
          done(r);
        } catch {
          errors.push({ line: r.item.lines[0]!, handle: r.item.handle, message: "csv.saveFailed" });
        }
      }
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { created, updated, errors };
}
