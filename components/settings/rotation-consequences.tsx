import type { GracePeriodId } from "@/lib/rotation/grace-periods";
import { gracePeriod } from "@/lib/rotation/grace-periods";
import { formatLocalDateTime } from "@/lib/settings/local-time";
import { KEY_TYPE_COPY, maskedKey } from "./key-type-copy";
import type { RotateKeyDialogProps } from "./rotate-key-dialog";

type RotationConsequencesProps = Pick<
  RotateKeyDialogProps,
  "keyType" | "currentKey" | "hasKeysInGrace" | "ownerEmail"
> & { grace: GracePeriodId; now: number };

/** What will happen, in the order it happens, for the grace period chosen right now. */
export function RotationConsequences(props: RotationConsequencesProps) {
  const { keyType, currentKey, hasKeysInGrace, ownerEmail, grace, now } = props;
  const copy = KEY_TYPE_COPY[keyType];
  const other = keyType === "secret" ? "publishable key" : "secret key";
  const seconds = gracePeriod(grace).seconds;
  const current = currentKey ? maskedKey(currentKey) : `current ${copy.noun}`;

  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium text-slate-900">What will happen</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>A new {copy.noun} works at once. You will see it once, right after this.</li>
        {seconds === 0 ? (
          <li className="font-medium text-red-800">
            <code className="font-mono">{current}</code> stops working at once. Anything still using
            it starts failing.
          </li>
        ) : (
          <li>
            <code className="font-mono">{current}</code> keeps working until{" "}
            <strong className="font-semibold text-slate-900">
              {formatLocalDateTime(new Date(now + seconds * 1000))}
            </strong>{" "}
            (your local time).
          </li>
        )}
        {hasKeysInGrace ? <li>Older keys already counting down keep their own end.</li> : null}
        <li>
          End users stay signed in: their sessions and tokens are untouched, as is the {other}.
        </li>
        <li>We email you at {ownerEmail}.</li>
      </ul>
    </div>
  );
}
