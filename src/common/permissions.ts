/**
 * Roles and the role → permission table: one copy, imported by the server (which decides) and the
 * web (which only hides what the server would refuse). Row scope (which organisations a role reads)
 * is the server's `lib/access.ts`.
 */

/** Role codes, in the order they are listed in forms (DESIGN.md roles table). */
export const ROLES = [
  'admin',
  'supervisor',
  'legal_officer',
  'officer',
  'assessor',
  'leader',
  'reviewer',
  'justice_office',
] as const;

export type Role = (typeof ROLES)[number];

/** What each permission needs, as data: any one of the listed roles. */
export const PERMISSIONS = {
  'org.read': [
    'admin',
    'supervisor',
    'legal_officer',
    'officer',
    'assessor',
    'leader',
    'reviewer',
    'justice_office',
  ],
  'org.write': ['admin'],
  'user.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'user.write': ['admin'],
  'audit.read': ['admin'],
  'calendar.write': ['admin'],
  // Officer archive (issue 4, docs/officers.md). An officer (empty scope) reads only the profile
  // linked to their account; the others read their scope subtree.
  'officer.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'assessor', 'officer'],
  'officer.write': ['admin', 'legal_officer'],
  /** full phone numbers in lists and exports */
  'officer.read_personal': ['admin', 'legal_officer'],
  // An officer corrects the contact details of the profile linked to their account (issue 19);
  // every other field stays with officer.write.
  'officer.contact_self': ['officer'],
  'certificate.warnings': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'training.settings': ['admin'],
  // Training plans and sessions (issue 20, seed 001 培训制度 第四条: 各执法单位组织实施). Row scope is the
  // organiser's subtree (training.policy.ts): the bureau's supervisors run county sessions, an
  // agency's legal unit its own; an officer reads the sessions they attend.
  'training.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'assessor', 'officer'],
  /** plans, sessions, attendee lists, finishing a session, its notice and sign-in sheet */
  'training.manage': ['supervisor', 'legal_officer'],
  /** 第七条(一)(三): an officer logs their own online learning (法治讲堂·逢九必讲, 法宣在线) */
  'training.self_study': ['officer'],
  'work_log.read': ['admin', 'legal_officer', 'leader', 'officer'],
  /** only into the officer profile linked to the writer's own account */
  'work_log.write': ['officer'],
  // Cases, complaints and case files (issue 5, docs/cases.md). Officers read and write only the
  // cases they handle (handler membership); the others read their scope subtree.
  'case.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'officer'],
  'case.write': ['legal_officer', 'officer'],
  /** 案件质量分析意见 (seed 000 填表说明4: by the unit's legal unit) */
  'case.quality': ['legal_officer'],
  /** full ID numbers and phones of parties, one at a time, audited as party.view_full */
  'case.read_personal': ['legal_officer', 'supervisor'],
  'complaint.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  'complaint.write': ['supervisor', 'legal_officer'],
  'case_file.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'officer'],
  'case_file.write': ['legal_officer', 'officer'],
  'case_file.archive': ['legal_officer'],
  'file_rule.write': ['admin'],
  // Assessment (issue 6, docs/assessment.md). Reading a period is for the county that owns it;
  // what each role then sees inside it (groups, sheets, own results) is narrowed in the service.
  'assessment.read': [
    'admin',
    'supervisor',
    'legal_officer',
    'officer',
    'assessor',
    'leader',
    'justice_office',
  ],
  /** schemes, periods, subjects, group owners, compute, publish, finalise */
  'assessment.manage': ['admin', 'supervisor'],
  /**
   * run one's own agency's periods (平时考核制度第十条: 各行政执法单位组织实施，按照各自的干部管理权限):
   * open, record, compute, publish, finalise the periods an agency opened, inside its subtree
   * (assessment.access.ts managesPeriod); the bureau's assessment.manage runs the county's
   */
  'assessment.run_own': ['legal_officer', 'leader'],
  /** deductions and bonuses; an assessor only in the item groups its section owns */
  'assessment.record': ['supervisor', 'assessor'],
  /** 班子测评: each rater sees and writes only their own sheet */
  'assessment.rate': ['leader'],
  /** self-assessment and appeals, for the subject the account belongs to */
  'assessment.self': ['officer', 'legal_officer', 'leader', 'assessor', 'justice_office'],
  /** appeal decisions (seed 004 第四章第三条: 考核工作领导小组) */
  'assessment.decide': ['supervisor'],
  /** what-if on a closed period, nothing stored */
  'assessment.what_if': ['admin', 'supervisor'],
  // Official documents (issue 13, docs/documents.md): the register book of the organisations in
  // the reader's scope; registers set up by admins and supervisors; 签发 by leaders.
  'document.read': ['admin', 'supervisor', 'leader', 'legal_officer'],
  'document.manage': ['admin', 'supervisor'],
  'document.sign': ['leader'],
  // Case-file reviews (issue 14, docs/reviews.md, seed 001 评查办法). Row scope is the campaign's
  // subtree (reviews.policy.ts): the justice bureau runs county campaigns, an agency's legal unit its
  // own agency's (第六条); a reviewer sees only the files assigned to them.
  /** plan, draw, assign, re-review, publish, decide objections (the organiser) */
  'review.manage': ['supervisor', 'legal_officer'],
  /** see campaigns and results of one's own units */
  'review.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  /** a reviewed unit's side: file lists (第二十条), objections, rectification reports */
  'review.unit': ['legal_officer'],
  /** score the files assigned to one (第十条: 独立评分) */
  'review.score': ['reviewer', 'supervisor', 'legal_officer', 'officer'],
  /** the 复议/诉讼 mark on cases (第四条), by the case unit's legal-affairs unit */
  'case.litigation': ['legal_officer'],
  // Workbench: to-dos, warnings, cockpit (issue 17, docs/workbench.md). Everyone has a to-do list and
  // an alert inbox (narrowed to their scope and the rules' recipients); the rules are the admin's.
  'warning.read': [
    'admin',
    'supervisor',
    'legal_officer',
    'officer',
    'assessor',
    'leader',
    'reviewer',
    'justice_office',
  ],
  'warning_rule.read': ['admin', 'supervisor'],
  'warning_rule.write': ['admin'],
  /** run the warning pass now (it also runs on start and nightly) */
  'warning.run': ['admin'],
  /** the cockpit (驾驶舱): the county for supervisors and county leaders, its own agency for a legal unit */
  'cockpit.read': ['admin', 'supervisor', 'leader', 'legal_officer'],
  /** 行政执法数据年报: read and download (per agency, or the county at county level) */
  'annual_report.read': ['admin', 'supervisor', 'leader', 'legal_officer'],
  // Enforcement supervision (issue 15, docs/supervision.md). Reading is narrowed to the matters
  // that run in or concern the reader's subtree (supervision.policy.ts).
  'supervision.read': ['admin', 'supervisor', 'legal_officer', 'leader', 'justice_office'],
  /** matters, the focus list, inspections, evidence, report requests, accepting referrals */
  'supervision.manage': ['supervisor'],
  /** leader sign-off (签发) of notices and circulars */
  'supervision.sign': ['leader'],
  /** an agency's replies: reports on enforcement, rectification reports */
  'supervision.answer': ['legal_officer'],
  /** 第十七条: a justice office refers an act upward */
  'supervision.refer': ['justice_office'],
  /**
   * 第十五条: record the county government's supervision decision — a supervisor, or an account of
   * the government's own organisation (a leader there; supervision.policy.ts canRecordDecision)
   */
  'supervision.decide': ['supervisor', 'leader'],
  // Enforcement coordination (issue 16, docs/coordination.md): disputes, joint actions, liaison. A
  // legal officer reads the disputes its agency is a party to; the bureau's staff the county.
  'coordination.read': ['admin', 'supervisor', 'legal_officer', 'leader'],
  /** 第七条 书面申请: by the agency's legal unit */
  'coordination.apply': ['legal_officer'],
  /** written views and execution confirmations, for the legal officer's own agency */
  'coordination.answer': ['legal_officer'],
  /** review, views, meetings, opinions, referral, decisions, 第二十三条 marks, settings */
  'coordination.manage': ['supervisor'],
  /** sign off the 协调意见书 (a leader whose scope covers the bureau) */
  'coordination.sign': ['leader'],
  // Unit law-based-administration assessment (issue 20, docs/units.md, seed 002). The office
  // (县推进依法行政工作领导小组办公室: the bureau's supervisors and assessors) sees every unit of the
  // county; a unit's legal officer or justice office its own unit (units.policy.ts).
  'units.read': ['admin', 'supervisor', 'assessor', 'leader', 'legal_officer', 'justice_office'],
  /** dossier entries for any unit, checks, report to the leading group, follow-up, commendations */
  'units.manage': ['supervisor', 'assessor'],
  /** the unit's own side: dossier entries, the annual report, the rectification plan, 汇总表 sent */
  'units.contribute': ['legal_officer', 'justice_office'],
  /** 审定 by the leading group (三(五)): a leader whose scope is the county */
  'units.approve': ['leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when one of the roles grants the permission. */
export function can(actor: { roles: readonly Role[] }, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

/** The roles that hold a permission (menus and buttons in the web). */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}
