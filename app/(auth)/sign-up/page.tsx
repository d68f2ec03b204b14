import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TextLink } from "@/components/ui/text-link";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath, withNextPath } from "@/lib/auth/return-path";
import { getDeveloperSession } from "@/lib/auth/session";
import { AuthPageHeading } from "../auth-page-heading";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

type SignUpPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const next = safeNextPath((await searchParams).next);
  if (await getDeveloperSession()) redirect(next ?? DEFAULT_SIGNED_IN_PATH);

  return (
    <>
      <AuthPageHeading
        title="Create your account"
        description="Projects, data and API keys you can rotate without downtime."
      />
      <SignUpForm next={next} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account? <TextLink href={withNextPath("/sign-in", next)}>Sign in</TextLink>
      </p>
    </>
  );
}
