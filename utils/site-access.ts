/**
 * Always-on access to one EHR site. By default Chartside reads a tab only after the toolbar click
 * (activeTab), and the grant ends when the tab navigates. A clinician who works in one EHR all day
 * may grant that site instead: an optional host permission for exactly its origin, revocable.
 */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** The match pattern for a page's site, or undefined for pages that cannot be granted. */
export function sitePattern(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

export async function hasSiteAccess(api: PermissionsApi, pageUrl: string): Promise<boolean> {
  const pattern = sitePattern(pageUrl);
  return pattern ? api.contains({ origins: [pattern] }) : false;
}

/** Must run inside the clinician's click: browsers ask for permission only in a user gesture. */
export function requestSiteAccess(api: PermissionsApi, pageUrl: string): Promise<boolean> {
  const pattern = sitePattern(pageUrl);
  return pattern ? api.request({ origins: [pattern] }) : Promise.resolve(false);
}

export async function removeSiteAccess(api: PermissionsApi, pageUrl: string): Promise<boolean> {
  const pattern = sitePattern(pageUrl);
  return pattern ? api.remove({ origins: [pattern] }) : false;
}
