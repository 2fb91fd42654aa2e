import { taskCard, type Task, type TaskOptions } from '../utils/draft/schema';
import type { PreparedSend } from '../utils/pipeline/prepare';
import type { Result } from '../utils/result';
import type { Settings } from '../utils/settings/schema';
import { ErrorNotice } from './ErrorNotice';
import { PayloadPreview } from './PayloadPreview';
import { TaskPicker } from './TaskPicker';
import { groupThousands } from '../utils/numbers';

export type SendControlsProps = {
  settings: Settings;
  task: Task;
  taskOptions: TaskOptions;
  onTask: (task: Task) => void;
  onTaskOptions: (options: TaskOptions) => void;
  onDraft: () => void;
  /** Shown while a model drafts. */
  onCancel?: () => void;
  drafting: boolean;
  showPayload: boolean;
  onTogglePayload: () => void;
  /** What a model would be sent, once the de-identification worker answered. */
  prepared: Result<PreparedSend> | undefined;
  preparing: boolean;
  onRedact: (text: string) => void;
  onKeep: (original: string) => void;
  /** Drafting waits (the page read is not yet confirmed under the organisation's policy). */
  disabled?: boolean;
};

/** Choosing what to draft, drafting it, and seeing beforehand exactly what a model would be sent. */
export function SendControls(props: SendControlsProps) {
  const { settings, prepared, showPayload } = props;
  const budgeted = prepared?.ok ? prepared.value.budgeted : undefined;
  return (
    <>
      <TaskPicker task={props.task} options={props.taskOptions} onTask={props.onTask} onOptions={props.onTaskOptions} />
      <div className="actions">
        <button type="button" className="primary" onClick={props.onDraft} disabled={props.drafting || props.disabled}>
          {taskCard(props.task).action}
        </button>
        {props.drafting && props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="button" aria-expanded={showPayload} onClick={props.onTogglePayload}>
          {showPayload ? 'Hide what would be sent' : 'Preview what would be sent'}
        </button>
      </div>
      {budgeted?.omitted.length && (showPayload || settings.backend.engine === 'model') ? (
        <p className="small notice" role="status" data-testid="budget-omitted">
          To fit {groupThousands(settings.tokenBudget)} tokens, a model draft leaves out: {budgeted.omitted.join(', ')}.
        </p>
      ) : null}
      {showPayload && props.preparing ? (
        <p className="small muted" role="status" data-testid="preparing">
          Preparing what would be sent…
        </p>
      ) : null}
      {showPayload && prepared && !prepared.ok ? <ErrorNotice error={prepared.error} /> : null}
      {showPayload && prepared?.ok ? (
        <PayloadPreview
          payload={prepared.value.payload}
          datePolicy={settings.datePolicy}
          originalOf={(placeholder) => prepared.value.payload.book.originals.get(placeholder)}
          onRedact={props.onRedact}
          onKeep={props.onKeep}
        />
      ) : null}
    </>
  );
}
