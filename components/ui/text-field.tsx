import type { InputHTMLAttributes, LabelHTMLAttributes } from "react";
import { cx } from "./class-names";

export function Label({ className, ...rest }: LabelHTMLAttributes<HTMLLabelElement>) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor through the props
    <label {...rest} className={cx("block text-sm font-medium text-slate-900", className)} />
  );
}

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      {...rest}
      className={cx(
        "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-base",
        "text-slate-900 shadow-sm placeholder:text-slate-500 sm:text-sm",
        "focus:border-slate-900 focus:outline-2 focus:outline-offset-0 focus:outline-slate-900/20",
        "aria-invalid:border-red-700 aria-invalid:focus:outline-red-700/20",
        "disabled:cursor-not-allowed disabled:bg-slate-100",
        className,
      )}
    />
  );
}

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  /** Shown under the field and announced with it; marks the field invalid. */
  error?: string | null;
  hint?: string;
};

/**
 * A labelled text input. The hint sits under the label and the error under the input, both
 * tied to the input with aria-describedby, the error first so that it is read first.
 */
export function TextField({ name, label, error, hint, id, className, ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");

  return (
    <div className={cx("space-y-1.5", className)}>
      <Label htmlFor={fieldId}>{label}</Label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <Input
        {...input}
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={errorId} className="flex gap-1.5 text-sm text-red-700">
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function ErrorIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0">
      <circle cx="10" cy="10" r="8" fill="currentColor" />
      <path d="M10 5.5v5" stroke="white" strokeWidth="1.75" strokeLinecap="round" />
      <circle cx="10" cy="13.75" r="1" fill="white" />
    </svg>
  );
}
