/**
 * De-identification off the panel's main thread: a dedicated worker that runs the pipeline's
 * preparation (token budget → de-identify → leak findings) on the record it is sent, so a chart of
 * two million characters never freezes the panel. It has no network and no extension APIs.
 */
import { PrepareRequestSchema, type PrepareResponse } from '../messaging';
import { describeUnknownError, fail, ok } from '../result';
import { prepareSend } from './prepare';
import { preparedToState } from './prepared-state';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage: (message: PrepareResponse) => void;
};

scope.onmessage = (event: MessageEvent) => {
  const id = typeof event.data?.id === 'number' ? event.data.id : -1;
  const request = PrepareRequestSchema.safeParse(event.data);
  if (!request.success) {
    scope.postMessage({
      id,
      result: fail(
        'internal',
        'Chartside could not prepare this record for sending. Read the page again.',
        request.error.message,
      ),
    });
    return;
  }
  try {
    const prepared = prepareSend(request.data.record, request.data.settings);
    scope.postMessage({ id, result: prepared.ok ? ok(preparedToState(prepared.value)) : prepared });
  } catch (error) {
    // Fail closed: an unexpected error prepares nothing, so nothing can be sent.
    scope.postMessage({
      id,
      result: fail(
        'internal',
        'Chartside could not prepare this record for sending, so nothing was sent. Read the page again.',
        describeUnknownError(error),
      ),
    });
  }
};
