import type { MessageKey, TFunction } from "../../i18n";
import type { FieldErrors } from "../../lib/form";

/** Translates the catalogue key a zod issue carried for `field`, if any. */
export function fieldError(t: TFunction, errors: FieldErrors | undefined, field: string, params?: Record<string, string | number>) {
  const key = errors?.[field];
  return key ? t(key as MessageKey, params) : undefined;
}
