/** The CSV import form: one file, its size capped here (the rows are capped in src/csv/columns.ts). */
import { z } from "zod";

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export const csvImportSchema = z.object({ file: z.file().max(MAX_CSV_BYTES, "csv.tooBig") });
