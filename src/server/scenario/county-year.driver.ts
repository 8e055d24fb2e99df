/**
 * A year of 博湖县 driven through the public HTTP API, as the web app's clicks would (issue 21): the
 * scenario test asserts on it, and a demo command can replay it. Every step moves the clock
 * (`api.at(day)`), signs in again where the day changed, and refuses any answer but the expected
 * one, so a module that breaks another fails here with the route and the body.
 *
 * The year is 2024: the statutory calendar (holidays and 调休) of `chinese-days` covers it, and the
 * demo county's own data (relative to the day it is seeded) never reaches back to it, so every
 * figure of the year comes from what this driver made.
 */
import type { Db } from '../db/database.ts';

export const SCENARIO_YEAR = 2024;
export const SCENARIO_PASSWORD = 'Year#2024ok';

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of every shape
  json: any;
  headers: Record<string, unknown>;
  rawPayload?: Buffer;
}

/** What the driver needs from its host: the in-process app, a clock, and read-only lookups. */
export interface YearHost {
  db: Db;
  request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    cookie?: string;
    payload?: object;
  }): Promise<ApiResponse>;
  login(username: string, password?: string): Promise<string>;
  /** Sets the wall clock the server reads (a Shanghai working-day morning of `day`). */
  setNow(instant: Date): void;
}

/** Everything the year made, for the test's independent recounts. */
export interface YearLedger {
  officers: Record<string, number>;
  cases: Array<{
    id: number;
    caseNo: string;
    closedOn: string;
    handlerId: number;
    /** both 执法人 (the handler and a colleague) */
    handlerIds: number[];
    recordOn: string | null;
    /** the legal unit's quality analysis graded it 不合格 */
    isQualityFail: boolean;
  }>;
  complaints: Array<{ id: number; officerId: number; substantiated: boolean }>;
  q2PeriodId?: number;
  q3PeriodId?: number;
  appeals: { upheldId?: number; refusedId?: number };
  campaignId?: number;
  secondCampaignId?: number;
  reviewFiles: Array<{ fileId: number; caseId: number; scores: number[]; band?: string }>;
  noticeId?: number;
  decisionId?: number;
  referralId?: number;
  disputes: { opinionId?: number; escalatedId?: number };
  focusIds: number[];
  documentNumbers: string[];
  /** December: the townships' 依法行政考核 period and 博湖镇's year-end deductions */
  unitPeriodId?: number;
  unitDeductions?: Array<{ item: string; count?: number; note: string }>;
}

export class CountyYear {
  readonly ledger: YearLedger = {
    officers: {},
    cases: [],
    complaints: [],
    appeals: {},
    reviewFiles: [],
    disputes: {},
    focusIds: [],
    documentNumbers: [],
  };
  today = `${SCENARIO_YEAR}-01-02`;
  private cookies = new Map<string, { day: string; cookie: string }>();
  private passwords = new Map<string, string>();

  constructor(
    readonly host: YearHost,
    /** called at named moments of the year, so the test can look at to-dos, warnings and scope there */
    private readonly checkpoint: (name: string) => Promise<void> = async () => {},
  ) {}

  /** Moves the clock to 10:00 Shanghai time on `day`. */
  at(day: string) {
    this.today = day;
    this.host.setNow(new Date(`${day}T10:00:00+08:00`));
  }

  /** The account's session for today (sessions last 12 hours: a new day signs in again). */
  async as(username: string): Promise<string> {
    const held = this.cookies.get(username);
    if (held && held.day === this.today) return held.cookie;
    const cookie = await this.host.login(username, this.passwords.get(username));
    this.cookies.set(username, { day: this.today, cookie });
    return cookie;
  }

  /** A call that must answer `status` (200/201/204 by default); throws with the route and body otherwise. */
  async call(
    username: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    status?: number | number[],
  ): Promise<ApiResponse> {
    const response = await this.host.request({
      method,
      url,
      cookie: await this.as(username),
      ...(payload !== undefined && { payload }),
    });
    const wanted = status === undefined ? [200, 201, 204] : Array.isArray(status) ? status : [status];
    if (!wanted.includes(response.status))
      throw new Error(
        `${this.today} ${username} ${method} ${url}: ${response.status} ${JSON.stringify(response.json).slice(0, 800)}`,
      );
    return response;
  }

  /** Answers without checking the status (for scope probes and refusals the test asserts itself). */
  async try(username: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
    return this.host.request({
      method,
      url,
      cookie: await this.as(username),
      ...(payload !== undefined && { payload }),
    });
  }

  async orgId(name: string): Promise<number> {
    const row = await this.host.db
      .selectFrom('org')
      .select('id')
      .where('name', '=', name)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async userId(username: string): Promise<number> {
    const row = await this.host.db
      .selectFrom('user_account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The pending 签发 request of a record, as 周海涛 sees it in his list, signed by him. */
  async signAsJuzhang(recordType: string, recordId: number) {
    const list = await this.call('juzhang', 'GET', '/api/documents/sign-offs?status=pending');
    const item = list.json.items.find(
      (entry: { recordType: string; recordId: number }) =>
        entry.recordType === recordType && entry.recordId === recordId,
    );
    if (!item) throw new Error(`${this.today}: no pending sign-off of ${recordType} ${recordId} for juzhang`);
    return this.call('juzhang', 'POST', `/api/documents/sign-offs/${item.id}/sign`, {});
  }

  // ---------------------------------------------------------------- January: the plan

  /** Accounts and officers the year needs, the supervision focus list, the two review campaigns. */
  async january() {
    this.at(`${SCENARIO_YEAR}-01-08`);
    const team = await this.orgId('市场监管综合行政执法大队');
    // 李卫东 gets an account (he appeals); 王建华 is handled on paper
    const created = await this.call('admin', 'POST', '/api/users', {
      username: 'year_liwd',
      displayName: '李卫东',
      orgId: team,
      roles: ['officer'],
      phone: '13812340001',
      password: 'Start#2024x',
    });
    this.passwords.set('year_liwd', 'Start#2024x');
    const first = await this.host.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: await this.as('year_liwd'),
      payload: { currentPassword: 'Start#2024x', newPassword: SCENARIO_PASSWORD },
    });
    if (first.status !== 204)
      throw new Error(`password change: ${first.status} ${JSON.stringify(first.json)}`);
    this.passwords.set('year_liwd', SCENARIO_PASSWORD);
    this.cookies.delete('year_liwd');

    const officerBody = (name: string, userId: number | null, birth: string) => ({
      name,
      gender: 'male',
      ethnicity: '汉族',
      education: '大学本科',
      birthDate: birth,
      position: '科员',
      orgId: team,
      post: '食品安全执法岗',
      duties: '食品生产经营监督检查',
      qualifiedOn: '2016-06-01',
      startedWorkOn: '2012-07-01',
      phone: '13912340002',
      userId,
    });
    const li = await this.call(
      'legal',
      'POST',
      '/api/officers',
      officerBody('李卫东', created.json.id, '1988-04-12'),
    );
    const wang = await this.call('legal', 'POST', '/api/officers', officerBody('王建华', null, '1985-09-03'));
    // 张伟 (the demo officer) keeps his record; the year gives him a certificate in force for 2024
    const zhang = await this.call('officer', 'GET', '/api/officers/me');
    this.ledger.officers = { li: li.json.id, wang: wang.json.id, zhang: zhang.json.id };
    for (const [key, id] of Object.entries(this.ledger.officers))
      await this.call('legal', 'POST', `/api/officers/${id}/certificates`, {
        number: `65282920230${key === 'li' ? 1 : key === 'wang' ? 2 : 3}YEAR`,
        issuer: '博湖县人民政府',
        area: '博湖县',
        categories: ['市场监管'],
        issuedOn: '2023-01-05',
        validUntil: '2028-01-04',
      });

    // 第十二条: the year's focus areas of supervision
    for (const [field, title] of [
      ['food_drug', '食品药品安全领域行政执法'],
      ['ecology', '生态环境保护领域行政执法'],
    ] as const) {
      const focus = await this.call('supervisor', 'POST', '/api/supervision/focus', {
        year: SCENARIO_YEAR,
        field,
        title,
        description: `${SCENARIO_YEAR}年度行政执法监督重点`,
      });
      this.ledger.focusIds.push(focus.json.id);
    }

    // 第八条: two campaigns planned for the year (the first half-year's files, the second's)
    const market = await this.orgId('博湖县市场监督管理局');
    const agri = await this.orgId('博湖县农业农村局');
    const campaign = (
      name: string,
      closedFrom: string,
      closedTo: string,
      listDue: string,
      scoreDue: string,
    ) =>
      this.call('supervisor', 'POST', '/api/review-campaigns', {
        name,
        year: SCENARIO_YEAR,
        method: 'random',
        regularity: 'regular',
        unitIds: [market, agri],
        caseKinds: ['penalty'],
        closedFrom,
        closedTo,
        fileListDueOn: listDue,
        scoringDueOn: scoreDue,
      });
    this.ledger.campaignId = (
      await campaign(
        `${SCENARIO_YEAR}年上半年行政处罚案卷评查`,
        `${SCENARIO_YEAR}-01-01`,
        `${SCENARIO_YEAR}-06-30`,
        `${SCENARIO_YEAR}-07-15`,
        `${SCENARIO_YEAR}-08-30`,
      )
    ).json.id;
    this.ledger.secondCampaignId = (
      await campaign(
        `${SCENARIO_YEAR}年下半年行政处罚案卷评查`,
        `${SCENARIO_YEAR}-07-01`,
        `${SCENARIO_YEAR}-12-31`,
        `${SCENARIO_YEAR + 1}-01-15`,
        `${SCENARIO_YEAR + 1}-02-28`,
      )
    ).json.id;
    // TODO(issue 21 step 1): the 年报 by 31 January and the 汇总表 by 15 January with a warning for
    // the late filer need a filing workflow with due dates per agency; the annual report
    // (workbench/annual-report) is one county-level report with a submit, not per-agency filings.
    // TODO(issue 21 step 1): a training plan: the training domain records sessions and hours
    // (officers/training) but has no plan of the year; a new training domain is being built.
  }

  // ---------------------------------------------------------------- the second quarter

  /** The Q2 period is opened on the quarter's first working day. */
  async openQuarter(periodKey: string, day: string): Promise<number> {
    this.at(day);
    const schemes = await this.call('supervisor', 'GET', '/api/assessment/schemes');
    const version = schemes.json.find(
      (entry: { schemeId: string; source: string }) =>
        entry.schemeId === 'bohu-officer-routine' && entry.source === 'preset',
    );
    const opened = await this.call('supervisor', 'POST', '/api/assessment/periods', {
      schemeVersionId: version.id,
      periodKey,
      underOrgId: await this.orgId('博湖县市场监督管理局'),
    });
    return opened.json.id;
  }

  /** A closed penalty case of the market team, filed by its legal unit; `recordOn` = record submitted. */
  async closedCase(handler: keyof YearLedger['officers'], filedOn: string, closedOn: string, party: string) {
    this.at(closedOn);
    const team = await this.orgId('市场监管综合行政执法大队');
    const seq = this.ledger.cases.length + 1;
    const caseNo = `博市监罚〔${SCENARIO_YEAR}〕${100 + seq}号`;
    const handlerId = this.ledger.officers[handler]!;
    const other = Object.values(this.ledger.officers).find((id) => id !== handlerId)!;
    const created = await this.call('legal', 'POST', '/api/cases', {
      orgId: team,
      kind: 'penalty',
      caseNo,
      name: `${party}销售过期食品案`,
      source: '投诉举报',
      filedOn,
      closedOn,
      handlerIds: [handlerId, other],
      parties: [
        {
          kind: 'organization',
          name: party,
          uscc: null,
          legalRepresentative: '马某某',
          address: '博湖县团结路',
          phone: '0996-6622345',
        },
      ],
      summary: '当事人销售超过保质期的食品。',
      process: '立案、调查取证、告知、决定、送达。',
      opinion: '依据《食品安全法》第一百二十四条，拟作出罚款决定。',
      result: '罚款人民币五千元，已执行。',
    });
    this.ledger.cases.push({
      id: created.json.id,
      caseNo,
      closedOn,
      handlerId,
      handlerIds: [handlerId, other],
      recordOn: null,
      isQualityFail: false,
    });
    return created.json.id as number;
  }

  async submitRecord(caseId: number, day: string) {
    this.at(day);
    for (const part of ['opinion', 'result'])
      await this.call('legal', 'POST', `/api/cases/${caseId}/sign`, { part });
    // the legal unit's quality analysis (seed 000 说明4): 王建华's first file is 不合格
    const isFailing =
      caseId === this.ledger.cases.find((entry) => entry.handlerId === this.ledger.officers.wang)?.id;
    await this.call('legal', 'PUT', `/api/cases/${caseId}/quality`, {
      opinion: isFailing ? '证据不足，适用依据错误。' : '事实清楚，证据确凿，程序合法。',
      grade: isFailing ? 'fail' : 'pass',
    });
    // past its due date (王建华's 天山粮油店 record) the page asks why, as the API requires
    const view = await this.call('legal', 'GET', `/api/cases/${caseId}`);
    await this.call(
      'legal',
      'POST',
      `/api/cases/${caseId}/submit-record`,
      view.json.recordState === 'overdue' ? { lateReason: '承办人外出执法，未及时填写报送' } : {},
    );
    // the file (案卷) is built when the case is closed and recorded (立卷规范)
    await this.call('legal', 'PUT', `/api/cases/${caseId}/file`, {
      archiveNo: `WS·${SCENARIO_YEAR}-${String(caseId).padStart(5, '0')}`,
      fileNo: `${SCENARIO_YEAR}-罚-${String(caseId).padStart(3, '0')}`,
      retentionPeriod: '长期',
      traits: [],
    });
    const entry = this.ledger.cases.find((candidate) => candidate.id === caseId)!;
    entry.recordOn = day;
    entry.isQualityFail = isFailing;
  }

  /**
   * April–June: six cases closed (two by 王建华 recorded late, one never), a complaint against 李卫东
   * found substantiated, self-assessments before the deadline.
   */
  async secondQuarter() {
    this.ledger.q2PeriodId = await this.openQuarter(`${SCENARIO_YEAR}-Q2`, `${SCENARIO_YEAR}-04-01`);

    const plan: Array<[keyof YearLedger['officers'], string, string, string, string | null]> = [
      ['zhang', '03-01', '04-08', '博湖县鑫源商贸有限公司', '04-20'],
      ['li', '03-05', '04-10', '博湖县惠民超市', '04-25'],
      ['wang', '03-11', '04-12', '博湖县天山粮油店', '05-27'], // due 05-12: late
      ['wang', '03-15', '04-15', '博湖县西海副食店', null], // due 05-15: never sent
      ['zhang', '03-20', '05-06', '博湖县金沙滩餐厅', '05-30'],
      ['li', '03-25', '05-08', '博湖县宝浪苏木饭店', '06-03'],
    ];
    const created: number[] = [];
    for (const [handler, filed, closed, party] of plan)
      created.push(
        await this.closedCase(handler, `${SCENARIO_YEAR}-${filed}`, `${SCENARIO_YEAR}-${closed}`, party),
      );
    const submissions = plan
      .map((row, index) => ({ id: created[index]!, on: row[4] }))
      .filter((row): row is { id: number; on: string } => row.on !== null)
      .sort((a, b) => a.on.localeCompare(b.on));
    let isOverdueSeen = false;
    for (const { id, on } of submissions) {
      if (!isOverdueSeen && on > '05-20') {
        this.at(`${SCENARIO_YEAR}-05-21`);
        await this.checkpoint('records.overdue');
        isOverdueSeen = true;
      }
      await this.submitRecord(id, `${SCENARIO_YEAR}-${on}`);
    }
    this.at(`${SCENARIO_YEAR}-06-04`);
    await this.checkpoint('records.submitted');

    // a complaint against 李卫东, investigated and substantiated; one against 张伟 not
    this.at(`${SCENARIO_YEAR}-05-14`);
    for (const [officer, substantiated] of [
      ['li', true],
      ['zhang', false],
    ] as const) {
      const complaint = await this.call('legal', 'POST', '/api/complaints', {
        kind: 'complaint',
        officerId: this.ledger.officers[officer],
        source: '12345热线',
        receivedOn: this.today,
        summary: substantiated ? '执法时态度生硬，未出示证件' : '反映处罚过重',
      });
      await this.call('legal', 'PATCH', `/api/complaints/${complaint.json.id}`, {
        finding: substantiated ? 'substantiated' : 'unfounded',
        handling: substantiated ? '批评教育' : '向投诉人解释',
        handledOn: this.today,
      });
      this.ledger.complaints.push({
        id: complaint.json.id,
        officerId: this.ledger.officers[officer]!,
        substantiated,
      });
    }

    // self-assessment by the officers with accounts, before the deadline (the last working day)
    this.at(`${SCENARIO_YEAR}-06-24`);
    const periodId = this.ledger.q2PeriodId;
    for (const username of ['officer', 'year_liwd']) {
      const mine = await this.call(username, 'GET', `/api/assessment/periods/${periodId}/my-subject`);
      await this.call(
        username,
        'PUT',
        `/api/assessment/periods/${periodId}/subjects/${mine.json.subject.subjectKey}/self-assessment`,
        { items: [], note: '本季度按时完成执法检查任务，无扣分事项。' },
      );
    }
  }

  /** July: the office records, proposals generated and decided, computed, published, appealed, finalised. */
  async closeSecondQuarter() {
    const periodId = this.ledger.q2PeriodId!;
    const url = `/api/assessment/periods/${periodId}`;
    this.ledger.q3PeriodId = await this.openQuarter(`${SCENARIO_YEAR}-Q3`, `${SCENARIO_YEAR}-07-01`);
    const subjectOf = (officerId: number) =>
      this.host.db
        .selectFrom('assessment_subject')
        .select('subject_key')
        .where('period_id', '=', periodId)
        .where('officer_id', '=', officerId)
        .executeTakeFirstOrThrow()
        .then((row) => row.subject_key);
    // 张伟 was late twice (考勤记录)
    await this.call('supervisor', 'POST', `${url}/records`, {
      subjectKey: await subjectOf(this.ledger.officers.zhang!),
      item: 'bohu.001.a4.late',
      occurredOn: `${SCENARIO_YEAR}-05-13`,
      count: 2,
      note: '考勤记录：迟到两次',
    });
    await this.call('supervisor', 'POST', `${url}/proposals/generate`);
    const records = await this.call('supervisor', 'GET', `${url}/records?status=proposed&pageSize=200`);
    for (const record of records.json.items)
      await this.call('supervisor', 'POST', `${url}/proposals/${record.id}/decision`, { action: 'confirm' });
    await this.call('supervisor', 'POST', `${url}/compute`);
    this.at(`${SCENARIO_YEAR}-07-02`);
    await this.call('supervisor', 'POST', `${url}/publish`);
    // 张伟 appeals one late arrival (a training trip): upheld; 李卫东 the complaint: refused
    this.at(`${SCENARIO_YEAR}-07-03`);
    const zhangKey = await subjectOf(this.ledger.officers.zhang!);
    const liKey = await subjectOf(this.ledger.officers.li!);
    const upheld = await this.call('officer', 'POST', `${url}/subjects/${zhangKey}/appeals`, {
      reasons: '5月13日迟到系参加县局执法培训返程所致，附培训通知，请求撤销该项扣分。',
    });
    const refused = await this.call('year_liwd', 'POST', `${url}/subjects/${liKey}/appeals`, {
      reasons: '投诉人所述不实，请求撤销扣分。',
    });
    this.ledger.appeals = { upheldId: upheld.json.id, refusedId: refused.json.id };
    this.at(`${SCENARIO_YEAR}-07-08`);
    const late = (
      await this.call(
        'supervisor',
        'GET',
        `${url}/records?subjectKey=${encodeURIComponent(zhangKey)}&pageSize=200`,
      )
    ).json.items.find((record: { item: string }) => record.item === 'bohu.001.a4.late');
    await this.call('supervisor', 'POST', `${url}/appeals/${upheld.json.id}/decision`, {
      decision: 'upheld',
      reasons: '经核实系公务原因，撤销该项记录，改记迟到一次。',
      withdrawRecordIds: [late.id],
      addRecords: [
        {
          item: 'bohu.001.a4.late',
          occurredOn: `${SCENARIO_YEAR}-05-13`,
          count: 1,
          note: '申诉后改记：迟到一次',
        },
      ],
    });
    await this.call('supervisor', 'POST', `${url}/appeals/${refused.json.id}/decision`, {
      decision: 'rejected',
      reasons: '投诉经法制股调查属实，有执法记录仪视频为证。',
    });
    this.at(`${SCENARIO_YEAR}-07-22`);
    await this.call('supervisor', 'POST', `${url}/finalise`);
  }

  // ---------------------------------------------------------------- the first review campaign

  /** The pool's experts by username (陈静 and 李建国 score; 王丽娟 is recused from her own bureau's files). */
  readonly experts = new Map<number, string>();

  /**
   * July–August (第八至十九条): the draw, the panel with a recusal, the assignment, two blind sheets
   * a file, re-review of every flagged file, publication, an objection, the circular, rectification
   * (late), an exemplary file, the officer behind failing files, and the 第十九条 notice.
   */
  async reviewCampaign() {
    const id = this.ledger.campaignId!;
    const url = `/api/review-campaigns/${id}`;
    this.at(`${SCENARIO_YEAR}-07-16`);
    const params = { mode: 'per_unit', perUnit: 10, byUnit: true, byKind: false };
    const seed = `bohu-${SCENARIO_YEAR}-h1`;
    const preview = await this.call('supervisor', 'POST', `${url}/draw/preview`, { params, seed });
    await this.call('supervisor', 'POST', `${url}/draw`, {
      params,
      seed,
      eligibleDigest: preview.json.eligibleDigest,
    });
    for (const [username, name] of [
      ['supervisor', '李建国'],
      ['reviewer', '陈静'],
      ['nongye', '农业农村局法制员'],
      ['legal', '王丽娟'],
    ] as const) {
      // a member already in the pool (the demo county's own campaigns) is taken as they are
      const userId = await this.userId(username);
      const pool = (await this.call('supervisor', 'GET', '/api/review-experts')).json.items as Array<{
        id: number;
        userId: number;
      }>;
      const member = pool.find((entry) => entry.userId === userId);
      const expert = member
        ? { json: member }
        : await this.call('supervisor', 'POST', '/api/review-experts', {
            name,
            category: 'supervisor',
            expertise: ['penalty'],
            userId,
          });
      this.experts.set(expert.json.id, username);
    }
    const expertIds = [...this.experts.keys()];
    await this.call('supervisor', 'PUT', `${url}/panel`, { expertIds });
    const proposal = await this.call('supervisor', 'POST', `${url}/assignment/preview`);
    await this.call('supervisor', 'POST', `${url}/assignment`, {
      proposalDigest: proposal.json.proposalDigest,
    });
    const files = (await this.call('supervisor', 'GET', `${url}/files`)).json.items as Array<{
      id: number;
      caseId: number;
    }>;
    this.ledger.reviewFiles = files.map((file) => ({ fileId: file.id, caseId: file.caseId, scores: [] }));
    await this.checkpoint('review.assigned');

    // blind scoring: each reviewer sees only their own tasks
    this.at(`${SCENARIO_YEAR}-08-05`);
    const wangCases = this.ledger.cases.filter((entry) => entry.handlerId === this.ledger.officers.wang);
    const deductionOf = (caseId: number, round: number) => {
      if (wangCases.some((entry) => entry.id === caseId)) return 45; // 不合格
      const index = this.ledger.cases.findIndex((entry) => entry.id === caseId);
      if (index === 0) return round === 0 ? 2 : 30; // divergent: 98 against 70
      return index % 2 === 0 ? 5 : 15;
    };
    for (const username of new Set(this.experts.values())) {
      const mine = await this.call(username, 'GET', '/api/review-assignments/mine');
      // only this campaign's tasks (陈静 may have files of the demo county's own campaigns too)
      const tasks = (
        mine.json.items as Array<{ fileId: number; assignmentId: number; campaignId: number }>
      ).filter((task) => task.campaignId === id);
      for (const task of tasks) {
        const file = this.ledger.reviewFiles.find((entry) => entry.fileId === task.fileId)!;
        const deducted = deductionOf(file.caseId, file.scores.length);
        await this.scoreSheet(username, task.assignmentId, deducted);
        file.scores.push(100 - deducted);
      }
    }
    // 复评 of every flagged file by a panel member not yet on it (and not recused)
    this.at(`${SCENARIO_YEAR}-08-12`);
    for (const file of this.ledger.reviewFiles) {
      const history = await this.call('supervisor', 'GET', `${url}/files/${file.fileId}/history`);
      if (history.json.flags.length === 0) continue;
      const assigned = (await this.call('supervisor', 'GET', `${url}/assignments`)).json.items
        .filter((row: { fileId: number }) => row.fileId === file.fileId)
        .map((row: { expertId: number }) => row.expertId);
      const spare = expertIds.find(
        (expertId) => !assigned.includes(expertId) && this.experts.get(expertId) !== 'legal',
      );
      if (!spare) throw new Error(`no spare expert for file ${file.fileId}`);
      await this.call('supervisor', 'POST', `${url}/rechecks`, {
        fileId: file.fileId,
        expertId: spare,
        reason: history.json.flagLabels.join('；'),
      });
      const username = this.experts.get(spare)!;
      const task = (await this.call(username, 'GET', '/api/review-assignments/mine')).json.items.find(
        (row: { fileId: number; submittedAt?: string | null }) => row.fileId === file.fileId,
      );
      const deducted = deductionOf(file.caseId, 0) === 45 ? 48 : 10;
      await this.scoreSheet(username, task.assignmentId, deducted);
      file.scores.push(100 - deducted);
    }
    this.at(`${SCENARIO_YEAR}-08-20`);
    await this.call('supervisor', 'POST', `${url}/publish`);
    await this.checkpoint('review.published');
  }

  /** One sheet, the deduction spread over the criteria (2, 4: 15 points; 1, 3: 10; 5: 8), signed. */
  async scoreSheet(username: string, assignmentId: number, deducted: number) {
    const items: Array<{ no: number; deducted: number; reason: string }> = [];
    let left = deducted;
    for (const [no, points] of [
      [2, 15],
      [4, 15],
      [1, 10],
      [3, 10],
      [5, 8],
    ] as const) {
      if (left <= 0) break;
      const taken = Math.min(points, left);
      items.push({
        no,
        deducted: taken,
        reason: deducted >= 40 ? '行政处罚决定无法定依据' : '证据目录不完整',
      });
      left -= taken;
    }
    await this.call(username, 'PUT', `/api/review-assignments/${assignmentId}/sheet`, {
      items,
      submit: true,
    });
  }

  /**
   * After publication: an objection (refused), the circular (博司评), the market bureau's report
   * (filed late, accepted), an exemplary file, the officer with repeated failing files, the
   * 第十九条 notice raised from his file, and his failing files proposed in the open Q3 period.
   */
  async afterPublication() {
    const id = this.ledger.campaignId!;
    const url = `/api/review-campaigns/${id}`;
    const market = await this.orgId('博湖县市场监督管理局');
    const wangCases = this.ledger.cases.filter((entry) => entry.handlerId === this.ledger.officers.wang);
    const failing = this.ledger.reviewFiles.filter((file) =>
      wangCases.some((entry) => entry.id === file.caseId),
    );
    this.at(`${SCENARIO_YEAR}-08-21`);
    const objection = await this.call('legal', 'POST', `${url}/objections`, {
      fileId: failing[0]!.fileId,
      reasons: '该案已补正法律依据，请求重新评定。',
    });
    this.at(`${SCENARIO_YEAR}-08-23`);
    const objectionId = objection.json.items.at(-1).id as number;
    await this.call('supervisor', 'POST', `${url}/objections/${objectionId}/decision`, {
      decision: 'refused',
      reason: '补正发生在结案之后，评查以结案时案卷为准。',
    });
    this.at(`${SCENARIO_YEAR}-08-28`);
    const circular = await this.call('supervisor', 'POST', `${url}/circular`);
    this.ledger.documentNumbers.push(circular.json.circularNumber);
    const due = (await this.call('legal', 'GET', `${url}/units/${market}/rectification`)).json
      .dueOn as string;
    // the report comes three days after its deadline
    const lateDay = new Date(Date.parse(`${due}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    this.at(lateDay);
    const filed = await this.call('legal', 'POST', `${url}/units/${market}/rectification`, {
      report: '已对不合格案卷补正法律依据，并组织全队学习《行政处罚法》。',
      attachmentNames: ['已整改案卷目录'],
    });
    await this.call(
      'supervisor',
      'POST',
      `${url}/units/${market}/rectification/${filed.json.history[0].id}/decision`,
      {
        decision: 'accepted',
      },
    );
    const excellent = this.ledger.reviewFiles.find((file) => file.scores.every((score) => score >= 90));
    if (excellent)
      await this.call('supervisor', 'PUT', `${url}/files/${excellent.fileId}/exemplary`, {
        isExemplary: true,
        note: '证据链完整，文书规范',
      });
    const marked = await this.call('supervisor', 'PUT', `${url}/files/${failing[0]!.fileId}/article19`, {
      grounds: [3],
      raiseNotice: true,
    });
    this.ledger.noticeId = marked.json.noticeId;
    // TODO(issue 21 step 3): 第十八条's 通报批评 of the officer with repeated failing files has no
    // action of its own: the review domain lists him (failing-officers), a supervision circular
    // may name him, but nothing records the criticism against the officer.
  }

  /** Q3 (open since July): the county maps failing review files to 失职失信 and proposals are generated. */
  async thirdQuarterProposals() {
    this.at(`${SCENARIO_YEAR}-09-02`);
    const periodId = this.ledger.q3PeriodId!;
    const period = await this.call('supervisor', 'GET', `/api/assessment/periods/${periodId}`);
    await this.call('supervisor', 'PUT', '/api/assessment/proposal-mapping', {
      schemeVersionId: period.json.schemeVersionId,
      source: 'review_fail',
      item: 'bohu.001.a4.duty-failure',
    });
    return (await this.call('supervisor', 'POST', `/api/assessment/periods/${periodId}/proposals/generate`))
      .json;
  }

  // ---------------------------------------------------------------- supervision (第十五、十七条)

  /** The notice is signed, served, not corrected in time; the government decides; reports come late. */
  async supervisionNotice() {
    const noticeId = this.ledger.noticeId!;
    const url = `/api/supervision/notices/${noticeId}`;
    this.at(`${SCENARIO_YEAR}-09-03`);
    await this.call('supervisor', 'PATCH', url, {
      facts: '该案行政处罚决定无法定依据',
      reasons: '适用法律错误',
      legalBasis: '《中华人民共和国行政处罚法》第三十八条',
      requiredCorrection: '撤销并重新作出处罚决定',
      correctionDueOn: `${SCENARIO_YEAR}-09-20`,
    });
    await this.call('supervisor', 'POST', `${url}/submit`);
    await this.checkpoint('notice.submitted');
    await this.signAsJuzhang('supervision_notice', noticeId);
    await this.checkpoint('notice.signed');
    const signed = await this.call('supervisor', 'GET', url);
    this.ledger.documentNumbers.push(signed.json.number);
    await this.call('supervisor', 'POST', `${url}/serve`, {
      servedOn: this.today,
      manner: '直接送达',
      receiver: '王丽娟',
    });
    // nothing by the correction deadline: the bureau asks the county government (第十五条)
    this.at(`${SCENARIO_YEAR}-09-23`);
    const drafted = await this.call('supervisor', 'POST', `${url}/decisions`, {
      ground: 'overdue',
      requestReason: '该局逾期未撤销违法的处罚决定，经催告仍未改正',
      proposedKind: 'revoke',
    });
    const decisionId = drafted.json.id as number;
    this.ledger.decisionId = decisionId;
    await this.call('supervisor', 'POST', `/api/supervision/decisions/${decisionId}/submit`);
    await this.signAsJuzhang('supervision_decision', decisionId);
    const requested = await this.call('supervisor', 'GET', `/api/supervision/decisions/${decisionId}`);
    this.ledger.documentNumbers.push(requested.json.requestNumber);
    this.at(`${SCENARIO_YEAR}-09-27`);
    await this.call('supervisor', 'POST', `/api/supervision/decisions/${decisionId}/record`, {
      kind: 'revoke',
      decisionNumber: `博政监决〔${SCENARIO_YEAR}〕1号`,
      decidedOn: this.today,
      content: '撤销该局作出的行政处罚决定，责令依法重新作出',
      servedOn: this.today,
    });
    // the agency's answer to the notice comes after its 30 days (served 09-03, due 10-03)
    this.at(`${SCENARIO_YEAR}-10-14`);
    await this.call('legal', 'POST', `${url}/report`, { content: '已撤销原处罚决定并重新作出。' });
    await this.call('supervisor', 'POST', `${url}/review`, { accept: true });
    await this.call('legal', 'POST', `/api/supervision/decisions/${decisionId}/report`, {
      content: '已按县政府决定撤销原处罚决定，附重新作出的处罚决定书。',
    });
    await this.call('supervisor', 'POST', `/api/supervision/decisions/${decisionId}/review`, {
      accept: true,
    });

    // a justice office refers a township's act upward (第十七条)
    this.at(`${SCENARIO_YEAR}-10-16`);
    const township = await this.orgId('博湖镇综合行政执法队');
    const referral = await this.call('sifasuo', 'POST', '/api/supervision/referrals', {
      unitId: township,
      inspectedOn: this.today,
      place: '博湖镇综合行政执法队',
      facts: `日常监督检查调阅${SCENARIO_YEAR}年行政处罚案卷6卷`,
      findings: '2件案件未履行告知程序即作出处罚决定',
      suggestion: '建议县司法局制发行政执法监督通知书',
      contactPhone: '13912345678',
    });
    this.ledger.referralId = referral.json.id;
    this.at(`${SCENARIO_YEAR}-10-18`);
    await this.call('supervisor', 'POST', `/api/supervision/referrals/${referral.json.id}/accept`, {
      kind: 'routine',
      field: 'other',
      title: '博湖镇综合行政执法队未履行告知程序',
    });
  }

  // ---------------------------------------------------------------- coordination (第七、二十三条)

  /** One dispute to an opinion (the agriculture bureau shirks and is marked), one to the government. */
  async disputes() {
    const base = '/api/coordination/disputes';
    const market = await this.orgId('博湖县市场监督管理局');
    const agri = await this.orgId('博湖县农业农村局');
    const application = (matter: string) => ({
      matter,
      position: '活禽检疫属于动物防疫职责',
      legalBasis: '《中华人民共和国动物防疫法》第八条',
      negotiationRecord: `${SCENARIO_YEAR}年10月双方分管领导协商，未达成一致。`,
      parties: [
        { orgId: agri, position: '对方认为属于市场经营秩序监管', legalBasis: '《农产品质量安全法》' },
      ],
    });
    this.at(`${SCENARIO_YEAR}-10-21`);
    const first = await this.call('legal', 'POST', base, application('农贸市场内活禽销售环节的监管职责'));
    const second = await this.call('legal', 'POST', base, application('农村集市生鲜乳收购环节的监管职责'));
    this.ledger.disputes = { opinionId: first.json.id, escalatedId: second.json.id };
    this.at(`${SCENARIO_YEAR}-10-22`);
    for (const dispute of [first, second])
      await this.call('supervisor', 'POST', `${base}/${dispute.json.id}/review`, { decision: 'accept' });
    this.at(`${SCENARIO_YEAR}-10-25`);
    await this.call('nongye', 'POST', `${base}/${first.json.id}/views`, {
      partyOrgId: agri,
      position: '活禽检疫由本局负责，市场内经营秩序由市场监管局负责',
      legalBasis: '《动物防疫法》第八条',
    });
    this.at(`${SCENARIO_YEAR}-10-29`);
    await this.call('supervisor', 'POST', `${base}/${first.json.id}/meetings`, {
      heldOn: this.today,
      place: '县司法局会议室',
      attendees: '双方分管领导',
      experts: '律师 1 名',
      minutes: '明确活禽检疫与市场经营秩序的职责边界',
    });
    const drafted = await this.call('supervisor', 'POST', `${base}/${first.json.id}/opinions`, {
      title: '关于活禽监管职责争议的协调意见书',
      body: '一、职责划分\n活禽检疫由县农业农村局负责，市场内经营秩序由县市场监督管理局负责。',
    });
    const documentId = drafted.json.documents.at(-1).id as number;
    await this.call('supervisor', 'POST', `${base}/${first.json.id}/opinions/${documentId}/submit`);
    await this.signAsJuzhang('coordination_opinion', documentId);
    const served = await this.call(
      'supervisor',
      'POST',
      `${base}/${first.json.id}/opinions/${documentId}/serve`,
      {
        servedOn: this.today,
      },
    );
    this.ledger.documentNumbers.push(served.json.opinionNumber);
    this.at(`${SCENARIO_YEAR}-11-01`);
    await this.call('legal', 'POST', `${base}/${first.json.id}/execution`, {
      partyOrgId: market,
      note: '已执行',
    });
    // the agriculture bureau lets the 10 working days pass: marked under 第二十三条
    this.at(`${SCENARIO_YEAR}-11-15`);
    await this.call('supervisor', 'POST', '/api/coordination/violations', {
      kind: 'not_executed',
      disputeId: first.json.id,
      orgId: agri,
      facts: '逾期未执行协调意见',
    });
    // the second goes to the county government
    await this.call('supervisor', 'POST', `${base}/${second.json.id}/escalate`, {
      reason: '经协调未达成一致',
    });
    await this.call('supervisor', 'POST', `${base}/${second.json.id}/interim-lead`, {
      orgId: agri,
      reason: '生鲜乳收购旺季，先行由农业农村局牵头',
    });
    this.at(`${SCENARIO_YEAR}-11-26`);
    await this.call('supervisor', 'POST', `${base}/${second.json.id}/decisions`, {
      number: `博政办〔${SCENARIO_YEAR}〕15号`,
      decidedOn: this.today,
      content: '生鲜乳收购环节由县农业农村局负责监管',
      servedOn: this.today,
    });
  }

  /** The Q2 results circular: asked for 签发, signed by 周海涛, numbered from 博考办's register. */
  async resultsCircular() {
    this.at(`${SCENARIO_YEAR}-07-24`);
    const periodId = this.ledger.q2PeriodId!;
    await this.call('supervisor', 'POST', `/api/assessment/periods/${periodId}/circular/sign-off`, {});
    const list = await this.call('juzhang', 'GET', '/api/documents/sign-offs?status=pending');
    const item = list.json.items.find(
      (entry: { recordId: number; record: { label: string } }) =>
        entry.recordId === periodId && entry.record.label === '考核结果通报',
    );
    if (!item) throw new Error('no pending sign-off of the results circular');
    await this.call('juzhang', 'POST', `/api/documents/sign-offs/${item.id}/sign`, {});
    const issue = await this.call('supervisor', 'GET', `/api/assessment/periods/${periodId}/circular/issue`);
    this.ledger.documentNumbers.push(issue.json.issued.number);
    return issue.json.issued.number as string;
  }

  // ---------------------------------------------------------------- December: unit assessment (seed 002)

  /**
   * The townships' 依法行政考核 (乡镇依法行政考核方案): 博湖镇 adds to its dossier (三(二)) and files its
   * annual report by 12月1日 (三(一)); 本布图镇 files nothing; the office opens the year's period,
   * spot-checks 博湖镇 (三(三)) into it, computes, the leading group approves (三(五)), the results
   * are published, and 博湖镇, graded 不合格, files its written rectification plan (五(二)).
   */
  async december() {
    const year = SCENARIO_YEAR;
    const bohu = await this.orgId('博湖镇人民政府');
    this.at(`${year}-11-05`);
    await this.call('sifasuo', 'POST', `/api/units/${bohu}/dossier`, {
      year,
      kind: 'meeting',
      title: '依法行政专题会议',
      occurredOn: `${year}-11-05`,
      content: '镇党委会研究法治政府建设年度任务完成情况',
    });
    this.at(`${year}-11-29`);
    await this.call('sifasuo', 'PUT', `/api/units/${bohu}/reports/${year}`, {
      body: `博湖镇${year}年度依法行政工作报告：一、主要工作……二、存在问题……三、下一步打算……`,
      selfScore: 85,
    });

    this.at(`${year}-12-02`);
    const schemes = await this.call('supervisor', 'GET', '/api/assessment/schemes');
    const version = schemes.json.find(
      (entry: { schemeId: string; source: string }) =>
        entry.schemeId === 'township-law-based-admin' && entry.source === 'preset',
    );
    const county = await this.host.db
      .selectFrom('org')
      .select('id')
      .where('path', '=', '/1/')
      .executeTakeFirstOrThrow();
    const opened = await this.call('supervisor', 'POST', '/api/assessment/periods', {
      schemeVersionId: version.id,
      periodKey: String(year),
      underOrgId: county.id,
    });
    const periodId = opened.json.id as number;
    this.ledger.unitPeriodId = periodId;

    this.at(`${year}-12-10`);
    // 附件一: the centre late (3), 20 village stations late (0.5 each), a decision without hearing (4)
    // and unpublished (3), three normative documents not filed in time (1 each, group cap 3)
    const deductions = [
      { item: 'twp.002.centre.late', note: '便民服务中心9月30日前未建成' },
      { item: 'twp.002.centre.agency-late', count: 20, note: '20个村便民服务代办站未按期建成' },
      { item: 'twp.002.decision.no-hearing', note: '征地补偿方案未经听证' },
      { item: 'twp.002.decision.not-published', note: '征地补偿决策结果未公开' },
      { item: 'twp.002.normative.filing-late', count: 3, note: '3件规范性文件未及时报备' },
    ];
    this.ledger.unitDeductions = deductions;
    await this.call('supervisor', 'POST', `/api/units/${bohu}/checks`, {
      year,
      kind: 'spot',
      checkedOn: `${year}-12-10`,
      checkers: '李建国、赵敏',
      methods: ['briefing', 'documents', 'case_files'],
      findings: '便民服务中心及代办站未按期建成；重大决策未听证、未公开；规范性文件未及时备案。',
      periodId,
      deductions,
    });

    this.at(`${year}-12-16`);
    await this.call('supervisor', 'POST', `/api/assessment/periods/${periodId}/compute`);
    await this.call('supervisor', 'POST', `/api/unit-periods/${periodId}/approvals/township/submit`, {
      note: '请领导小组审定乡镇依法行政考核结果',
    });
    await this.checkpoint('units.submitted');
    this.at(`${year}-12-18`);
    await this.call('juzhang', 'POST', `/api/unit-periods/${periodId}/approvals/township/decision`, {
      decision: 'approve',
    });
    await this.call('supervisor', 'POST', `/api/assessment/periods/${periodId}/publish`);

    this.at(`${year}-12-23`);
    await this.call('sifasuo', 'POST', `/api/unit-periods/${periodId}/rectifications/${bohu}`, {
      plan: '一、年内建成便民服务中心及代办站；二、重大决策一律听证并公开结果；三、规范性文件印发后30日内报备。',
    });
    await this.call('supervisor', 'POST', `/api/unit-periods/${periodId}/rectifications/${bohu}/review`, {
      decision: 'accept',
    });
  }

  // Not driven yet: Q1 and Q4 (one quarter, Q2, goes through the whole period life; Q3 is left open to
  // receive the review-fail proposals) and the year's officer roll-up (GET /api/assessment/roll-up).
  // 领导测评 (ratings) belong to the section scheme (zjg-section-quarterly), not to
  // bohu-officer-routine that the officers' quarters use; no officer rating is entered here.

  /** The whole year in order (the scenario test runs the same steps one by one, checking between them). */
  async runAll() {
    await this.january();
    await this.secondQuarter();
    await this.closeSecondQuarter();
    await this.resultsCircular();
    await this.reviewCampaign();
    await this.afterPublication();
    await this.thirdQuarterProposals();
    await this.supervisionNotice();
    await this.disputes();
    await this.december();
  }
}
