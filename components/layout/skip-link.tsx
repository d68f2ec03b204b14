/** Lets keyboard users jump past the navigation; visible only when focused. */
export function SkipLink({ target = "main" }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className={
        "sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 " +
        "focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      }
    >
      Skip to content
    </a>
  );
}
