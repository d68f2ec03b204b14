/**
 * Shows an email's HTML in a sandboxed frame: no scripts, no access to the dashboard's
 * origin. Links open in the whole window (a click is needed), as they would from a mail
 * client, so that following one lands on the real page.
 */
export function EmailPreview({ html, title }: { html: string; title: string }) {
  const srcDoc = html.replace(/<head>/i, '<head><base target="_top">');

  return (
    <iframe
      title={title}
      srcDoc={srcDoc}
      sandbox="allow-top-navigation-by-user-activation allow-popups"
      referrerPolicy="no-referrer"
      className="h-[34rem] w-full rounded-md border border-slate-200 bg-white"
    />
  );
}
