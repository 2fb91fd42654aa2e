import type { AppError } from '../utils/result';
import { ErrorNotice } from './ErrorNotice';

export type DraftStatusProps = {
  /** The model drafting, when it is one (the offline engine answers at once). */
  model?: string;
  making: boolean;
  /** Characters streamed so far. */
  received: number;
  /** Said once to screen readers when a draft is ready. */
  announced?: string;
  error?: AppError;
  /** Text a model sent before a failure: shown, never thrown away. */
  partial?: string;
  onRetry?: () => void;
};

/** Progress while a model drafts, the announcement when a draft is ready, and a failure with what had arrived. */
export function DraftStatus({ model, making, received, announced, error, partial, onRetry }: DraftStatusProps) {
  return (
    <>
      <div aria-live="polite" className="live">
        {making && model ? (
          <p className="progress">
            Drafting with {model}… {received ? `${received} characters received` : 'waiting for the first words'}
          </p>
        ) : null}
        {!making && announced ? (
          <p className="visually-hidden" data-testid="draft-announced">
            {announced}
          </p>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {error && partial ? (
        <details open>
          <summary>What arrived before the failure</summary>
          <pre className="payload-text">{partial}</pre>
        </details>
      ) : null}
    </>
  );
}
