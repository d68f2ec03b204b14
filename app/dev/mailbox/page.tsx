import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MailboxMessage } from "@/components/email/mailbox-message";
import { Brand } from "@/components/layout/brand";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/db/client";
import { listMailboxMessages } from "@/db/email-messages";
import { requireDeveloper } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Mailbox" };

const DESCRIPTION =
  "Emails the local transport delivered to you, newest first. This page exists only while " +
  "EMAIL_TRANSPORT is local.";

export default async function MailboxPage() {
  // Decided per request: the same build may run with either transport.
  await connection();
  if (env().EMAIL_TRANSPORT !== "local") notFound();

  const { developer } = await requireDeveloper("/dev/mailbox");
  const messages = await listMailboxMessages(getDb(), { recipient: developer.email });

  return (
    <main id="main" className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8 sm:px-6">
      <div className="flex items-center justify-between gap-3">
        <Brand />
        <TextLink href="/projects" className="text-sm">
          Back to projects
        </TextLink>
      </div>
      <PageHeader title="Mailbox" description={DESCRIPTION} />
      {messages.length === 0 ? (
        <Alert tone="info">No emails for {developer.email} yet.</Alert>
      ) : (
        messages.map((message) => <MailboxMessage key={message.id} message={message} />)
      )}
    </main>
  );
}
