/**
 * Writes a draft into the EHR page's text field — kept apart from the code that reads the page.
 * The field is the one the clinician chose: the page's focused field, or the last editable field
 * they clicked into. The text goes in at the cursor, with the events frameworks listen for; no
 * form is ever submitted.
 */

type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

export function isEditable(el: Element | null | undefined): el is Editable {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.disabled && !el.readOnly;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.disabled && !el.readOnly;
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * Remembers the last editable field the clinician focused (the panel takes focus when clicked).
 * `field()` is the field to write into; `stop()` removes the listener.
 */
export function trackEditableFocus(doc: Document): { field(): Editable | undefined; stop(): void } {
  let last: WeakRef<Editable> | undefined;
  const onFocus = (event: Event) => {
    const target = event.target as Element | null;
    if (isEditable(target)) last = new WeakRef(target);
  };
  doc.addEventListener('focusin', onFocus, true);
  return {
    field() {
      const active = doc.activeElement;
      if (isEditable(active)) return active;
      const remembered = last?.deref();
      return remembered?.isConnected ? remembered : undefined;
    },
    stop: () => doc.removeEventListener('focusin', onFocus, true),
  };
}

function describe(el: Editable): string {
  const label =
    el.getAttribute('aria-label') ||
    (el.id && el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent) ||
    el.getAttribute('placeholder') ||
    el.tagName.toLowerCase();
  return label.trim().slice(0, 60);
}

/** Inserts `text` at the cursor of `el` (replacing any selection); returns a name for the field. */
export function insertText(el: Editable, text: string): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    const next = el.value.slice(0, start) + text + el.value.slice(end);
    // The prototype's setter, not `el.value =`: React and similar frameworks track the value they set.
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, next);
    el.setSelectionRange(start + text.length, start + text.length);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    el.focus();
    const selection = el.ownerDocument.getSelection();
    const range =
      selection && selection.rangeCount && el.contains(selection.anchorNode) ? selection.getRangeAt(0) : undefined;
    const node = el.ownerDocument.createTextNode(text);
    if (range) {
      range.deleteContents();
      range.insertNode(node);
    } else el.append(node);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  return describe(el);
}
