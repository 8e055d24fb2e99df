/**
 * Training as seed 001 培训制度 runs it (issue 20): enums, Chinese labels and named constants shared by
 * the server and the web. Categories (第七条), deliveries (第六条), content categories (第五条(一)–(四)),
 * self-study platforms (第七条(一)(三)).
 */

/** 第七条: 岗位培训, 专题培训, 自主培训 (same codes as the officers' training records). */
export const TRAINING_KINDS = ['post', 'thematic', 'self_study'] as const;
export type TrainingKindCode = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_NAMES: Readonly<Record<TrainingKindCode, string>> = {
  post: '岗位培训',
  thematic: '专题培训',
  self_study: '自主培训',
};

/** 第六条: 网络授课、集中授课与自学相结合. */
export const TRAINING_DELIVERIES = ['online', 'classroom', 'self_study'] as const;
export type TrainingDelivery = (typeof TRAINING_DELIVERIES)[number];
export const TRAINING_DELIVERY_LABELS: Readonly<Record<TrainingDelivery, string>> = {
  online: '网络授课',
  classroom: '集中授课',
  self_study: '自学',
};

/** 第五条 培训的主要内容 (一)–(四). */
export const TRAINING_CONTENT_CATEGORIES = ['thought', 'admin_law', 'three_systems', 'field_law'] as const;
export type TrainingContentCategory = (typeof TRAINING_CONTENT_CATEGORIES)[number];
export const TRAINING_CONTENT_CATEGORY_LABELS: Readonly<Record<TrainingContentCategory, string>> = {
  thought: '（一）习近平法治思想',
  admin_law: '（二）行政法律法规知识',
  three_systems: '（三）“三项制度”等执法基础业务',
  field_law: '（四）本领域执法业务法律法规',
};

/** Who held a session: the county justice bureau (第七条(一): 每年至少1次) or an enforcement unit (第四条). */
export const TRAINING_ORGANISER_KINDS = ['bureau', 'unit'] as const;
export type TrainingOrganiserKind = (typeof TRAINING_ORGANISER_KINDS)[number];
export const TRAINING_ORGANISER_KIND_LABELS: Readonly<Record<TrainingOrganiserKind, string>> = {
  bureau: '县司法局',
  unit: '执法单位',
};

export const TRAINING_SESSION_STATUSES = ['planned', 'finished'] as const;
export type TrainingSessionStatus = (typeof TRAINING_SESSION_STATUSES)[number];
export const TRAINING_SESSION_STATUS_LABELS: Readonly<Record<TrainingSessionStatus, string>> = {
  planned: '未举办',
  finished: '已结束',
};

/** 第七条(一) 法治讲堂·逢九必讲 (自治区司法厅), 第七条(三) 法宣在线 or books. */
export const SELF_STUDY_PLATFORMS = ['fazhi_jiangtang', 'faxuan_online', 'books'] as const;
export type SelfStudyPlatform = (typeof SELF_STUDY_PLATFORMS)[number];
export const SELF_STUDY_PLATFORM_LABELS: Readonly<Record<SelfStudyPlatform, string>> = {
  fazhi_jiangtang: '法治讲堂·逢九必讲',
  faxuan_online: '法宣在线',
  books: '相关书籍',
};

/** 第八条 考核: the pass mark when a graded session's result is given as a score only. */
export const TRAINING_PASS_SCORE = 60;

/** Attendees per session at most (a county-wide bureau training is a few hundred). */
export const MAX_SESSION_ATTENDEES = 2_000;

/** The empty-scope message of the compliance page: never a false all-clear. */
export const NO_OFFICERS_IN_SCOPE = '您的权限范围内没有执法人员';
