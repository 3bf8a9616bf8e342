/**
 * Each courier's settlement report, as its merchant portal exports it: which header names the
 * tracking number and which the cash it collected. The portals' column names are not published
 * in any API guide we could find, and they change between portal versions, so each courier has a
 * list of header aliases (matched ignoring case, spaces and punctuation): "Tracking Number",
 * "tracking_no" and "Tracking #" are one header. The one registry: add a courier's report here.
 *
 * The amount compared is the cash on delivery the courier collected for the parcel (not the net
 * it pays after its charges): it is what the order's shipment says the rider should collect.
 */
export interface SettlementFormat {
  /** Headers that hold the courier's tracking number (its CN, consignment number). */
  tracking: readonly string[];
  /** Headers that hold the cash collected for that parcel, in rupees. */
  amount: readonly string[];
}

export const SETTLEMENT_FORMATS = {
  /** PostEx's payment / CPR (customer payment report) export. */
  postex: {
    tracking: ["Tracking Number", "Tracking No", "Tracking #", "TrackingNumber", "Tracking"],
    amount: ["COD Amount", "Invoice Payment", "Collected Amount", "Order Amount", "COD"],
  },
  /** Leopards' Payment Report: parcels by CN number. */
  leopards: {
    tracking: ["CN Number", "CN No", "CN #", "CN", "Booked Packet CN", "Tracking Number"],
    amount: ["COD Amount", "Collect Amount", "Collected Amount", "Booked Packet Collect Amount", "Amount"],
  },
  /** Trax's payment sheet. */
  trax: {
    tracking: ["Tracking Number", "Tracking #", "Tracking No", "Consignment Number", "CN"],
    amount: ["COD Amount", "COD", "Collected Amount", "Amount"],
  },
} as const satisfies Record<string, SettlementFormat>;

export type SettlementCourier = keyof typeof SETTLEMENT_FORMATS;
export const SETTLEMENT_COURIERS = Object.keys(SETTLEMENT_FORMATS) as [SettlementCourier, ...SettlementCourier[]];

/** A header as compared: lower case, letters and digits only ("Tracking #" -> "tracking"). */
const headerKey = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The columns of the tracking number and the amount in `header`, or null when either is missing. */
export function findColumns(courier: SettlementCourier, header: readonly string[]): { tracking: number; amount: number } | null {
  const keys = header.map(headerKey);
  const find = (aliases: readonly string[]) => {
    for (const a of aliases) {
      const i = keys.indexOf(headerKey(a));
      if (i >= 0) return i;
    }
    return -1;
  };
  const f = SETTLEMENT_FORMATS[courier];
  const tracking = find(f.tracking);
  const amount = find(f.amount);
  return tracking >= 0 && amount >= 0 ? { tracking, amount } : null;
}
