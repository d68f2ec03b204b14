"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";

type DialogFrameProps = Omit<ComponentProps<typeof Dialog.Content>, "title"> & {
  title: string;
  description: ReactNode;
  children: ReactNode;
};

/**
 * A confirmation dialog's overlay and panel. Radix traps focus inside it, closes it on
 * Escape and hides the rest of the page from screen readers while it is open. On narrow
 * screens it fills the width and scrolls within the viewport.
 */
export function DialogFrame({
  title,
  description,
  children,
  className,
  ...content
}: DialogFrameProps) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
      <Dialog.Content
        {...content}
        className={cx(
          "fixed inset-x-3 top-1/2 z-50 mx-auto max-h-[calc(100dvh-1.5rem)] max-w-xl",
          "-translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl sm:p-6",
          "focus:outline-none",
          className,
        )}
      >
        <Dialog.Title className="pr-6 text-lg font-semibold break-words text-slate-900">
          {title}
        </Dialog.Title>
        <Dialog.Description asChild>
          <div className="mt-1 text-sm text-slate-600">{description}</div>
        </Dialog.Description>
        <div className="mt-5">{children}</div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

type ConfirmButton = {
  label: string;
  pendingLabel: string;
  variant: "primary" | "danger";
  disabled?: boolean;
};

type DialogButtonsProps = {
  pending: boolean;
  /** Left out when there is nothing left to confirm: only the way out remains. */
  confirm: ConfirmButton | null;
  cancelLabel?: string;
};

/**
 * Cancel and the submit button, side by side at the end, stacked with the main one on top on
 * phones. While the action runs neither can be used: closing then would lose its answer.
 */
export function DialogButtons({ pending, confirm, cancelLabel = "Cancel" }: DialogButtonsProps) {
  return (
    <div
      className={cx(
        "flex flex-col-reverse gap-2 border-t border-slate-200 pt-4",
        "sm:flex-row sm:justify-end",
      )}
    >
      <Dialog.Close asChild>
        <Button variant="secondary" disabled={pending}>
          {cancelLabel}
        </Button>
      </Dialog.Close>
      {confirm ? (
        <Button
          type="submit"
          variant={confirm.variant}
          disabled={confirm.disabled}
          pending={pending}
          pendingLabel={confirm.pendingLabel}
        >
          {confirm.label}
        </Button>
      ) : null}
    </div>
  );
}
