/**
 * Further yearly training rules other domains add to the officers' compliance report (issue 20):
 * the training domain registers 专题培训 required by a plan (培训制度第七条(二)) and the supervision
 * staff's own training (协调监督办法第十九条). A registry, as the documents domain's kinds, so the
 * import graph stays one-way (training → officers) and the page, its export and the to-dos all
 * judge by the same rules.
 */
import type { Db } from '../../../db/database.ts';

/** One in-service officer being judged. */
export interface ComplianceSubject {
  officerId: number;
  orgPath: string;
  /** the officer's unit is the county justice bureau or one of its sections (协调监督队伍) */
  isBureauStaff: boolean;
}

/** Shortfalls (Chinese) per officer id; officers it does not name have none. */
export type TrainingComplianceRule = (
  db: Db,
  input: { year: number; today: string; officers: readonly ComplianceSubject[] },
) => Promise<Map<number, string[]>>;

const rules: TrainingComplianceRule[] = [];

/** Called once by the owning domain at import time. */
export function registerTrainingComplianceRule(rule: TrainingComplianceRule): void {
  if (!rules.includes(rule)) rules.push(rule);
}

/** Every registered rule's shortfalls, merged per officer in registration order. */
export async function applyTrainingComplianceRules(
  db: Db,
  input: { year: number; today: string; officers: readonly ComplianceSubject[] },
): Promise<Map<number, string[]>> {
  const merged = new Map<number, string[]>();
  if (input.officers.length === 0) return merged;
  for (const rule of rules) {
    for (const [officerId, shortfalls] of await rule(db, input)) {
      if (shortfalls.length === 0) continue;
      merged.set(officerId, [...(merged.get(officerId) ?? []), ...shortfalls]);
    }
  }
  return merged;
}
