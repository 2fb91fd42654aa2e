import { describe, expect, it, vi } from 'vitest';
import { insertText, isEditable, trackEditableFocus } from '../../utils/handback/insert';
import { draftToText } from '../../utils/handback/plain-text';

describe('insert into the page', () => {
  it('puts the text at the cursor of a textarea and fires the input and change events', () => {
    document.body.innerHTML = '<label for="r">Reply to patient</label><textarea id="r">Dear Maria,\n\nBest, Dr. W</textarea>';
    const box = document.getElementById('r') as HTMLTextAreaElement;
    box.setSelectionRange(12, 12);
    const events: string[] = [];
    box.addEventListener('input', () => events.push('input'));
    box.addEventListener('change', () => events.push('change'));
    expect(insertText(box, 'Your A1c improved.')).toBe('Reply to patient');
    expect(box.value).toBe('Dear Maria,\nYour A1c improved.\nBest, Dr. W');
    expect(events).toEqual(['input', 'change']);
  });

  it('writes into rich-text (contenteditable) fields too', () => {
    document.body.innerHTML = '<div contenteditable="true" aria-label="Note body"></div>';
    const div = document.querySelector('div')!;
    const onInput = vi.fn();
    div.addEventListener('input', onInput);
    expect(insertText(div, 'Plan: recheck A1c.')).toBe('Note body');
    expect(div.textContent).toBe('Plan: recheck A1c.');
    expect(onInput).toHaveBeenCalled();
  });

  it('remembers the last field the clinician clicked into, and ignores what cannot be written', () => {
    document.body.innerHTML = '<textarea id="a"></textarea><input id="b" type="checkbox"><textarea id="c" readonly></textarea>';
    const chosen = trackEditableFocus(document);
    const a = document.getElementById('a')!;
    a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    (document.activeElement as HTMLElement | null)?.blur?.();
    expect(chosen()).toBe(a);
    expect(isEditable(document.getElementById('b'))).toBe(false);
    expect(isEditable(document.getElementById('c'))).toBe(false);
  });
});

describe('a draft as plain text', () => {
  it('keeps headings and statements, drops citation ids', () => {
    const text = draftToText({
      task: 'summary', engine: 'offline', title: 'Chart summary',
      sections: [
        { heading: 'Synopsis', statements: [{ text: '68-year-old with diabetes.', cites: ['prob-1'] }] },
        { heading: 'Medications', statements: [{ text: 'Metformin 1000 mg PO twice daily', cites: ['med-1'] }, { text: 'Lisinopril 20 mg PO daily', cites: ['med-2'] }] },
      ],
    });
    expect(text).toBe('Synopsis\n- 68-year-old with diabetes.\n\nMedications\n- Metformin 1000 mg PO twice daily\n- Lisinopril 20 mg PO daily');
  });
});

describe('drafts kept for the browser session', () => {
  it('live in session storage per tab, never in local storage, and ignore anything malformed', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { clearDraft, loadDraft, saveDraft } = await import('../../utils/handback/draft-store');
    fakeBrowser.reset();
    const output = { task: 'summary' as const, engine: 'offline' as const, title: 't', sections: [] };
    await saveDraft(7, { output, text: 'Edited text' });
    expect(await loadDraft(7)).toMatchObject({ output, text: 'Edited text' });
    expect(await loadDraft(8)).toBeUndefined();
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    await fakeBrowser.storage.session.set({ 'draft:9': { output: 'garbage' } });
    expect(await loadDraft(9)).toBeUndefined();
    await clearDraft(7);
    expect(await loadDraft(7)).toBeUndefined();
  });
});
