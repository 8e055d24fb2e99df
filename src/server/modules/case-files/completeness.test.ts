import { describe, expect, it } from 'vitest';
import { CATALOGUE, DEFAULT_REQUIREMENTS, type FileTrait, type RequiredWhen } from './catalogue.ts';
import { type CheckedDocument, type CheckInput, checkCaseFile, isRequired } from './completeness.ts';

const REQUIREMENTS = new Map<string, RequiredWhen>(
  DEFAULT_REQUIREMENTS.map((rule) => [rule.code, rule.requiredWhen]),
);
const COVER = {
  archiveNo: 'WS·2025-D30-0001',
  category: '行政处罚',
  fileNo: '博市监罚〔2025〕1号',
  cause: '销售过期食品案',
  partyName: '博湖县某某超市',
  agencyName: '博湖县市场监督管理局',
  handlerNames: '张伟、李娜',
  receivedOn: '2025-03-01',
  closedOn: '2025-04-10',
  retentionPeriod: '长期',
};

/** Documents of these kinds, in this order, two pages each, numbered continuously. */
function documents(volume: 'main' | 'restricted', codes: string[], startId = 1): CheckedDocument[] {
  return codes.map((kindCode, position) => ({
    id: startId + position,
    volume,
    sequence: position + 1,
    kindCode,
    pageFrom: position * 2 + 1,
    pageTo: position * 2 + 2,
    isOriginal: true,
    verifiedBy: null,
    verifiedOn: null,
    copySource: null,
  }));
}

const PENALTY_MINIMUM = ['P01', 'P02', 'P03', 'P13', 'P23'];
const RESTRICTED_MINIMUM = ['R01', 'R02', 'R03'];

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    mainCatalogue: 'penalty',
    isBinding: true,
    traits: [],
    requirements: REQUIREMENTS,
    cover: COVER,
    documents: [...documents('main', PENALTY_MINIMUM), ...documents('restricted', RESTRICTED_MINIMUM, 100)],
    ...overrides,
  };
}

describe('catalogue (第九条, 第十条)', () => {
  it('has 27 licensing, 23 penalty and 8 restricted kinds, numbered in clause order', () => {
    const count = (catalogue: string) => CATALOGUE.filter((entry) => entry.catalogue === catalogue).length;
    expect([count('licensing'), count('penalty'), count('restricted')]).toEqual([27, 23, 8]);
    expect(CATALOGUE.find((entry) => entry.code === 'P13')?.label).toBe('行政处罚事先告知书');
    expect(CATALOGUE.find((entry) => entry.code === 'L27')?.label).toBe('颁发的行政许可证件副本');
    expect(CATALOGUE.find((entry) => entry.code === 'R04')?.clause).toBe('案卷制作规范第十条第4项');
  });
});

describe('isRequired', () => {
  it.each<[RequiredWhen | undefined, FileTrait[], boolean]>([
    ['always', [], true],
    ['optional', ['hearing'], false],
    [undefined, [], false],
    ['hearing', [], false],
    ['hearing', ['hearing'], true],
    ['hearing', ['sampling'], false],
    [{ none: ['not_accepted'] }, [], true],
    [{ none: ['not_accepted'] }, ['not_accepted'], false],
    [{ any: ['hearing', 'statement'] }, ['statement'], true],
    [{ any: ['hearing', 'statement'] }, ['sampling'], false],
    [{ all: ['hearing', 'statement'] }, ['hearing'], false],
    [{ all: ['hearing', 'statement'], none: ['transfer'] }, ['hearing', 'statement'], true],
    [{ all: ['hearing', 'statement'], none: ['transfer'] }, ['hearing', 'statement', 'transfer'], false],
  ])('%j with %j → %s', (rule, traits, expected) => {
    expect(isRequired(rule, traits)).toBe(expected);
  });
});

describe('checkCaseFile', () => {
  it('passes a complete penalty file without hearing', () => {
    expect(checkCaseFile(input())).toEqual({ passes: true, findings: [] });
  });

  it('a hearing makes the hearing notice, record and report required (第九条(二)15–16, 第十条4)', () => {
    const result = checkCaseFile(input({ traits: ['hearing'] }));
    expect(result.passes).toBe(false);
    expect(result.findings.map((finding) => [finding.code, finding.kindCode, finding.clause])).toEqual([
      ['missing_required', 'P15', '案卷制作规范第九条第（二）款第15项'],
      ['missing_required', 'P16', '案卷制作规范第九条第（二）款第16项'],
      ['missing_required', 'R04', '案卷制作规范第十条第4项'],
    ]);
  });

  it('a rule an admin made optional is no longer required', () => {
    const requirements = new Map(REQUIREMENTS).set('P02', 'optional');
    const main = documents('main', ['P01', 'P03', 'P13', 'P23']);
    const result = checkCaseFile(
      input({ requirements, documents: [...main, ...documents('restricted', RESTRICTED_MINIMUM, 100)] }),
    );
    expect(result.passes).toBe(true);
  });

  it('without a 副卷 the 第十条 kinds are not required (第七条)', () => {
    expect(checkCaseFile(input({ documents: documents('main', PENALTY_MINIMUM) })).passes).toBe(true);
  });

  it.each<[string, Partial<CheckedDocument>, number, string, string]>([
    ['page gap', { pageFrom: 5, pageTo: 6 }, 1, 'page_gap', '案卷制作规范第十五条'],
    ['page overlap', { pageFrom: 2, pageTo: 4 }, 1, 'page_overlap', '案卷制作规范第十五条'],
    ['not starting at 1', { pageFrom: 2, pageTo: 2 }, 0, 'page_start', '案卷制作规范第十五条'],
    ['reversed range', { pageFrom: 4, pageTo: 3 }, 1, 'page_range', '案卷制作规范第十五条'],
    [
      'copy without verification',
      { isOriginal: false, verifiedBy: '李娜', verifiedOn: null, copySource: '当事人提供' },
      2,
      'copy_unverified',
      '案卷制作规范第五条',
    ],
    [
      'restricted kind in the main volume',
      { kindCode: 'R05' },
      4,
      'restricted_in_main',
      '案卷制作规范第七条、第十条',
    ],
    ['licensing kind in a penalty file', { kindCode: 'L02' }, 4, 'wrong_catalogue', '案卷制作规范第九条'],
    ['unknown kind', { kindCode: 'X99' }, 4, 'unknown_kind', '案卷制作规范第九条、第十条'],
  ])('%s', (_name, change, position, code, clause) => {
    const main = documents('main', [...PENALTY_MINIMUM]);
    main[position] = { ...main[position]!, ...change };
    const result = checkCaseFile(input({ documents: main }));
    expect(result.passes).toBe(false);
    const finding = result.findings.find((candidate) => candidate.code === code);
    expect(finding, JSON.stringify(result.findings)).toBeDefined();
    expect(finding!.clause).toBe(clause);
    if (code !== 'page_start') expect(finding!.documentId).toBe(main[position]!.id);
  });

  it('a verified copy passes', () => {
    const main = documents('main', PENALTY_MINIMUM);
    main[1] = {
      ...main[1]!,
      isOriginal: false,
      verifiedBy: '李娜',
      verifiedOn: '2025-03-02',
      copySource: '当事人',
    };
    expect(checkCaseFile(input({ documents: main })).passes).toBe(true);
  });

  it('reports a document placed before one that the catalogue puts earlier (第八条)', () => {
    const main = documents('main', ['P01', 'P13', 'P03', 'P02', 'P23']);
    const result = checkCaseFile(input({ documents: main }));
    expect(
      result.findings.filter((finding) => finding.code === 'wrong_order').map((f) => f.kindCode),
    ).toEqual(['P03', 'P02']);
  });

  it('repeated kinds in a row are in order', () => {
    const main = documents('main', ['P01', 'P02', 'P03', 'P03', 'P03', 'P13', 'P23']);
    expect(checkCaseFile(input({ documents: main })).passes).toBe(true);
  });

  it('accepts a volume in the order its documents were formed, and reports one in neither order (第八条)', () => {
    // time order: the inquiry and the prior notice before the decision (P03, P13, P01 …)
    const dated = (codes: string[], dates: (string | null)[]) =>
      documents('main', codes).map((document, position) => ({ ...document, formedOn: dates[position] }));
    const codes = ['P02', 'P03', 'P13', 'P01', 'P23'];
    const inTime = dated(codes, ['2025-03-01', '2025-03-02', '2025-03-20', '2025-04-01', '2025-04-02']);
    expect(checkCaseFile(input({ documents: inTime })).findings).toEqual([]);
    // neither: the dates go back and forth, and the kinds are out of catalogue order
    const neither = dated(codes, ['2025-03-01', '2025-04-01', '2025-03-20', '2025-04-01', '2025-04-02']);
    const orderFindings = checkCaseFile(input({ documents: neither })).findings.filter(
      (finding) => finding.code === 'wrong_order',
    );
    expect(orderFindings.map((finding) => finding.kindCode)).toEqual(['P01']);
    expect(orderFindings[0]!.message).toContain('形成时间');
    // an undated document cannot show time order
    const undated = dated(codes, ['2025-03-01', null, '2025-03-20', '2025-04-01', '2025-04-02']);
    expect(checkCaseFile(input({ documents: undated })).passes).toBe(false);
  });

  it('orders by sequence, not by the array order it was given in', () => {
    const main = documents('main', PENALTY_MINIMUM).reverse();
    expect(checkCaseFile(input({ documents: main })).passes).toBe(true);
  });

  it('reports each missing cover field of 第十六条 except 归档日期', () => {
    const result = checkCaseFile(input({ cover: { ...COVER, archiveNo: '', retentionPeriod: null } }));
    expect(result.findings.map((finding) => [finding.code, finding.clause, finding.message])).toEqual([
      ['cover_missing', '案卷制作规范第十六条', '案卷封面缺少“档号”'],
      ['cover_missing', '案卷制作规范第十六条', '案卷封面缺少“归档期限”'],
    ]);
  });

  it('an application not accepted needs its 不予受理通知书, not a 受理通知书 or a 决定书 (第九条(一)1, 6–7)', () => {
    const refused = documents('main', ['L02', 'L03', 'L05', 'L07', 'L26']);
    const check = checkCaseFile(
      input({ mainCatalogue: 'licensing', traits: ['not_accepted'], documents: refused }),
    );
    expect(check.findings).toEqual([]);
    const accepted = checkCaseFile(
      input({ mainCatalogue: 'licensing', documents: documents('main', ['L02', 'L03', 'L05', 'L26']) }),
    );
    expect(accepted.findings.map((finding) => finding.kindCode)).toEqual(['L01', 'L06']);
  });

  it('a 第十八条 kind only 参照 the catalogue: its findings are suggestions and the check passes', () => {
    // an inspection file with no penalty decision, out of catalogue order and with a page gap
    const main = documents('main', ['P03', 'P02']);
    main[1]!.pageFrom = 10;
    main[1]!.pageTo = 11;
    const check = checkCaseFile(input({ isBinding: false, documents: main }));
    expect(check.passes).toBe(false); // the page gap (第十五条) is still a fault
    const faults = check.findings.filter((finding) => !finding.isAdvisory).map((finding) => finding.code);
    expect(faults).toEqual(['page_gap']);
    const advice = check.findings.filter((finding) => finding.isAdvisory).map((finding) => finding.code);
    expect(advice).toEqual(['missing_required', 'missing_required', 'missing_required', 'wrong_order']);
    main[1]!.pageFrom = 3;
    main[1]!.pageTo = 4;
    expect(checkCaseFile(input({ isBinding: false, documents: main })).passes).toBe(true);
    expect(checkCaseFile(input({ isBinding: true, documents: main })).passes).toBe(false);
  });

  it('a licensing file checks against the 27-item list: a granted licence needs its copy (第九条(一)27)', () => {
    const main = documents('main', ['L01', 'L02', 'L03', 'L05', 'L06', 'L26']);
    expect(checkCaseFile(input({ mainCatalogue: 'licensing', documents: main })).passes).toBe(true);
    const granted = checkCaseFile(
      input({ mainCatalogue: 'licensing', traits: ['granted'], documents: main }),
    );
    expect(granted.findings.map((finding) => finding.kindCode)).toEqual(['L27']);
  });
});
