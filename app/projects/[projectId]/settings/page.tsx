import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listKeysForProject } from "@/db/api-keys";
import { getDb } from "@/db/client";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";
import { buildKeyPanels } from "@/lib/settings/key-panel-view";
import { getKeyUsage } from "@/lib/usage/get-key-usage";

export const metadata: Metadata = { title: "Project settings" };

type SettingsPageProps = { params: Promise<{ projectId: string }> };

const KEYS_DESCRIPTION =
  "Rotate a key when it may have leaked. The new key works at once; the old one keeps " +
  "working for the grace period you choose, so nothing breaks while you deploy.";

export default async function SettingsPage({ params }: SettingsPageProps) {
  const { projectId } = await params;
  const { session, project } = await requireOwnedProject(projectId);

  const db = getDb();
  const [keys, usage] = await Promise.all([
    listKeysForProject(db, project.id),
    getKeyUsage(db, project.id),
  ]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <PageHeader title="Project settings" description="Keys and access for this project." />
      <Card title="API keys" titleId="api-keys-title" description={KEYS_DESCRIPTION}>
        <ApiKeysPanel
          project={{ id: project.id, name: project.name }}
          ownerEmail={session.developer.email}
          panels={buildKeyPanels(keys, usage, now)}
          renderedAt={now.getTime()}
        />
      </Card>
    </div>
  );
}
