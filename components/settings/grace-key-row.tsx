"use client";

import { MaskedKey } from "@/components/ui/masked-key";
import type { GraceKeyView } from "@/lib/settings/key-panel-view";
import { useNow } from "./clock";
import { Countdown } from "./countdown";
import { Fact, KeyFacts } from "./key-facts";
import { maskedKey } from "./key-type-copy";
import { LocalDateTime } from "./local-date-time";
import { type RevokedKey, RevokeKeyDialog } from "./revoke-key-dialog";

type GraceKeyRowProps = {
  projectId: string;
  graceKey: GraceKeyView;
  onRevoked: (revoked: RevokedKey) => void;
  focusAfterRevoke: () => void;
};

/**
 * A replaced key that still works, with the time it has left. When the countdown reaches
 * zero the row says so and loses its Revoke button without a reload: the API refuses the key
 * from that instant whatever the page shows.
 */
export function GraceKeyRow({
  projectId,
  graceKey,
  onRevoked,
  focusAfterRevoke,
}: GraceKeyRowProps) {
  const now = useNow();
  const expired = now >= Date.parse(graceKey.expiresAt);

  return (
    <li
      aria-label={`Old key ${maskedKey(graceKey)}`}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <MaskedKey prefix={graceKey.prefix} lastFour={graceKey.lastFour} className="bg-white" />
          <span
            className={
              expired
                ? "rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800"
                : "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950"
            }
          >
            {expired ? "Expired" : "Grace period"}
          </span>
        </div>
        {expired ? null : (
          <RevokeKeyDialog
            projectId={projectId}
            graceKey={graceKey}
            onRevoked={onRevoked}
            focusAfterRevoke={focusAfterRevoke}
          />
        )}
      </div>
      <KeyFacts apiKey={graceKey}>
        <Fact term="Time left">
          <Countdown expiresAt={graceKey.expiresAt} now={now} />
        </Fact>
      </KeyFacts>
      <p className="text-sm text-slate-600">
        {expired ? "Stopped working at " : "Stops working at "}
        <LocalDateTime value={graceKey.expiresAt} />.
      </p>
    </li>
  );
}
