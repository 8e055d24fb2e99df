/** The units' written reports (落实情况书面报告) on notices or decisions, as views keyed by their owner. */
import type { Db } from '../../../db/database.ts';
import { findAttachmentsOf } from '../attachments/attachments.repository.ts';
import { attachmentsByOwner } from '../attachments/attachments.view.ts';
import { findRectifications } from './notices.repository.ts';
import type { RectificationView } from './notices.schema.ts';

export async function presentReports(
  db: Db,
  ownerIds: readonly number[],
  of: 'notice_id' | 'decision_id',
): Promise<Map<number, RectificationView[]>> {
  const reports = await findRectifications(db, ownerIds, of);
  const files = attachmentsByOwner(
    await findAttachmentsOf(
      db,
      'rectification',
      reports.map((report) => report.id),
    ),
  );
  const byOwner = new Map<number, RectificationView[]>();
  for (const report of reports) {
    const ownerId = report[of]!;
    const list = byOwner.get(ownerId) ?? [];
    list.push({
      id: report.id,
      content: report.content,
      submittedOn: report.submitted_on,
      state: report.state,
      reviewedOn: report.reviewed_on,
      returnReason: report.return_reason,
      attachments: files.get(report.id) ?? [],
    });
    byOwner.set(ownerId, list);
  }
  return byOwner;
}
