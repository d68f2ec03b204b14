import { SubmitButton } from "@/components/ui/submit-button";
import { Brand } from "./brand";

type TopBarProps = {
  email: string;
  /** The sign-out server action; passed in so that this component stays free of routes. */
  signOutAction: () => Promise<void>;
};

/** The signed-in header: the product, who is signed in, and the way out. */
export function TopBar({ email, signOutAction }: TopBarProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
        <Brand />
        <div className="flex min-w-0 items-center gap-3">
          <p className="min-w-0 truncate text-sm text-slate-600" title={email}>
            <span className="sr-only">Signed in as </span>
            {email}
          </p>
          <form action={signOutAction}>
            <SubmitButton variant="secondary" size="sm" pendingLabel="Signing out…">
              Sign out
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
