/** The boundary suite for the theme form, in every theme (see harness.ts), and the form as a browser posts it. */
import { describe, expect, it } from "vitest";
import { postMultipart } from "../admin-helpers";
import { ROOT, sellerWithShop } from "../helpers";
import { boundaryTests } from "./harness";
import { themeCases } from "./theme.cases";

for (const c of themeCases) describe(`${c.route} (${(c as { name?: string }).name})`, () => boundaryTests(c));

describe("the theme form as a browser posts it", () => {
  it("saves with its photo inputs left empty (each an empty file part)", async () => {
    const s = await sellerWithShop();
    const fd = new FormData();
    fd.append("theme", "classic");
    fd.append("has_announcement", "1");
    fd.append("s_announcement", "Eid sale");
    fd.append("has_logo", "1");
    fd.append("s_logo", "");
    fd.append("file_logo", new File([], "", { type: "application/octet-stream" }));
    const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd);
    expect(res.status, res.text.slice(0, 300)).toBe(303);
  });
});
