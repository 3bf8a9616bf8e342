/**
 * Section settings at their limits, derived from each type's schema (so a type added later is
 * covered): every text at its cap of long Urdu with typed markup in front, every list at its
 * cap, every number at its maximum, the last choice, every toggle on, a photo (or none).
 */
import { z } from "zod";
import type { SectionDef } from "../src/storefront/section";
import { settingMeta, type ImageRef } from "../src/storefront/theme-settings";

/** What a seller might type: markup that must show as text, then long Urdu. */
export const TYPED_MARKUP = "<script>alert(1)</script>";
const URDU = " کڑھائی والا لان سوٹ، ہاتھ سے بنا ہوا اور نرم۔";

const fill = (max: number) => (TYPED_MARKUP + URDU.repeat(Math.ceil(max / URDU.length))).slice(0, max);

export const photoRef = (h = "c"): ImageRef => ({ key: `shops/1/${h.repeat(64)}`, widths: [320, 960], width: 960, height: 480, format: "webp" });

const SOCIAL = ["instagram.com", "facebook.com", "tiktok.com", "youtube.com"];

function extremeOf(field: z.ZodType, opts: Opts): unknown {
  const meta = settingMeta(field);
  const json = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as { maxLength?: number; maximum?: number; maxItems?: number };
  switch (meta?.input) {
    case "text":
    case "textarea":
      return fill(json.maxLength!);
    case "link": {
      const own = `/collections/${"a".repeat(json.maxLength! - 13)}`;
      if (field.safeParse(own).success) return own;
      return SOCIAL.map((h) => `https://www.${h}/${"a".repeat(json.maxLength! - h.length - 13)}`).find((v) => field.safeParse(v).success) ?? "";
    }
    case "number":
      return json.maximum;
    case "toggle":
      return true;
    case "choice":
      return Object.keys(meta.options ?? {}).at(-1);
    case "image":
      return opts.photo ? photoRef() : null;
    case "collection":
      return opts.collection;
    case "product":
      return opts.product;
    case "list": {
      const item = (field as unknown as { def: { innerType: z.ZodArray } }).def.innerType.element as unknown as z.ZodObject;
      return Array.from({ length: json.maxItems! }, () => extremes(item.shape, opts));
    }
    default:
      throw new Error(`no extreme for ${meta?.input}`);
  }
}

interface Opts {
  photo: boolean;
  collection: string;
  product: string;
}

function extremes(shape: Record<string, z.ZodType>, opts: Opts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, extremeOf(f, opts)]));
}

/** A type's settings at their limits, validated by its own schema. */
export function extremeSettings(def: SectionDef, opts: Partial<Opts> = {}): Record<string, unknown> {
  const o = { photo: true, collection: "lawn", product: "item-1", ...opts };
  return def.settings.parse(extremes(def.settings.shape, o)) as Record<string, unknown>;
}
