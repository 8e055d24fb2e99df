import { describe, expect, it } from 'vitest';
import { blocksOfText } from '../coordination.documents.ts';
import { buildCoordinationOpinion } from './opinion.build.ts';

describe('buildCoordinationOpinion', () => {
  const facts = {
    bureauName: '博湖县司法局',
    number: '博司协〔2026〕3号',
    numberPrefix: '博司协',
    title: '关于农贸市场活禽销售监管职责争议的协调意见书',
    body: '一、职责划分\n活禽交易市场内的检疫监管由县农业农村局负责。\n\n二、执行要求\n自送达之日起执行。',
    matter: '农贸市场活禽销售监管',
    filedOn: '2026-03-02',
    applicantName: '博湖县市场监督管理局',
    respondentNames: ['博湖县农业农村局'],
    signedOn: '2026-03-20',
    today: '2026-03-25',
  };

  it('addresses every party, cites 第七条 and keeps the editor’s headings (numbered by the renderer)', () => {
    const content = buildCoordinationOpinion(facts);
    expect(content).toMatchObject({
      layout: 'official',
      issuerName: '博湖县司法局',
      number: '博司协〔2026〕3号',
      recipients: ['博湖县市场监督管理局', '博湖县农业农村局'],
      signatureOrg: '博湖县司法局',
      date: '2026-03-20',
      marking: null,
    });
    expect(content.body[0]).toMatchObject({ type: 'paragraph' });
    expect((content.body[0] as { text: string }).text).toContain('2026年3月2日');
    expect((content.body[0] as { text: string }).text).toContain('第七条');
    expect(content.body.slice(1, 5)).toEqual([
      { type: 'heading', level: 1, text: '职责划分' },
      { type: 'paragraph', text: '活禽交易市场内的检疫监管由县农业农村局负责。' },
      { type: 'heading', level: 1, text: '执行要求' },
      { type: 'paragraph', text: '自送达之日起执行。' },
    ]);
    expect((content.body.at(-1) as { text: string }).text).toContain('第二十三条');
  });

  it('prints a draft without number, dated the day it is printed and marked 未签发稿', () => {
    const content = buildCoordinationOpinion({ ...facts, number: null, signedOn: null });
    expect(content).toMatchObject({ number: null, numberPrefix: '博司协', date: '2026-03-25' });
    expect(content.marking).toBe('未签发稿');
  });
});

describe('blocksOfText', () => {
  it.each([
    ['', []],
    ['  \n\n', []],
    ['十一、其他', [{ type: 'heading', level: 1, text: '其他' }]],
    ['（二）分工', [{ type: 'heading', level: 2, text: '分工' }]],
    ['一是加强协作', [{ type: 'paragraph', text: '一是加强协作' }]],
  ])('%j', (text, blocks) => {
    expect(blocksOfText(text)).toEqual(blocks);
  });
});
