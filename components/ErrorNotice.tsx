import type { AppError } from '../utils/result';

export type ErrorNoticeProps = {
  error: AppError;
  /** Offered as a "Try again" button when the action can simply be repeated. */
  onRetry?: () => void;
};

/** A clinician-readable error with the technical detail folded away for IT. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.detail ? (
        <details>
          <summary>Technical detail</summary>
          <code>
            {error.code}: {error.detail}
          </code>
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
