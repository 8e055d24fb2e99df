import type { DeadlineState } from '../../../common/calendar.ts';
import type { Role } from '../../../common/permissions.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';

/**
 * The one interface through which every domain hands the workbench what it owns (DESIGN.md
 * "To-dos and warnings"): each domain's `<domain>.todos.ts` exports a `TodoProvider` (things waiting
 * for one account) and, where it watches something, `WarningIndicator`s. The workbench only gathers
 * them; it never queries another domain's tables itself.
 */

/** One thing waiting for one account, with where it is done. */
export interface TodoItem {
  /** Stable across passes: `<domain>:<kind>:<record id>` (an item disappears when its source is done). */
  key: string;
  /** The domain that owns it: 'cases', 'officers', 'assessment', 'reviews', 'supervision' … */
  domain: string;
  /** A short code of what is to be done, e.g. 'case_record.write', 'review_sheet.score'. */
  kind: string;
  /** What the account reads in the list (Chinese), e.g. 填写案件记录表：博市监罚〔2026〕12号. */
  title: string;
  /** The calendar day (Asia/Shanghai, YYYY-MM-DD) it is due; null = no deadline. */
  dueOn: string | null;
  /** 正常 / 临期 / 逾期, computed by the provider on the statutory calendar where its rule says 工作日. */
  deadlineState: DeadlineState | null;
  /** The web path where it is done, e.g. `/cases/42?tab=record`. */
  link: string;
  /** The organisation the item belongs to (for scope checks and grouping). */
  orgId: number;
}

export interface TodoContext {
  db: Db;
  actor: Actor;
  /** Today in Asia/Shanghai, YYYY-MM-DD (tests pass a fixed day). */
  today: string;
}

/** A domain's to-dos for the signed-in account, already narrowed to what that account may see. */
export interface TodoProvider {
  domain: string;
  listTodos(context: TodoContext): Promise<TodoItem[]>;
}

/** One cause a warning rule found: it raises one alert, which closes when the cause is gone. */
export interface WarningHit {
  /** Stable per cause (`certificate:123:expired`): no alert is raised twice for one cause. */
  causeKey: string;
  orgId: number;
  /** What the alert says (Chinese). */
  message: string;
  /** The web path of the record behind it. */
  link: string;
  /** The measured value the threshold was compared with (days overdue, hours short …), if any. */
  value?: number | undefined;
  /**
   * Accounts the cause is personally theirs (a case's handlers, the officer short of training): a
   * recipient role without a scope (officer) receives only alerts naming it here.
   */
  userIds?: number[] | undefined;
}

/**
 * A built-in indicator a warning rule can watch (the rules — thresholds, tier, recipients, on/off —
 * are data an admin edits; the indicator is the code that measures).
 */
export interface WarningIndicator {
  /** e.g. 'case_record.overdue', 'certificate.expiring', 'notice.reply_overdue'. */
  code: string;
  domain: string;
  /** Chinese label shown in the rule editor. */
  label: string;
  /** The seed clause it comes from, e.g. '000 填表说明3' or '协调监督办法第十五条'. */
  clause: string;
  /** Named numeric parameters the rule may set (e.g. { days: 30 }), with their defaults. */
  defaultParams: Record<string, number>;
  /** Chinese labels of the parameters for the rule editor (e.g. { days: '提前天数' }). */
  paramLabels?: Record<string, string>;
  /** The rule's defaults when a county's rules are first made (the admin changes them): tier … */
  defaultTier?: 'notice' | 'warning' | 'alarm';
  /** … and who receives it: roles, and 'unit' (holders whose scope covers the org) or 'county' (county-level holders only). */
  defaultRecipients?: { roles: Role[]; level: 'county' | 'unit' };
  /** Every current cause in the county whose root org path is `countyPath`. */
  findHits(context: {
    db: Db;
    countyPath: string;
    today: string;
    params: Record<string, number>;
  }): Promise<WarningHit[]>;
}
