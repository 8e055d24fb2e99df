import { formatDay } from '../../components/date-time.ts';
import { DeadlineTag } from '../workbench/deadline-tag.tsx';
import type { MatterView } from './supervision.api.ts';

type Due = MatterView['due'];

/** A due date as 2026年3月10日 with its 正常/临期/逾期 tag (computed by the server); '—' without one. */
export function DueTag({ due, prefix }: { due: Due; prefix?: string }) {
  if (!due) return <span>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {prefix}
      {formatDay(due.dueOn)} <DeadlineTag state={due.state} label={due.stateLabel} />
    </span>
  );
}
