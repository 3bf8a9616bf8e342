/** Form posts are small; photo uploads (already resized in the browser) get more room. */
export const MAX_FORM_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
/**
 * Fields of one form post (parts of a multipart one). The largest form, a product with 100
 * variants of six fields each, its options and its collections, has about 700; the boundary
 * suite checks that every form fits.
 */
export const MAX_FORM_FIELDS = 1000;
