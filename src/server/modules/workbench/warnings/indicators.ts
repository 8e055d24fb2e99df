/**
 * THE indicator registry: every domain that watches deadlines appends its `<domain>.todos.ts`
 * indicators here (one line each). A county's warning rules name these codes.
 */
import { casesIndicators } from '../../cases/cases.todos.ts';
import { coordinationWarningIndicators } from '../../coordination/coordination.todos.ts';
import { officersIndicators } from '../../officers/officers.todos.ts';
import { reviewsIndicators } from '../../reviews/reviews.todos.ts';
import { supervisionWarnings } from '../../supervision/supervision.todos.ts';
import { unitsIndicators } from '../../units/units.todos.ts';
import { annualReportOverdue } from '../annual-report/annual-report.todos.ts';
import type { WarningIndicator } from '../workbench.types.ts';

export const WARNING_INDICATORS: readonly WarningIndicator[] = [
  ...casesIndicators,
  ...officersIndicators,
  ...supervisionWarnings,
  ...coordinationWarningIndicators,
  ...reviewsIndicators,
  annualReportOverdue,
  ...unitsIndicators,
];

export function indicatorByCode(code: string): WarningIndicator | undefined {
  return WARNING_INDICATORS.find((indicator) => indicator.code === code);
}
