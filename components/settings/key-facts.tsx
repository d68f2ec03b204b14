"use client";

import type { ReactNode } from "react";
import type { KeyView } from "@/lib/settings/key-panel-view";
import { formatLastUsed } from "@/lib/settings/relative-time";
import { useNow } from "./clock";
import { LocalDateTime } from "./local-date-time";

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** "4 minutes ago", with the exact moment on hover and for screen readers. */
export function LastUsed({ value }: { value: string | null }) {
  const now = useNow();
  const text = formatLastUsed(value ? new Date(value) : null, new Date(now));
  if (!value) return <span>{text}</span>;
  return (
    <time dateTime={value} title={value}>
      {text}
    </time>
  );
}

/** When a key was made, when it was last used and how much it was used in the last hour. */
export function KeyFacts({ apiKey, children }: { apiKey: KeyView; children?: ReactNode }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
      <Fact term="Created">
        <LocalDateTime value={apiKey.createdAt} style="dated" />
      </Fact>
      <Fact term="Last used">
        <LastUsed value={apiKey.lastUsedAt} />
      </Fact>
      <Fact term="Requests, last hour">{apiKey.requestsLastHour.toLocaleString("en")}</Fact>
      {children}
    </dl>
  );
}
