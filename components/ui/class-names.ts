/** Joins the class names that are set, so that variants can be switched off with false. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** The keyboard focus ring every interactive element shares. */
export const FOCUS_RING =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";
