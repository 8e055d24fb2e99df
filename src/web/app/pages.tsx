import {
  AlertOutlined,
  ApartmentOutlined,
  AreaChartOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  ContainerOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  MailOutlined,
  MessageOutlined,
  NotificationOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { rolesWith } from '../../common/permissions.ts';
import { ASSESSMENT_READ_ROLES } from '../modules/assessment/assessment-access.ts';
import { CASE_READ_ROLES, COMPLAINT_READ_ROLES, RECORDS_DUE_ROLES } from '../modules/cases/cases-access.ts';
import { DOCUMENT_PAGE_ROLES } from '../modules/documents/documents-access.ts';
import {
  CERTIFICATE_WARNING_ROLES,
  OFFICER_LIST_ROLES,
  OFFICER_READ_ROLES,
  WORK_LOG_READ_ROLES,
} from '../modules/officers/officers-access.ts';
import {
  REVIEW_PAGE_ROLES,
  REVIEW_READ_ROLES,
  REVIEW_SCORE_ROLES,
} from '../modules/reviews/reviews-access.ts';
import {
  NOTICE_REGISTER_ROLES,
  REFERRAL_PAGE_ROLES,
  SUPERVISION_ANSWER_ROLES,
  SUPERVISION_READ_ROLES,
} from '../modules/supervision/supervision-labels.ts';
import { ORG_READER_ROLES, type Role } from './roles.ts';

/**
 * Every page behind the login, as data: the router builds its routes and the layout its menu
 * from this one list. A new module (执法人员, 案件, 案卷评查, 监督, 考核) adds one entry here.
 */
export interface AppPage {
  /** URL path, also the menu key. */
  path: string;
  label: string;
  icon: ReactNode;
  /** Who may open it; undefined = every logged-in account. */
  roles?: readonly Role[];
  /** A page reached from another one (a profile, a detail) rather than from the menu. */
  isHiddenFromMenu?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export const APP_PAGES: readonly AppPage[] = [
  {
    path: '/',
    label: '首页',
    icon: <HomeOutlined />,
    component: lazy(() => import('../modules/home/HomePage.tsx')),
  },
  {
    path: '/orgs',
    label: '机构管理',
    icon: <ApartmentOutlined />,
    roles: ORG_READER_ROLES,
    component: lazy(() => import('../modules/org/OrgPage.tsx')),
  },
  {
    path: '/users',
    label: '账号管理',
    icon: <TeamOutlined />,
    roles: ORG_READER_ROLES,
    component: lazy(() => import('../modules/users/UsersPage.tsx')),
  },
  {
    path: '/officers',
    label: '执法人员',
    icon: <IdcardOutlined />,
    roles: OFFICER_LIST_ROLES,
    component: lazy(() => import('../modules/officers/archive/OfficersPage.tsx')),
  },
  {
    path: '/officers/:id',
    label: '执法人员档案',
    icon: <IdcardOutlined />,
    roles: OFFICER_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/officers/profile/OfficerProfilePage.tsx')),
  },
  {
    path: '/my-profile',
    label: '我的档案',
    icon: <SolutionOutlined />,
    roles: ['officer'],
    component: lazy(() => import('../modules/officers/profile/MyProfilePage.tsx')),
  },
  {
    path: '/work-logs',
    label: '工作记实',
    icon: <FormOutlined />,
    roles: WORK_LOG_READ_ROLES,
    component: lazy(() => import('../modules/officers/work-logs/WorkLogsPage.tsx')),
  },
  {
    path: '/certificate-warnings',
    label: '证件预警',
    icon: <AlertOutlined />,
    roles: CERTIFICATE_WARNING_ROLES,
    component: lazy(() => import('../modules/officers/certificates/CertificateWarningsPage.tsx')),
  },
  {
    path: '/training-compliance',
    label: '培训达标',
    icon: <ReadOutlined />,
    roles: OFFICER_LIST_ROLES,
    component: lazy(() => import('../modules/officers/training/TrainingCompliancePage.tsx')),
  },
  {
    path: '/training/sessions',
    label: '培训班',
    icon: <ReadOutlined />,
    roles: rolesWith('training.read'),
    component: lazy(() => import('../modules/training/sessions/SessionsPage.tsx')),
  },
  {
    path: '/training/sessions/:id',
    label: '培训班详情',
    icon: <ReadOutlined />,
    roles: rolesWith('training.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/training/sessions/SessionDetailPage.tsx')),
  },
  {
    path: '/training/plans',
    label: '培训计划',
    icon: <CalendarOutlined />,
    roles: rolesWith('training.read'),
    component: lazy(() => import('../modules/training/plans/PlansPage.tsx')),
  },
  {
    path: '/cases',
    label: '执法案件',
    icon: <FileSearchOutlined />,
    roles: CASE_READ_ROLES,
    component: lazy(() => import('../modules/cases/records/CasesPage.tsx')),
  },
  {
    path: '/cases/:id',
    label: '案件详情',
    icon: <FileSearchOutlined />,
    roles: CASE_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/cases/records/CaseDetailPage.tsx')),
  },
  {
    path: '/case-records-due',
    label: '记录到期',
    icon: <ClockCircleOutlined />,
    roles: RECORDS_DUE_ROLES,
    component: lazy(() => import('../modules/cases/records/RecordsDuePage.tsx')),
  },
  {
    path: '/case-files',
    label: '案卷',
    icon: <ContainerOutlined />,
    // 'case_file.read'
    roles: CASE_READ_ROLES,
    component: lazy(() => import('../modules/case-files/CaseFilesPage.tsx')),
  },
  {
    path: '/complaints',
    label: '投诉举报',
    icon: <MessageOutlined />,
    roles: COMPLAINT_READ_ROLES,
    component: lazy(() => import('../modules/cases/complaints/ComplaintsPage.tsx')),
  },
  {
    path: '/assessment/periods',
    label: '绩效考核',
    icon: <AreaChartOutlined />,
    // 'assessment.read'; what each role may do inside a period is narrowed on the board
    roles: ASSESSMENT_READ_ROLES,
    component: lazy(() => import('../modules/assessment/periods/PeriodsPage.tsx')),
  },
  {
    path: '/assessment/periods/:id',
    label: '考核周期看板',
    icon: <AreaChartOutlined />,
    roles: ASSESSMENT_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/assessment/board/PeriodBoardPage.tsx')),
  },
  {
    path: '/assessment/periods/:id/subjects/:subjectId',
    label: '考核成绩单',
    icon: <AreaChartOutlined />,
    roles: ASSESSMENT_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/assessment/scorecard/ScorecardPage.tsx')),
  },
  // Case-file reviews (issue 14, docs/reviews.md): one menu entry; a reviewer sees only the own queue
  {
    path: '/reviews',
    label: '案卷评查',
    icon: <ReconciliationOutlined />,
    roles: REVIEW_PAGE_ROLES,
    component: lazy(() => import('../modules/reviews/ReviewsPage.tsx')),
  },
  {
    path: '/reviews/campaigns/:id',
    label: '评查活动',
    icon: <ReconciliationOutlined />,
    roles: REVIEW_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/reviews/CampaignPage.tsx')),
  },
  {
    path: '/reviews/assignments/:id',
    label: '案卷评分表',
    icon: <ReconciliationOutlined />,
    roles: REVIEW_SCORE_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/reviews/ScoreSheetPage.tsx')),
  },
  // Enforcement coordination (issue 16, docs/coordination.md)
  {
    path: '/coordination/disputes',
    label: '职责争议协调',
    icon: <SolutionOutlined />,
    roles: rolesWith('coordination.read'),
    component: lazy(() => import('../modules/coordination/disputes/DisputesPage.tsx')),
  },
  {
    path: '/coordination/disputes/:id',
    label: '职责争议详情',
    icon: <SolutionOutlined />,
    roles: rolesWith('coordination.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/coordination/disputes/DisputeDetailPage.tsx')),
  },
  // Enforcement supervision (issue 15, docs/supervision.md)
  {
    path: '/supervision/matters',
    label: '监督事项',
    icon: <SafetyCertificateOutlined />,
    roles: SUPERVISION_READ_ROLES,
    component: lazy(() => import('../modules/supervision/MattersPage.tsx')),
  },
  {
    path: '/supervision/matters/:id',
    label: '监督事项',
    icon: <SafetyCertificateOutlined />,
    roles: SUPERVISION_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/MatterDetailPage.tsx')),
  },
  {
    path: '/supervision/inbox',
    label: '监督来文',
    icon: <MailOutlined />,
    roles: SUPERVISION_ANSWER_ROLES,
    component: lazy(() => import('../modules/supervision/InboxPage.tsx')),
  },
  {
    path: '/supervision/notices',
    label: '监督通知书',
    icon: <FileDoneOutlined />,
    roles: NOTICE_REGISTER_ROLES,
    component: lazy(() => import('../modules/supervision/NoticesPage.tsx')),
  },
  {
    path: '/supervision/notices/:id',
    label: '监督通知书',
    icon: <FileDoneOutlined />,
    roles: SUPERVISION_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/NoticeDetailPage.tsx')),
  },
  {
    path: '/supervision/decisions',
    label: '监督决定与通报',
    icon: <FileDoneOutlined />,
    roles: NOTICE_REGISTER_ROLES,
    component: lazy(() => import('../modules/supervision/DecisionsPage.tsx')),
  },
  {
    path: '/supervision/decisions/:id',
    label: '监督决定详情',
    icon: <FileDoneOutlined />,
    roles: SUPERVISION_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/DecisionDetailPage.tsx')),
  },
  {
    path: '/supervision/referrals',
    label: '司法所提请',
    icon: <SendOutlined />,
    roles: REFERRAL_PAGE_ROLES,
    component: lazy(() => import('../modules/supervision/ReferralsPage.tsx')),
  },
  {
    path: '/supervision/referrals/new',
    label: '提请处理',
    icon: <SendOutlined />,
    roles: rolesWith('supervision.refer'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/ReferralFormPage.tsx')),
  },
  {
    path: '/supervision/referrals/:id',
    label: '提请详情',
    icon: <SendOutlined />,
    roles: REFERRAL_PAGE_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/ReferralDetailPage.tsx')),
  },
  {
    path: '/supervision/focus',
    label: '年度监督重点',
    icon: <FlagOutlined />,
    roles: SUPERVISION_READ_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/supervision/FocusPage.tsx')),
  },
  {
    path: '/coordination/opinions/:id',
    label: '协调意见书',
    icon: <SolutionOutlined />,
    roles: rolesWith('coordination.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/coordination/disputes/OpinionRedirectPage.tsx')),
  },
  // Unit law-based-administration assessment (issue 20, docs/units.md)
  {
    path: '/units',
    label: '依法行政考核',
    icon: <FileSearchOutlined />,
    roles: rolesWith('units.read'),
    component: lazy(() => import('../modules/units/UnitsPage.tsx')),
  },
  {
    path: '/units/:orgId',
    label: '考核单位',
    icon: <FileSearchOutlined />,
    roles: rolesWith('units.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/units/UnitDetailPage.tsx')),
  },
  {
    path: '/unit-summary',
    label: '汇总表报送',
    icon: <FileSearchOutlined />,
    roles: rolesWith('units.read'),
    component: lazy(() => import('../modules/units/UnitSummaryPage.tsx')),
  },
  {
    path: '/unit-periods',
    label: '考核结果审定',
    icon: <FileSearchOutlined />,
    roles: rolesWith('units.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/units/UnitPeriodsPage.tsx')),
  },
  {
    path: '/unit-periods/:id',
    label: '考核结果审定',
    icon: <FileSearchOutlined />,
    roles: rolesWith('units.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/units/UnitPeriodPage.tsx')),
  },
  {
    path: '/coordination/joint-actions',
    label: '联合执法',
    icon: <TeamOutlined />,
    roles: rolesWith('coordination.read'),
    component: lazy(() => import('../modules/coordination/joint-actions/JointActionsPage.tsx')),
  },
  {
    path: '/coordination/major-matters',
    label: '重大疑难事项',
    icon: <AlertOutlined />,
    roles: rolesWith('coordination.read'),
    component: lazy(() => import('../modules/coordination/matters/MajorMattersPage.tsx')),
  },
  {
    path: '/coordination/circulars',
    label: '定期通报',
    icon: <NotificationOutlined />,
    roles: rolesWith('coordination.manage'),
    component: lazy(() => import('../modules/coordination/matters/PeriodicCircularsPage.tsx')),
  },
  {
    path: '/coordination/liaison',
    label: '工作衔接',
    icon: <SwapOutlined />,
    roles: rolesWith('coordination.read'),
    component: lazy(() => import('../modules/coordination/liaison/LiaisonPage.tsx')),
  },
  {
    path: '/coordination/joint-actions/:id',
    label: '联合执法详情',
    icon: <TeamOutlined />,
    roles: rolesWith('coordination.read'),
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/coordination/joint-actions/JointActionDetailPage.tsx')),
  },
  {
    path: '/file-requirement-rules',
    label: '卷内文书规则',
    icon: <FileProtectOutlined />,
    // reading is 'case_file.read'; the page is for the one who edits ('file_rule.write')
    roles: ['admin'],
    component: lazy(() => import('../modules/case-files/RequirementRulesPage.tsx')),
  },
  // Workbench (issue 17): warning rules (the to-dos and alerts lead the home page)
  {
    path: '/cockpit',
    label: '驾驶舱',
    icon: <DashboardOutlined />,
    roles: rolesWith('cockpit.read'),
    component: lazy(() => import('../modules/workbench/CockpitPage.tsx')),
  },
  {
    path: '/annual-report',
    label: '执法数据年报',
    icon: <AreaChartOutlined />,
    roles: rolesWith('annual_report.read'),
    component: lazy(() => import('../modules/workbench/AnnualReportPage.tsx')),
  },
  {
    path: '/warning-rules',
    label: '预警规则',
    icon: <AlertOutlined />,
    roles: rolesWith('warning_rule.read'),
    component: lazy(() => import('../modules/workbench/WarningRulesPage.tsx')),
  },
  {
    path: '/documents',
    label: '公文与发文登记',
    icon: <FileProtectOutlined />,
    roles: DOCUMENT_PAGE_ROLES,
    component: lazy(() => import('../modules/documents/DocumentsPage.tsx')),
  },
  {
    path: '/documents/sign-offs',
    label: '待签发',
    icon: <FileProtectOutlined />,
    roles: DOCUMENT_PAGE_ROLES,
    isHiddenFromMenu: true,
    component: lazy(() => import('../modules/documents/DocumentsPage.tsx')),
  },
  // 考核方案 (issue 19): the scheme versions, their items and rules, upload and compare; the admin's
  // page (the server also lets the assessment office upload: assessment.manage)
  {
    path: '/assessment/schemes',
    label: '考核方案',
    icon: <ControlOutlined />,
    roles: ['admin'],
    component: lazy(() => import('../modules/assessment/schemes/SchemesPage.tsx')),
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['admin'],
    component: lazy(() => import('../modules/audit/AuditPage.tsx')),
  },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    roles: ['admin'],
    component: lazy(() => import('../modules/calendar/CalendarPage.tsx')),
  },
  {
    path: '/account',
    label: '我的账号',
    icon: <UserOutlined />,
    component: lazy(() => import('../modules/account/AccountPage.tsx')),
  },
];

/** Pages anyone may open without logging in (DESIGN.md: the public), outside the app shell. */
export const PUBLIC_PAGES: readonly { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  {
    path: '/public/certificate',
    component: lazy(() => import('../modules/disclosure/CertificateLookupPage.tsx')),
  },
];

/** True when an account with these roles may open the page. */
export function canOpenPage(page: AppPage, userRoles: readonly string[]): boolean {
  return !page.roles || page.roles.some((role) => userRoles.includes(role));
}

/** The menu entries an account may open, in menu order. */
export function pagesFor(userRoles: readonly string[]): AppPage[] {
  return APP_PAGES.filter((page) => !page.isHiddenFromMenu && canOpenPage(page, userRoles));
}
