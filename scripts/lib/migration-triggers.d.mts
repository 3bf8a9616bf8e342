// Types of migration-triggers.mjs, for the TypeScript that imports it (vitest.config.ts, tests).
// Type aliases, not interfaces: the source and foreign keys go into bindings, which take JSON.
export type SourceTrigger = {
  name: string;
  /** The table it is ON. */
  table: string;
  /** CREATE TRIGGER ... END, without the closing semicolon (as sqlite_master keeps it). */
  sql: string;
};
export type TriggerConcern = {
  file: string;
  triggers: SourceTrigger[];
  backfill: string[];
  /** Tables its triggers and backfill read or write. */
  tables: string[];
};
export type ForeignKey = {
  table: string;
  references: string;
  onDelete: string;
};
export type Processed = {
  sql: string;
  rebuilt: { table: string; kept: string[] }[];
  backfilled: string[];
  triggers: number;
};
export const BREAKPOINT: string;
export class MigrationError extends Error {}
export function normalizeSql(sql: string): string;
export function parseTriggerFile(file: string, text: string): TriggerConcern;
export function parseTriggerSource(files: { file: string; text: string }[]): TriggerConcern[];
export function triggersOf(source: TriggerConcern[]): SourceTrigger[];
export function foreignKeysOf(snapshot: { tables: Record<string, { foreignKeys?: Record<string, { tableFrom: string; tableTo: string; onDelete?: string }> }> }): ForeignKey[];
export function chunksOf(sql: string): string[];
export function statementsOf(sql: string): string[];
export function stripGenerated(sql: string): string;
export function isTriggersOnly(sql: string): boolean;
export function processMigration(sql: string, opts: { source: TriggerConcern[]; foreignKeys: ForeignKey[]; knownTriggers?: string[] }): Processed;
export function triggersCreatedBy(sql: string): string[];
