import type { ButtonHTMLAttributes } from "react";
import { cx, FOCUS_RING } from "./class-names";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-slate-900 text-white shadow-sm hover:bg-slate-700",
  secondary: "border border-slate-300 bg-white text-slate-900 shadow-sm hover:bg-slate-100",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-red-700",
  ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  md: "h-10 gap-2 px-4 text-sm",
};

type ButtonStyle = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** Button looks for other elements too, such as a Link that reads as a button. */
export function buttonClassName({ variant = "primary", size = "md", className }: ButtonStyle = {}) {
  return cx(
    "inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap",
    "transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    FOCUS_RING,
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  ButtonStyle & {
    /** Disables the button and shows a spinner while its work runs. */
    pending?: boolean;
    /** Replaces the label while pending, such as "Creating…". */
    pendingLabel?: string;
  };

export function Button({
  variant,
  size,
  className,
  pending = false,
  pendingLabel,
  disabled,
  type = "button",
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClassName({ variant, size, className })}
    >
      {pending ? <Spinner /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
