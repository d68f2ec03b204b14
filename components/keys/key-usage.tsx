import { lastUsedText, requestCountText } from "@/lib/usage/describe-usage";
import { cx } from "../ui/class-names";

type KeyUsageProps = {
  usage: { lastUsedAt: Date | null; requestsLastHour: number };
  /** The moment "ago" is measured from; the render time by default. */
  now?: Date;
  className?: string;
};

/** "last used 3 minutes ago · 120 requests in the last hour", shown next to a key. */
export function KeyUsage({ usage, now = new Date(), className }: KeyUsageProps) {
  const lastUsed = lastUsedText(usage.lastUsedAt, now);
  return (
    <p className={cx("text-sm text-slate-600", className)}>
      {lastUsed && usage.lastUsedAt ? (
        <>
          last used{" "}
          <time dateTime={usage.lastUsedAt.toISOString()} title={usage.lastUsedAt.toISOString()}>
            {lastUsed}
          </time>
        </>
      ) : (
        "never used"
      )}
      {" · "}
      {requestCountText(usage.requestsLastHour)}
    </p>
  );
}
