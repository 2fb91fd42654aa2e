import { useMemo } from 'react';
import { findItem, type ItemLocation, type PatientRecord } from '../utils/record/schema';
import { findPlantedInstructions } from '../utils/verify/injection';

export type PlantedInstructionsNoteProps = {
  record: PatientRecord;
  onShow?: (where: ItemLocation) => void;
};

/** Text on the page addressed to an AI: said plainly, so the clinician knows why a draft may be flagged. */
export function PlantedInstructionsNote({ record, onShow }: PlantedInstructionsNoteProps) {
  const planted = useMemo(() => findPlantedInstructions(record), [record]);
  if (!planted.length) return null;
  return (
    <div className="notice notice-warn small" role="status" data-testid="planted-instructions">
      <p>
        This page contains text addressed to an AI. Chartside treats it as part of the chart, never as instructions, and
        flags any draft that repeats it:
      </p>
      <ul>
        {planted.slice(0, 3).map((p) => (
          <li key={`${p.itemId}:${p.text}`}>
            “{p.text.slice(0, 140)}” (
            <button
              type="button"
              className="linklike-small"
              disabled={!onShow}
              onClick={() => {
                const found = findItem(record, p.itemId);
                if (found) onShow?.(found.item);
              }}
            >
              {p.itemId}
            </button>
            )
          </li>
        ))}
      </ul>
    </div>
  );
}
