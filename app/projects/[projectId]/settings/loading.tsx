import { Spinner } from "@/components/ui/spinner";

export default function SettingsLoading() {
  return (
    <div role="status" className="flex items-center gap-2 py-10 text-sm text-slate-600">
      <Spinner />
      Loading the project&apos;s keys…
    </div>
  );
}
