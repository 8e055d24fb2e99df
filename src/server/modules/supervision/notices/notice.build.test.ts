import { describe, expect, it } from 'vitest';
import { buildNoticeDocument } from './notice.build.ts';

const input = {
  issuerName: '博湖县司法局',
  numberPrefix: '博司监',
  number: '博司监〔2026〕3号',
  unitName: '博湖县市场监督管理局',
  facts: '3件行政处罚案件未履行告知程序',
  reasons: '违反法定程序',
  legalBasis: '《中华人民共和国行政处罚法》第四十四条',
  requiredCorrection: '撤销并重新作出处罚决定',
  correctionDueOn: '2026-03-31',
  issuedOn: '2026-03-02',
  today: '2026-03-05',
  isWithdrawn: false,
};

describe('buildNoticeDocument', () => {
  it('is an official document to the unit, numbered, with the 30-day report duty of 第十五条', () => {
    const content = buildNoticeDocument(input);
    expect(content).toMatchObject({
      layout: 'official',
      issuerName: '博湖县司法局',
      number: '博司监〔2026〕3号',
      title: '行政执法监督通知书',
      recipients: ['博湖县市场监督管理局'],
      signatureOrg: '博湖县司法局',
      date: '2026-03-02',
      marking: null,
    });
    const text = content.body.map((block) => ('text' in block ? block.text : '')).join('\n');
    expect(text).toContain('2026年3月31日前改正');
    expect(text).toContain('自收到本通知书之日起30日内');
    expect(text).toContain('第四十四条');
  });

  it('before issue prints no number, today’s date and the 未签发稿 marking', () => {
    const content = buildNoticeDocument({ ...input, number: null, issuedOn: null });
    expect(content).toMatchObject({ number: null, date: '2026-03-05', marking: '未签发稿' });
  });
});
