export function AuthPageHeading({ title, description }: { title: string; description: string }) {
  return (
    <div className="mb-6 space-y-1">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{description}</p>
    </div>
  );
}
