/** Form posts are small; photo uploads (already resized in the browser) get more room. */
export const MAX_FORM_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
