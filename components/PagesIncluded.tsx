import type { RecordPage } from '../utils/record/schema';

export type PagesIncludedProps = {
  pages: RecordPage[];
  /** The page the tab shows now (the newest one read): items on it can be shown. */
  currentDocumentId?: string;
  /** Opens one of the pages in the chart tab. */
  onOpen?: (page: RecordPage) => void;
};

/** The pages a record was assembled from (Add this page), so the clinician knows what the draft drew on. */
export function PagesIncluded({ pages, currentDocumentId, onOpen }: PagesIncludedProps) {
  if (pages.length < 2) return null;
  return (
    <nav className="small pages-included" aria-label="Pages in this record" data-testid="pages-included">
      Read from {pages.length} pages of this chart:{' '}
      {pages.map((page, index) => (
        <span key={page.documentId}>
          {index ? ' · ' : ''}
          {page.documentId === currentDocumentId ? (
            <strong aria-current="page">{page.label} (open now)</strong>
          ) : (
            <button
              type="button"
              className="linklike-small"
              onClick={() => onOpen?.(page)}
              disabled={!onOpen}
              title={page.url}
            >
              {page.label}
            </button>
          )}
        </span>
      ))}
    </nav>
  );
}

export type ElsewhereNoticeProps = {
  /** The page the item the clinician asked to see is on. */
  page: RecordPage;
  onOpen: (page: RecordPage) => void;
  onDismiss: () => void;
};

/**
 * An item read from another page of the chart cannot be outlined on the page open now: said plainly,
 * with the way to get there, instead of failing.
 */
export function ElsewhereNotice({ page, onOpen, onDismiss }: ElsewhereNoticeProps) {
  return (
    <div className="notice small" role="status" data-testid="elsewhere-notice">
      <p>
        That item is on the <strong>{page.label}</strong> page of this chart, not the page open now.{' '}
        <button type="button" className="linklike-small" onClick={() => onOpen(page)}>
          Open the {page.label} page
        </button>{' '}
        — then choose “Add this page” to show items on it again.{' '}
        <button type="button" className="linklike-small" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
