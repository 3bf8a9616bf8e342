#!/usr/bin/env node
// No identical copies of six lines or more in src/ and themes/: runs the `duplicates` tool
// (the team's machines have it on PATH) and fails on any pair of the same lines, to the letter,
// with both sides in the app's code. Pairs of the same shape (other names and values) are left to
// review. Where the tool is not installed, says so and passes: it is a check of the code, not of
// the machine.
import { spawnSync } from "node:child_process";

const r = spawnSync("duplicates", ["--repo", ".", "--most", "200", "--seconds", "120"], { encoding: "utf8" });
if (r.error) {
  console.log("duplicates: the tool is not installed here; copies not checked");
  process.exit(0);
}
const rows = r.stdout.split("\n").filter((l) => /^D\d+ /.test(l));
const app = (place) => /^(src|themes)\//.test(place);
const copies = rows.filter((l) => {
  const [, a, , b] = l.split(" ");
  return !/ shape\b/.test(l) && app(a) && app(b);
});
for (const line of r.stdout.split("\n").filter((l) => /^(incomplete|left out):/.test(l))) console.log(`duplicates: ${line}`);
if (copies.length) {
  console.error(`duplicates: ${copies.length} identical cop${copies.length === 1 ? "y" : "ies"} of 6+ lines in src/ or themes/; make one serve both:`);
  for (const c of copies) console.error(`  ${c}`);
  process.exit(1);
}
console.log(`duplicates: no identical copies in src/ or themes/ (${rows.length} pairs in the repository, of the same shape or outside the app's code)`);
