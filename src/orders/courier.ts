/**
 * How a shipped order travels: a courier company (TCS, Leopards, M&P...), which always gives a
 * tracking number, or the shop's own rider, who never does. The own rider is stored as
 * `OWN_RIDER` in `orders.courier` and shown in the reader's language.
 */
import type { TFunction } from "../i18n";

export const OWN_RIDER = "own-rider";

/** What a seller may type for her own rider in the courier box ("Own rider", "rider", "اپنا رائیڈر"). */
const RIDER_WORDS = /^(?:(?:own|my|our|shop'?s?)\s+)?rider$|^own-rider$|^(?:اپنا\s+)?رائ[یي]?ڈر$/iu;

/** The courier as stored: her own rider, however she wrote it, is `OWN_RIDER`. */
export const normaliseCourier = (courier: string): string => (RIDER_WORDS.test(courier.trim()) ? OWN_RIDER : courier);

export const isOwnRider = (courier: string): boolean => courier === OWN_RIDER;

/** The courier's name for people: "Own rider" in their language, else the name she typed. */
export const courierName = (t: TFunction, courier: string): string => (isOwnRider(courier) ? t("orders.courier.ownRider") : courier);
