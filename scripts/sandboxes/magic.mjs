// magic.json for the sandboxes (plain Node: read, not imported with attributes).
import { readFileSync } from "node:fs";

export const magic = JSON.parse(readFileSync(new URL("./magic.json", import.meta.url), "utf8"));
