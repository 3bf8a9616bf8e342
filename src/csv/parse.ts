/**
 * CSV (RFC 4180): a parser that handles quoted fields with commas, quotes ("") and line breaks,
 * CRLF/LF/CR line ends and a UTF-8 BOM; and a writer that quotes when needed and neutralises
 * spreadsheet formulas (a cell starting with = + - @ tab or CR gets a leading ').
 */

export type CsvParse = { ok: true; rows: string[][]; lines: number[] } | { ok: false; error: "csv.unterminated" | "csv.tooManyRows"; line: number };

/**
 * Parses text into rows. `lines[i]` is the 1-based line where row i starts (for error reports).
 * Stops with csv.tooManyRows as soon as more than `maxRows` rows are found. Blank lines are skipped.
 */
export function parseCsv(text: string, maxRows = Infinity): CsvParse {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "")) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n" || (ch === "\r" && s[i + 1] !== "\n")) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
      if (rows.length > maxRows) return { ok: false, error: "csv.tooManyRows", line };
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) return { ok: false, error: "csv.unterminated", line: rowLine };
  if (field !== "" || row.length) endRow();
  if (rows.length > maxRows) return { ok: false, error: "csv.tooManyRows", line };
  return { ok: true, rows, lines };
}

/** One CSV cell: formula-neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  let v = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvRow = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Undoes the writer's formula guard on import: "'=x" -> "=x". */
export const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
