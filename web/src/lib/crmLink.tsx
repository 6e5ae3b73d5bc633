/**
 * A CRM link's title as a link to the CRM (docs/design.md, "CRM links"): the server gives `url` from the workspace's
 * template; without one, or for anything but http(s), the title is plain text. Opens in a new tab without handing
 * the CRM this page (noopener noreferrer).
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function CrmLinkTitle({ title, url }: { title: string; url?: string | null }) {
  const href = safeHttpUrl(url);
  return href
    ? <a href={href} target="_blank" rel="noopener noreferrer"><bdi>{title}</bdi></a>
    : <bdi>{title}</bdi>;
}
