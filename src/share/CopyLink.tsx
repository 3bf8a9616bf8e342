import type { Messages } from "../i18n";

export interface CopyLinkProps {
  m: Messages;
  /** The field's id: its button and status line are tied to it. */
  id: string;
  url: string;
  label: string;
  /** The button's words ("Copy link"). */
  copy: string;
  /** The label for screen readers only (where the card's heading says it already). */
  hideLabel?: boolean;
  small?: boolean;
}

/**
 * A link to copy: a read-only field she can select without JavaScript or a clipboard, and with
 * the island (src/client/share-card.ts) a button that copies it and says "Copied" in the status
 * line below. One markup for the share card and the packing slip.
 */
export function CopyLink({ m, id, url, label, copy, hideLabel, small }: CopyLinkProps) {
  return (
    <>
      <label class={hideLabel ? "sr-only" : undefined} for={id}>
        {label}
      </label>
      <div class="copy">
        <input id={id} type="url" readOnly value={url} dir="ltr" inputMode="url" autoComplete="off" />
        <button class={small ? "btn ghost small" : "btn ghost"} type="button" data-copy={id} data-copied={m.t("share.copied")} hidden>
          {copy}
        </button>
      </div>
      <p class="copied" id={`${id}-status`} role="status" aria-live="polite"></p>
    </>
  );
}
