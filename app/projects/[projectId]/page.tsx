import type { Metadata } from "next";
import { CollectionsCard } from "@/components/collections/collections-card";
import { KeyUsageCard } from "@/components/keys/key-usage-card";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { MaskedKey } from "@/components/ui/masked-key";
import { PageHeader } from "@/components/ui/page-header";
import { type ApiKey, listCurrentKeysForProject } from "@/db/api-keys";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { KEY_TYPES, type KeyType } from "@/lib/keys/key-format";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

export const metadata: Metadata = { title: "Project overview" };

type OverviewPageProps = { params: Promise<{ projectId: string }> };

export default async function ProjectOverviewPage({ params }: OverviewPageProps) {
  const { projectId } = await params;
  const { project } = await requireOwnedProject(projectId);
  const keys = await listCurrentKeysForProject(getDb(), project.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description={
          <>
            Created <DateTime value={project.createdAt} />
          </>
        }
      />
      <ApiKeysCard keys={keys} />
      <QuickstartCard apiUrl={env().APP_URL} />
      {/* Other features mount their overview sections (key usage, collections) below. */}
      <KeyUsageCard projectId={project.id} />
      <CollectionsCard projectId={project.id} />
    </div>
  );
}

const KEY_VALUE_CLASS =
  "block min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-slate-50 " +
  "px-3 py-2 font-mono text-sm";

const KEY_DESCRIPTIONS: Record<KeyType, { label: string; role: string }> = {
  publishable: { label: "Publishable key", role: "Reads data. Safe in browsers and apps." },
  secret: { label: "Secret key", role: "Reads and writes. Keep it on your servers." },
};

const KEYS_DESCRIPTION =
  "Send a key in the x-api-key header. The publishable key is public by design and stays " +
  "visible; the secret key was shown once, when it was created, and only its prefix and " +
  "last four characters are kept.";

function ApiKeysCard({ keys }: { keys: ApiKey[] }) {
  return (
    <Card title="API keys" titleId="api-keys-title" description={KEYS_DESCRIPTION}>
      <dl className="divide-y divide-slate-200">
        {KEY_TYPES.map((type) => {
          const key = keys.find((candidate) => candidate.type === type);
          return key ? <KeyRow key={type} apiKey={key} /> : null;
        })}
      </dl>
    </Card>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { label, role } = KEY_DESCRIPTIONS[apiKey.type];
  return (
    <div className="grid gap-2 py-4 first:pt-0 last:pb-0 sm:grid-cols-[14rem_1fr] sm:gap-6">
      <dt>
        <p className="text-sm font-medium text-slate-900">{label}</p>
        <p className="text-sm text-slate-600">{role}</p>
      </dt>
      <dd className="space-y-1">
        {apiKey.publicValue ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className={KEY_VALUE_CLASS}>{apiKey.publicValue}</code>
            <CopyButton value={apiKey.publicValue} what="publishable key" />
          </div>
        ) : (
          <MaskedKey prefix={apiKey.prefix} lastFour={apiKey.lastFour} />
        )}
        <p className="text-sm text-slate-600">
          Created <DateTime value={apiKey.createdAt} />
        </p>
      </dd>
    </div>
  );
}

const QUICKSTART_DESCRIPTION =
  "Keep your keys in environment variables, then call the API with the @urbackend/sdk " +
  "client or over plain HTTP. The examples use a todos collection: create it under " +
  "Collections below first.";

function QuickstartCard({ apiUrl }: { apiUrl: string }) {
  const sdk = [
    'import urBackend from "@urbackend/sdk";',
    "",
    "const rekey = urBackend({",
    "  apiKey: process.env.REKEY_SECRET_KEY,",
    `  baseUrl: "${apiUrl}",`,
    "});",
    "",
    'await rekey.db.insert("todos", { title: "Ship it" });',
    'const todos = await rekey.db.getAll("todos", { limit: 10 });',
  ].join("\n");
  const curl = [
    `curl ${apiUrl}/api/data/todos \\`,
    '  -H "x-api-key: $REKEY_PUBLISHABLE_KEY"',
  ].join("\n");

  return (
    <Card title="Quickstart" titleId="quickstart-title" description={QUICKSTART_DESCRIPTION}>
      <div className="space-y-5">
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-slate-900">Write and read from your server</h3>
          <CodeBlock code={sdk} what="SDK example" />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-slate-900">Read with the publishable key</h3>
          <CodeBlock code={curl} what="curl example" />
        </div>
      </div>
    </Card>
  );
}
