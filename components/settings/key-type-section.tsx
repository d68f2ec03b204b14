"use client";

import { useRouter } from "next/navigation";
import { startTransition, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import type { KeyPanelView } from "@/lib/settings/key-panel-view";
import { CurrentKey } from "./current-key";
import { GraceKeyList } from "./grace-key-list";
import { KEY_TYPE_COPY, maskedKey } from "./key-type-copy";
import { NewKeyReveal } from "./new-key-reveal";
import type { RevokedKey } from "./revoke-key-dialog";
import { type RotatedKey, RotateKeyDialog } from "./rotate-key-dialog";

type KeyTypeSectionProps = {
  project: { id: string; name: string };
  ownerEmail: string;
  panel: KeyPanelView;
};

/** One key type: its current key, the rotate button, the new key once, and keys in grace. */
export function KeyTypeSection({ project, ownerEmail, panel }: KeyTypeSectionProps) {
  const router = useRouter();
  const notify = useToast();
  const copy = KEY_TYPE_COPY[panel.type];
  const heading = useRef<HTMLHeadingElement>(null);
  // The only copy of a new key in the browser; cleared when the reveal panel closes.
  const [rotated, setRotated] = useState<RotatedKey | null>(null);
  // Hidden at once after a revoke, before the refreshed list arrives.
  const [revokedIds, setRevokedIds] = useState<ReadonlySet<string>>(new Set());

  function handleRotated(result: RotatedKey) {
    setRotated(result);
    startTransition(() => router.refresh());
  }

  function hideNewKey() {
    setRotated(null);
    heading.current?.focus();
  }

  function handleRevoked({ revokedKey }: RevokedKey) {
    setRevokedIds((ids) => new Set(ids).add(revokedKey.id));
    notify({
      tone: "success",
      title: `${maskedKey(revokedKey)} was revoked`,
      description: "Requests that send it are refused from now on.",
    });
    startTransition(() => router.refresh());
  }

  const headingId = `${panel.type}-key-heading`;
  const inGrace = panel.inGrace.filter((key) => !revokedIds.has(key.id));
  return (
    <section aria-labelledby={headingId} className="space-y-4 py-6 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h3
            id={headingId}
            ref={heading}
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 focus:outline-none"
          >
            {copy.heading}
          </h3>
          <p className="text-sm text-slate-600">{copy.role}</p>
        </div>
        <RotateKeyDialog
          project={project}
          ownerEmail={ownerEmail}
          keyType={panel.type}
          currentKey={panel.current}
          hasKeysInGrace={inGrace.length > 0}
          onRotated={handleRotated}
        />
      </div>
      {rotated ? <NewKeyReveal rotated={rotated} onClose={hideNewKey} /> : null}
      {panel.current ? <CurrentKey apiKey={panel.current} /> : null}
      <GraceKeyList
        projectId={project.id}
        keys={inGrace}
        onRevoked={handleRevoked}
        focusAfterRevoke={() => heading.current?.focus()}
      />
    </section>
  );
}
