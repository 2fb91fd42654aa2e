import { useEffect, useState } from 'react';
import {
  hasSiteAccess,
  removeSiteAccess,
  requestSiteAccess,
  sitePattern,
  type PermissionsApi,
} from '../utils/site-access';

export type SiteAccessProps = {
  /** The chart page's address; its site is what would be granted. */
  pageUrl: string;
  permissions: PermissionsApi;
};

/** "Always allow on this site" / "Stop always allowing": one EHR origin, never all sites. */
export function SiteAccess({ pageUrl, permissions }: SiteAccessProps) {
  const [granted, setGranted] = useState<boolean | undefined>();
  const [refused, setRefused] = useState(false);
  // The grant covers the whole host, every port: name the host alone.
  const host = (() => {
    try {
      return new URL(pageUrl).hostname;
    } catch {
      return pageUrl;
    }
  })();

  useEffect(() => {
    let live = true;
    hasSiteAccess(permissions, pageUrl).then(
      (value) => live && setGranted(value),
      () => live && setGranted(false),
    );
    return () => {
      live = false;
    };
  }, [pageUrl, permissions]);

  if (!sitePattern(pageUrl) || granted === undefined) return null;
  return (
    <p className="site-access small">
      {granted ? (
        <>
          Chartside can read <strong>{host}</strong> without the toolbar button.{' '}
          <button
            type="button"
            className="linklike-small"
            onClick={() => void removeSiteAccess(permissions, pageUrl).then((removed) => removed && setGranted(false))}
          >
            Stop always allowing
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="linklike-small"
            onClick={() =>
              // Called straight from the click: the browser shows its own permission prompt.
              void requestSiteAccess(permissions, pageUrl)
                .catch(() => false)
                .then((ok) => {
                  setGranted(ok);
                  setRefused(!ok);
                })
            }
          >
            Always allow on {host}
          </button>
          {refused ? <span className="muted"> — not allowed; the toolbar button still works.</span> : null}
        </>
      )}
    </p>
  );
}
