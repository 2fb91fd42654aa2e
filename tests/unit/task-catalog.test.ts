/** The task catalog and the engines agree: every task named has its definition, and only those. */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TASK_CATALOG, TASKS, TaskSchema, taskCard } from '../../utils/draft/tasks/catalog';
import { TASK_DEFINITIONS } from '../../utils/draft/tasks';

describe('task catalog', () => {
  it('names each task once, in the order the panel lists them, each with its engines', () => {
    expect(TASKS[0]).toBe('summary'); // the panel's default choice, listed first
    expect(new Set(TASKS).size).toBe(TASKS.length);
    expect(Object.keys(TASK_DEFINITIONS).sort()).toEqual([...TASKS].sort());
    for (const task of TASKS) expect(TASK_DEFINITIONS[task].model.version).toMatch(new RegExp(`^${task}-v\\d+$`));
  });

  it('gives every task a label, an action and what its drafts must not leave out', () => {
    for (const card of TASK_CATALOG) {
      expect(taskCard(card.name)).toBe(card);
      expect(card.label).not.toBe('');
      expect(card.action).not.toBe('');
      expect(card.mustMention.length).toBeGreaterThan(0);
    }
    expect(taskCard('reply').mustMention).toEqual(['reason']);
  });

  it('refuses a task name it does not list', () => {
    expect(TaskSchema.safeParse('discharge').success).toBe(false);
    expect(TaskSchema.safeParse('summary').success).toBe(true);
  });

  it('stays light: it loads no drafting code, so the page agent and the panel do not either', () => {
    // Every import and re-export, as the compiler reads them; type-only ones are erased from the bundle.
    const file = ts.createSourceFile(
      'catalog.ts',
      readFileSync('utils/draft/tasks/catalog.ts', 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const runtime = file.statements.flatMap((s) =>
      (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) || (ts.isExportDeclaration(s) && !s.isTypeOnly)
        ? [(s.moduleSpecifier as ts.StringLiteral | undefined)?.text]
        : [],
    );
    expect(runtime).toEqual(['zod']);
  });
});
