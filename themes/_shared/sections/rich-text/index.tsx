/** A heading and the seller's paragraphs (plain text; web addresses become links). */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { textBlocks } from "../../../../src/storefront/text";
import { TextBlocks } from "../../Text";
import { Sec } from "../parts";

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading", ur: "سرخی" }),
  text: setting.textarea("", 1000, { en: "Text", ur: "تحریر" }),
  centre: setting.toggle(false, { en: "Centred", ur: "درمیان میں" }),
});

export default defineSection({
  id: "rich-text",
  label: { en: "Rich text", ur: "تحریر" },
  settings,
  css: `.rt{max-width:720px}.rt.mid{margin-inline:auto;text-align:center}
`,
  Component: ({ settings: s, id }) => {
    if (!s.heading && !s.text) return null;
    return (
      <Sec id={id} cls={s.centre ? "rt mid" : "rt"}>
        {s.heading && <h2>{s.heading}</h2>}
        {s.text && <TextBlocks blocks={textBlocks(s.text)} />}
      </Sec>
    );
  },
});
