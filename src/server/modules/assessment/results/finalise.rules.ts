/**
 * Why a published period may not be finalised (定档) yet, as pure data: the server refuses with it
 * and the period view carries its message, so the 定档 button says why rather than failing on click.
 * seed 004 第四章第三条: results stand only once the appeal window has closed and every appeal is decided.
 */
import type { ErrorCode } from '../../../../common/error-codes.ts';
import { formatChineseDate } from '../../../../common/format.ts';

export interface FinaliseRefusal {
  code: Extract<ErrorCode, 'APPEAL_WINDOW_OPEN' | 'CONFLICT'>;
  message: string;
  details: Record<string, unknown>;
}

/**
 * The refusal for a published period on `today` (ISO), or null when it may be finalised.
 * `appealClosesOn` is the window's last day (inclusive); `pendingAppealIds` the undecided appeals.
 */
export function finaliseRefusal(
  appealClosesOn: string | null,
  pendingAppealIds: readonly number[],
  today: string,
): FinaliseRefusal | null {
  if (appealClosesOn && today <= appealClosesOn)
    return {
      code: 'APPEAL_WINDOW_OPEN',
      message: `申诉期至${formatChineseDate(appealClosesOn)}截止，截止后方可定档`,
      details: { appealClosesOn },
    };
  if (pendingAppealIds.length > 0)
    return {
      code: 'CONFLICT',
      message: `尚有 ${pendingAppealIds.length} 件申诉未作决定，不能定档`,
      details: { pending: [...pendingAppealIds] },
    };
  return null;
}
