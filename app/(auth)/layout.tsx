import type { ReactNode } from "react";
import { Brand } from "@/components/layout/brand";

/** Sign-in and sign-up: one narrow card in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center px-4 py-12 sm:py-20">
      <Brand className="mb-8 text-lg" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
        {children}
      </div>
    </main>
  );
}
