import { z } from "zod";

const colour = z.string().regex(/^#[0-9a-f]{6}$/i);

export const settings = z.object({
  background: colour.default("#fffaf5"),
  text: colour.default("#1c1917"),
  primary: colour.default("#7c2d12"),
  primaryText: colour.default("#ffffff"),
  bannerText: z.string().max(140).default(""),
});

export type ClassicSettings = z.infer<typeof settings>;
