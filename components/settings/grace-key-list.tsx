"use client";

import type { GraceKeyView } from "@/lib/settings/key-panel-view";
import { GraceKeyRow } from "./grace-key-row";
import type { RevokedKey } from "./revoke-key-dialog";

type GraceKeyListProps = {
  projectId: string;
  keys: GraceKeyView[];
  onRevoked: (revoked: RevokedKey) => void;
  focusAfterRevoke: () => void;
};

/** The replaced keys of one type that still work, soonest to stop first. */
export function GraceKeyList({ projectId, keys, onRevoked, focusAfterRevoke }: GraceKeyListProps) {
  if (keys.length === 0) return null;

  return (
    <div className="space-y-2">
      <h4 className="text-sm font-medium text-slate-900">Replaced keys</h4>
      <ul className="space-y-3">
        {keys.map((graceKey) => (
          <GraceKeyRow
            key={graceKey.id}
            projectId={projectId}
            graceKey={graceKey}
            onRevoked={onRevoked}
            focusAfterRevoke={focusAfterRevoke}
          />
        ))}
      </ul>
    </div>
  );
}
