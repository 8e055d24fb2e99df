/**
 * Registers the training domain's compliance rules with the officers' compliance report (imported
 * once by training.routes.ts), so the page, its export and the to-dos judge by them too.
 */
import { findTrainingFacts, registerTrainingComplianceRule } from '../../officers/officers.public.ts';
import { findRequiredItemsOfYear } from '../plans/plans.repository.ts';
import { missingRequiredTraining, supervisionStaffShortfall } from './compliance.rules.ts';

registerTrainingComplianceRule(async (db, { year, today, officers }) => {
  const { items, sessions } = await findRequiredItemsOfYear(db, year);
  const required = items.map((item) => ({
    id: item.id,
    content: item.content,
    plannedMonth: item.planned_month,
    orgPath: item.org_path,
    sessionIds: sessions.filter((session) => session.plan_item_id === item.id).map((session) => session.id),
  }));
  const facts = await findTrainingFacts(
    db,
    officers.map((officer) => officer.officerId),
    year,
  );
  const shortfalls = new Map<number, string[]>();
  for (const officer of officers) {
    const fact = facts.get(officer.officerId) ?? { sessionIds: new Set<number>(), formalTrainings: 0 };
    shortfalls.set(officer.officerId, [
      ...missingRequiredTraining(
        { orgPath: officer.orgPath, sessionIds: fact.sessionIds },
        required,
        year,
        today,
      ),
      ...supervisionStaffShortfall(officer.isBureauStaff, fact.formalTrainings),
    ]);
  }
  return shortfalls;
});
