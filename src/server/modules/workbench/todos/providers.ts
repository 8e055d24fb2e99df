/**
 * THE provider registry: every domain that has to-dos appends its `<domain>.todos.ts` provider to
 * this one list (one line each); the workbench gathers from nothing else.
 */
import { assessmentTodos } from '../../assessment/assessment.todos.ts';
import { casesTodos } from '../../cases/cases.todos.ts';
import { coordinationTodos } from '../../coordination/coordination.todos.ts';
import { documentsTodoProvider } from '../../documents/documents.todos.ts';
import { officersTodos } from '../../officers/officers.todos.ts';
import { reviewsTodos } from '../../reviews/reviews.todos.ts';
import { supervisionTodos } from '../../supervision/supervision.todos.ts';
import { unitsTodos } from '../../units/units.todos.ts';
import { annualReportTodos } from '../annual-report/annual-report.todos.ts';
import type { TodoProvider } from '../workbench.types.ts';

export const TODO_PROVIDERS: readonly TodoProvider[] = [
  casesTodos,
  officersTodos,
  assessmentTodos,
  documentsTodoProvider,
  supervisionTodos,
  coordinationTodos,
  reviewsTodos,
  annualReportTodos,
  unitsTodos,
];
