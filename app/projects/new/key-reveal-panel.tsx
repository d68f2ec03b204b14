"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { projectPath } from "@/components/layout/project-nav";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { CopyableValue } from "@/components/ui/copyable-value";
import type { KeyType } from "@/lib/keys/key-format";

type KeyRevealPanelProps = {
  project: { id: string };
  keys: Record<KeyType, string>;
};

/** The only place the new keys are ever shown in full. */
export function KeyRevealPanel({ project, keys }: KeyRevealPanelProps) {
  const panel = useRef<HTMLElement>(null);

  // The form this replaces had focus; move it here so the warning is read out first.
  useEffect(() => panel.current?.focus(), []);

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby="key-reveal-title"
      className={cx(
        "max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm",
        "focus:outline-none sm:p-6",
      )}
    >
      <h2 id="key-reveal-title" className="text-base font-semibold text-slate-900">
        Your API keys
      </h2>
      <Alert tone="warning" title="You will not see the secret key again">
        Copy both keys now. Store the secret key somewhere safe, such as your server&apos;s
        environment or a secrets manager. If it is lost or leaks, rotate it to get a new one.
      </Alert>
      <CopyableValue
        label="Publishable key"
        value={keys.publishable}
        what="publishable key"
        hint="Safe in browsers and mobile apps: it can read data."
      />
      <CopyableValue
        label="Secret key"
        value={keys.secret}
        what="secret key"
        hint="For your servers only: it can read and write data. Never ship it to a browser."
      />
      <div className="border-t border-slate-200 pt-5">
        <Link href={projectPath(project.id)} className={buttonClassName()}>
          Continue to the project
        </Link>
      </div>
    </section>
  );
}
