"use client";

import { cx } from "@/components/ui/class-names";
import { CopyButton } from "@/components/ui/copy-button";
import { MaskedKey } from "@/components/ui/masked-key";
import type { KeyView } from "@/lib/settings/key-panel-view";
import { KeyFacts } from "./key-facts";

/** The key in use: the publishable key in full with a copy button, the secret key masked. */
export function CurrentKey({ apiKey }: { apiKey: KeyView }) {
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900">Current key</p>
      {apiKey.publicValue ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <code
            className={cx(
              "block min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2",
              "font-mono text-sm break-all text-slate-900",
            )}
          >
            {apiKey.publicValue}
          </code>
          <CopyButton value={apiKey.publicValue} what="publishable key" />
        </div>
      ) : (
        <div className="space-y-1">
          <MaskedKey prefix={apiKey.prefix} lastFour={apiKey.lastFour} />
          <p className="text-sm text-slate-600">
            Shown in full only once, when it was created. Rotate it to get a new one.
          </p>
        </div>
      )}
      <KeyFacts apiKey={apiKey} />
    </div>
  );
}
