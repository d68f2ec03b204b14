"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

const ClockContext = createContext<number | null>(null);

/**
 * One clock for the page, ticking on each whole second, so that every countdown and "last
 * used" on it moves together. It starts from the server's render time so that the first
 * render in the browser matches the server's HTML exactly.
 */
export function ClockProvider({ startedAt, children }: { startedAt: number; children: ReactNode }) {
  const [now, setNow] = useState(startedAt);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    tick();
    return () => clearTimeout(timer);
  }, []);

  return <ClockContext value={now}>{children}</ClockContext>;
}

/** The page clock's current time, in milliseconds since the epoch. */
export function useNow(): number {
  const now = useContext(ClockContext);
  if (now === null) throw new Error("useNow needs a ClockProvider above it");
  return now;
}
