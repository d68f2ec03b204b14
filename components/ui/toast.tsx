"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { cx, FOCUS_RING } from "./class-names";

export type ToastTone = "success" | "error";
export type ToastMessage = { tone: ToastTone; title: string; description?: string };
type Toast = ToastMessage & { id: number };

// Enough to show what just happened without burying the page; older ones make room.
const MAX_TOASTS = 3;

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

/** `notify` shows a toast: successes are announced politely, errors at once. */
export function useToast(): (message: ToastMessage) => void {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error("useToast needs a ToastProvider above it");
  return notify;
}

/**
 * Holds the page's toasts. They stay until dismissed or pushed out by newer ones, rather
 * than fading on a timer, so that nobody has to read them in time.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const notify = useCallback((message: ToastMessage) => {
    const toast = { ...message, id: nextId.current++ };
    setToasts((shown) => [...shown, toast].slice(-MAX_TOASTS));
  }, []);

  const dismiss = useCallback((id: number) => {
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  return (
    <ToastContext value={notify}>
      {children}
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </ToastContext>
  );
}

type ViewportProps = { toasts: Toast[]; onDismiss: (id: number) => void };

// Both live regions are always in the page, empty or not: screen readers only announce
// changes to regions that already existed.
function ToastViewport({ toasts, onDismiss }: ViewportProps) {
  const list = (tone: ToastTone) =>
    toasts
      .filter((toast) => toast.tone === tone)
      .map((toast) => <ToastCard key={toast.id} toast={toast} onDismiss={onDismiss} />);

  return (
    <div
      className={cx(
        "pointer-events-none fixed inset-x-4 bottom-4 z-[60] flex flex-col gap-2",
        "sm:right-6 sm:left-auto sm:w-96",
      )}
    >
      <div role="alert" aria-live="assertive" className="flex flex-col gap-2">
        {list("error")}
      </div>
      <div role="status" aria-live="polite" className="flex flex-col gap-2">
        {list("success")}
      </div>
    </div>
  );
}

const TONES: Record<ToastTone, string> = {
  success: "border-emerald-600 bg-white text-slate-900",
  error: "border-red-700 bg-red-50 text-red-950",
};

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div
      className={cx(
        "pointer-events-auto flex items-start gap-3 rounded-md border border-l-4 px-4 py-3",
        "text-sm shadow-lg",
        TONES[toast.tone],
      )}
    >
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-semibold">{toast.title}</p>
        {toast.description ? <p className="text-slate-700">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className={cx(
          "-m-1 rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          FOCUS_RING,
        )}
      >
        <span className="sr-only">Dismiss: {toast.title}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none">
          <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
    </div>
  );
}
