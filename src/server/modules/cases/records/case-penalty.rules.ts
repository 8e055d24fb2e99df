/**
 * What a case's penalty fields must satisfy (行政执法数据年报, issue 17): penalty types only on a
 * 行政处罚 case (《行政处罚法》第九条), a fined sum exactly when 罚款 is among them and a confiscated
 * sum exactly when 没收 is. Pure: the service passes the case as it will be after the write.
 */
import type { PenaltyType } from '../../../../common/penalties.ts';
import type { CaseKind } from '../../../db/schema.ts';
import type { FieldProblem } from '../../../lib/errors.ts';

export interface CasePenaltyFields {
  kind: CaseKind;
  penaltyTypes: readonly PenaltyType[];
  /** yuan; null = none recorded */
  fineAmount: number | null;
  confiscatedAmount: number | null;
}

/** The field problems of a case's penalty fields; [] when they are consistent. */
export function penaltyProblems(fields: CasePenaltyFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const types = new Set(fields.penaltyTypes);
  if (fields.kind !== 'penalty' && types.size > 0)
    problems.push({ field: 'penaltyTypes', message: '只有行政处罚案件才填写处罚种类' });
  if (types.has('fine') && !(fields.fineAmount !== null && fields.fineAmount > 0))
    problems.push({ field: 'fineAmount', message: '处罚种类含罚款时请填写罚款金额（大于 0 元）' });
  if (!types.has('fine') && fields.fineAmount !== null)
    problems.push({ field: 'fineAmount', message: '处罚种类不含罚款时不填罚款金额' });
  if (types.has('confiscation') && !(fields.confiscatedAmount !== null && fields.confiscatedAmount > 0))
    problems.push({ field: 'confiscatedAmount', message: '处罚种类含没收时请填写没收金额（大于 0 元）' });
  if (!types.has('confiscation') && fields.confiscatedAmount !== null)
    problems.push({ field: 'confiscatedAmount', message: '处罚种类不含没收时不填没收金额' });
  return problems;
}
