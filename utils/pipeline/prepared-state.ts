/**
 * A preparation as plain data and back, for the trip from the de-identification worker to the panel. Apart from
 * prepare.ts so the panel, which only receives preparations, does not load the detectors that make them.
 */
import { PlaceholderBook } from '../deidentify/placeholders';
import type { PreparedState } from '../messaging';
import type { PreparedSend } from './prepare';

export function preparedToState(prepared: PreparedSend): PreparedState {
  const { book, ...payload } = prepared.payload;
  return { budgeted: prepared.budgeted, payload: { ...payload, book: book.toState() } };
}

export function preparedFromState(state: PreparedState): PreparedSend {
  return {
    budgeted: state.budgeted,
    payload: { ...state.payload, book: PlaceholderBook.fromState(state.payload.book) },
  };
}
