"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { CopyableValue } from "@/components/ui/copyable-value";
import { KEY_TYPE_COPY, maskedKey } from "./key-type-copy";
import { LocalDateTime } from "./local-date-time";
import type { RotatedKey } from "./rotate-key-dialog";

type NewKeyRevealProps = { rotated: RotatedKey; onClose: () => void };

/**
 * The new key, once. The full key lives only in the section's state while this panel is
 * open; closing it drops that state, so the key leaves the page for good.
 */
export function NewKeyReveal({ rotated, onClose }: NewKeyRevealProps) {
  const panel = useRef<HTMLElement>(null);
  const { newKey, oldKey, key } = rotated;
  const copy = KEY_TYPE_COPY[newKey.type];
  const titleId = `new-${newKey.type}-key-title`;

  // The dialog that had focus is gone; the warning here is what must be read next.
  useEffect(() => {
    panel.current?.focus();
  }, []);

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={titleId}
      className={cx(
        "space-y-4 rounded-lg border-2 border-amber-400 bg-white p-4 focus:outline-none sm:p-5",
      )}
    >
      <h4 id={titleId} className="text-base font-semibold text-slate-900">
        Your new {copy.noun}
      </h4>
      {newKey.type === "secret" ? (
        <Alert tone="warning" title="Copy this key now. It will not be shown again.">
          Rekey keeps only its prefix and last four characters. Store it where your servers read
          their configuration, then deploy them. If you lose it, rotate the key again.
        </Alert>
      ) : (
        <Alert tone="warning" title="Copy this key now and update your apps.">
          The publishable key is public by design, so it also stays visible below as the current
          key.
        </Alert>
      )}
      <CopyableValue label={`New ${copy.noun}`} value={key} what={`new ${copy.noun}`} />
      <p className="text-sm text-slate-700">
        The old key, <code className="font-mono">{maskedKey(oldKey)}</code>,{" "}
        {oldKey.revokedAt ? (
          "stopped working just now."
        ) : (
          <>
            keeps working until <LocalDateTime value={oldKey.expiresAt} />. Its countdown is below.
          </>
        )}
      </p>
      <Button onClick={onClose}>I have saved the key, hide it</Button>
    </section>
  );
}
