/**
 * The officer's 奖惩记录 (seed 000 奖惩记录表) shows supervision's misconduct findings in force:
 * registered with the officers domain at import time (supervision.routes.ts imports this file).
 */
import { registerRewardPunishmentSource } from '../../officers/officers.public.ts';
import { findMisconductFindingsOfOfficer } from '../supervision.public.ts';

registerRewardPunishmentSource(async (db, officerId) =>
  (await findMisconductFindingsOfOfficer(db, officerId)).map((finding) => ({
    date: finding.foundOn,
    column: finding.column,
    category: finding.kindLabel,
    content: finding.description,
    basis: finding.basisNumber,
  })),
);
