/**
 * Reading a courier's settlement CSV: its records are COUNTED first, without building a row (a
 * scan of the text for line ends outside quotes), and only a file within the cap is parsed
 * (src/csv/parse.ts: quoted commas and line breaks, CRLF, a BOM). The header is found among the
 * first lines (portals put a title above it) by the courier's aliases (formats.ts); each row gives
 * its tracking number and amount (paisa, or null when the cell is not an amount). Rows without a
 * tracking number (a totals line) are left out.
 */
import { parseCsv, unguard } from "../csv/parse";
import type { MessageKey } from "../i18n";
import { stripNul } from "../lib/form";
import { parseRupees } from "../lib/money";
import { findColumns, SETTLEMENT_FORMATS, type SettlementCourier } from "./formats";
import { SETTLEMENT_MAX_ROWS, TRACKING_MAX } from "./schema";

/** Lines above the header a portal may add (its title, the period, the merchant). */
const HEADER_SEARCH = 5;

export interface SettlementRow {
  /** The file's line, for the seller. */
  line: number;
  tracking: string;
  /** Paisa; null when the cell is not an amount. */
  amount: number | null;
}

export type ReadResult = { ok: true; rows: SettlementRow[] } | { ok: false; error: MessageKey; params?: Record<string, string | number> };

/** Non-blank records in `text` (quoted line breaks are inside a record), counting no further than `limit + 1`. */
export function countRecords(text: string, limit: number): number {
  let records = 0;
  let filled = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted; // "" inside quotes toggles twice: still quoted
    else if (!quoted && (ch === 10 || ch === 13)) {
      if (filled && ++records > limit) return records;
      filled = false;
      continue;
    }
    if (ch !== 0xfeff) filled = true;
  }
  return filled ? records + 1 : records;
}

const cell = (row: string[], i: number) => unguard((row[i] ?? "").trim());

/** The file's rows for `courier`, or why it is refused (a catalogue key for the file's field). */
export function readSettlement(raw: string, courier: SettlementCourier): ReadResult {
  const text = stripNul(raw);
  const cap = SETTLEMENT_MAX_ROWS + HEADER_SEARCH;
  const tooMany: ReadResult = { ok: false, error: "settlements.tooManyRows", params: { max: SETTLEMENT_MAX_ROWS } };
  // Counted before any row is built: past the cap (and a header's room) nothing is parsed.
  if (countRecords(text, cap) > cap) return tooMany;
  const parsed = parseCsv(text, cap);
  if (!parsed.ok) return parsed.error === "csv.tooManyRows" ? tooMany : { ok: false, error: "settlements.unterminated", params: { line: parsed.line } };
  const at = parsed.rows.slice(0, HEADER_SEARCH).findIndex((r) => findColumns(courier, r));
  if (at < 0) {
    const f = SETTLEMENT_FORMATS[courier];
    return { ok: false, error: "settlements.noColumns", params: { tracking: f.tracking[0], amount: f.amount[0] } };
  }
  const cols = findColumns(courier, parsed.rows[at]!)!;
  const data = parsed.rows.slice(at + 1);
  if (data.length > SETTLEMENT_MAX_ROWS) return tooMany;
  const rows: SettlementRow[] = [];
  data.forEach((r, i) => {
    const tracking = cell(r, cols.tracking);
    if (!tracking) return;
    const amount = parseRupees(cell(r, cols.amount));
    rows.push({ line: parsed.lines[at + 1 + i]!, tracking: tracking.slice(0, TRACKING_MAX + 1), amount: amount.ok ? amount.minor : null });
  });
  if (!rows.length) return { ok: false, error: "settlements.empty" };
  return { ok: true, rows };
}
