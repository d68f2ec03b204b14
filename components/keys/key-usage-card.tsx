import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { MaskedKey } from "@/components/ui/masked-key";
import { listKeysForProject } from "@/db/api-keys";
import { getDb } from "@/db/client";
import { getKeyUsage } from "@/lib/usage/get-key-usage";
import { KeyUsage } from "./key-usage";

const DESCRIPTION =
  "Requests each working key served: updated every few seconds, kept for an hour.";
const KEY_LABELS = { publishable: "Publishable key", secret: "Secret key" } as const;

/** Usage of the keys that still work (current or in grace); the page checked ownership. */
export async function KeyUsageCard({ projectId }: { projectId: string }) {
  const db = getDb();
  const [keys, usage] = await Promise.all([
    listKeysForProject(db, projectId),
    getKeyUsage(db, projectId),
  ]);
  const now = new Date();
  const working = keys.filter(
    (key) => key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now),
  );

  return (
    <Card title="Key usage" titleId="key-usage-title" description={DESCRIPTION}>
      <ul className="divide-y divide-slate-200">
        {working.map((key) => {
          const figures = usage.find((entry) => entry.keyId === key.id);
          return (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium text-slate-900">{KEY_LABELS[key.type]}</span>
                <MaskedKey prefix={key.prefix} lastFour={key.lastFour} />
                {key.expiresAt ? (
                  <span className="text-sm text-amber-900">
                    in grace until <DateTime value={key.expiresAt} />
                  </span>
                ) : null}
              </div>
              {figures ? <KeyUsage usage={figures} now={now} /> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
