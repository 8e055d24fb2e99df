/**
 * The entries other domains add to the officer's 奖惩记录 (seed 000 奖惩记录表: 执法工作惩处, 执法过错认定,
 * 执法过错责任追究, 违法违纪被查处, 国家赔偿追偿): supervision registers its misconduct findings. A
 * registry, as the training compliance rules, so the import graph stays one-way (supervision →
 * officers) and the profile page and the archive DOCX read the same entries.
 */
import type { Db } from '../../../db/database.ts';

export interface RewardPunishmentEntry {
  /** YYYY-MM-DD */
  date: string;
  /** the 奖惩记录表 column it is entered under, e.g. 执法过错认定情况 */
  column: string;
  /** e.g. 执法过错认定 */
  category: string;
  content: string;
  /** the document it rests on, e.g. 博司监〔2026〕3号 */
  basis: string;
}

/** One officer's entries from one domain. */
export type RewardPunishmentSource = (db: Db, officerId: number) => Promise<RewardPunishmentEntry[]>;

const sources: RewardPunishmentSource[] = [];

/** Called once by the owning domain at import time. */
export function registerRewardPunishmentSource(source: RewardPunishmentSource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** Every registered domain's entries for the officer, newest first. */
export async function collectRewardPunishments(db: Db, officerId: number): Promise<RewardPunishmentEntry[]> {
  const entries: RewardPunishmentEntry[] = [];
  for (const source of sources) entries.push(...(await source(db, officerId)));
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
