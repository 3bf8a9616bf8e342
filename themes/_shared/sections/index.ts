/**
 * The section registry: one folder a type, one line here. themes/_shared/sections/sections.test.ts
 * fails when a folder is missing from this list. A theme offers all of them unless it says
 * otherwise (and may add its own: themes/bazaar/sections/).
 */
import type { SectionDef } from "../../../src/storefront/section";
import badges from "./badges";
import collectionList from "./collection-list";
import faq from "./faq";
import featuredCollection from "./featured-collection";
import featuredProduct from "./featured-product";
import follow from "./follow";
import imageBanner from "./image-banner";
import imageText from "./image-text";
import newest from "./newest";
import richText from "./rich-text";
import testimonials from "./testimonials";
import whatsapp from "./whatsapp";

export const SECTIONS: readonly SectionDef[] = [
  imageBanner,
  imageText,
  featuredCollection,
  newest,
  collectionList,
  featuredProduct,
  richText,
  testimonials,
  faq,
  whatsapp,
  badges,
  follow,
];
