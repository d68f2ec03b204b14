"use client";

import { ToastProvider } from "@/components/ui/toast";
import type { KeyPanelView } from "@/lib/settings/key-panel-view";
import { ClockProvider } from "./clock";
import { KeyTypeSection } from "./key-type-section";

type ApiKeysPanelProps = {
  project: { id: string; name: string };
  ownerEmail: string;
  panels: KeyPanelView[];
  /** The server's clock when it rendered the page, in milliseconds. */
  renderedAt: number;
};

/** The API keys card's content: one section per key type, sharing a clock and toasts. */
export function ApiKeysPanel({ project, ownerEmail, panels, renderedAt }: ApiKeysPanelProps) {
  return (
    <ToastProvider>
      <ClockProvider startedAt={renderedAt}>
        <div className="divide-y divide-slate-200">
          {panels.map((panel) => (
            <KeyTypeSection
              key={panel.type}
              project={project}
              ownerEmail={ownerEmail}
              panel={panel}
            />
          ))}
        </div>
      </ClockProvider>
    </ToastProvider>
  );
}
