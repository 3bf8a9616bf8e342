/** One row of the packing slip's image (made by src/orders/views/slip-image.ts, drawn by ./slip-image.ts): text at the start side, an amount at the end side, bold, a size; or a gap or a rule. */
export interface SlipImageRow {
  t?: string;
  e?: string;
  b?: 1;
  s?: number;
  gap?: 1;
  rule?: 1;
}
