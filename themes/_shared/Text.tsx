import type { TextBlock } from "../../src/storefront/theme";

/** Seller-written plain text: paragraphs, kept line breaks (CSS pre-line), safe links. Never markup. */
export function TextBlocks({ blocks, cls = "prose" }: { blocks: TextBlock[]; cls?: string }) {
  return (
    <div class={cls}>
      {blocks.map((segments, i) => (
        <p key={i}>
          {segments.map((s, j) =>
            "href" in s ? (
              <a key={j} href={s.href} rel="nofollow noopener ugc" target="_blank">
                {s.text}
              </a>
            ) : (
              s.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
