import { describe, expect, it } from 'vitest';
import { failingPersons, maskParties, maskPartyName, type PersonFile } from './results.rules.ts';

describe('maskPartyName (第十八条: the showcase hides the parties)', () => {
  it.each([
    ['张三', '张某'],
    ['欧阳小明', '欧某'],
    ['博湖县某某商贸有限公司', '博湖***有限公司'],
    ['博湖县鑫源农民专业合作社', '博湖***合作社'],
    ['新疆博湖天山水产养殖股份', '新疆***'],
  ])('%s → %s', (name, masked) => {
    expect(maskPartyName(name)).toBe(masked);
  });
  it('masks every party in a case name, the longer name first', () => {
    expect(maskParties('张三、张三丰未取得许可经营案', ['张三', '张三丰'])).toBe(
      '张某、张某未取得许可经营案',
    );
  });
});

const file = (personKey: string, fileId: number, role: PersonFile['role'] = 'handler'): PersonFile => ({
  personKey,
  name: personKey,
  role,
  orgName: null,
  officerId: null,
  fileId,
  caseNo: `案${fileId}`,
});

describe('failingPersons (第十八条: 承办不合格案卷较多的执法人员及法制审核人员)', () => {
  it.each([
    ['below the threshold: nobody', [file('甲', 1)], 2, []],
    ['at the threshold: listed', [file('甲', 1), file('甲', 2)], 2, [['甲', 2]]],
    ['one file counted once', [file('甲', 1), file('甲', 1)], 2, []],
    [
      'handler and legal reviewer apart, most files first',
      [
        file('乙', 1),
        file('乙', 2),
        file('乙', 3),
        file('甲', 1),
        file('甲', 2),
        file('甲', 1, 'legal_reviewer'),
      ],
      2,
      [
        ['乙', 3],
        ['甲', 2],
      ],
    ],
  ] as const)('%s', (_name, files, threshold, expected) => {
    expect(
      failingPersons(files, threshold).map((person) => [person.name, person.failingFiles.length]),
    ).toEqual(expected);
  });
});
