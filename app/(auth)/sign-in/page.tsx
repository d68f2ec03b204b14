import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TextLink } from "@/components/ui/text-link";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath, withNextPath } from "@/lib/auth/return-path";
import { getDeveloperSession } from "@/lib/auth/session";
import { AuthPageHeading } from "../auth-page-heading";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const next = safeNextPath((await searchParams).next);
  if (await getDeveloperSession()) redirect(next ?? DEFAULT_SIGNED_IN_PATH);

  return (
    <>
      <AuthPageHeading
        title="Sign in to Rekey"
        description={
          next ? "Sign in to continue where you left off." : "Manage your projects and API keys."
        }
      />
      <SignInForm next={next} />
      <p className="mt-6 text-sm text-slate-600">
        New to Rekey? <TextLink href={withNextPath("/sign-up", next)}>Create an account</TextLink>
      </p>
    </>
  );
}
