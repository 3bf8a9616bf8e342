/** Questions and answers the seller types, each opening on a tap (<details>, no script), at most ten. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

export const MAX_QUESTIONS = 10;

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Questions)", ur: "سرخی (خالی: سوالات)" }),
  items: setting.list(
    {
      question: setting.text("", 150, { en: "Question", ur: "سوال" }),
      answer: setting.textarea("", 600, { en: "Answer", ur: "جواب" }),
    },
    MAX_QUESTIONS,
    { en: "Questions", ur: "سوالات" },
  ),
});

export default defineSection({
  id: "faq",
  label: { en: "Questions and answers", ur: "سوال و جواب" },
  settings,
  css: `.faq details{border-bottom:1px solid var(--line)}
.faq summary{min-height:48px;display:flex;align-items:center;cursor:pointer;font-weight:600;overflow-wrap:anywhere}
.faq details p{margin:0 0 12px;white-space:pre-line;overflow-wrap:anywhere}
`,
  Component: ({ ctx, settings: s, id }) => {
    const items = s.items.filter((i) => i.question.trim());
    if (!items.length) return null;
    return (
      <Sec id={id} cls="faq">
        <h2>{s.heading || ctx.t("sections.faq.heading")}</h2>
        {items.map((i, n) => (
          <details key={n}>
            <summary>{i.question}</summary>
            {i.answer && <p>{i.answer}</p>}
          </details>
        ))}
      </Sec>
    );
  },
});
