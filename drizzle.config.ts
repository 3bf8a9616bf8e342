import { defineConfig } from "drizzle-kit";

// drizzle-kit generates flat SQL files into migrations/; wrangler applies them.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
