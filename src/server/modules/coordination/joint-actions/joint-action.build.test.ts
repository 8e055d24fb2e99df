import { describe, expect, it } from 'vitest';
import {
  buildJointPlan,
  buildJointProposal,
  buildJointSummary,
  type JointDocumentFacts,
} from './joint-action.build.ts';

const facts: JointDocumentFacts = {
  bureauName: '博湖县司法局',
  numberPrefix: '博司协',
  today: '2026-05-20',
  action: {
    title: '农资市场春季联合执法检查',
    situationLabel: '（二）需要对社会关注的热点事件、重大突发事件开展联合执法',
    initiatingOrgName: '博湖县农业农村局',
    startsOn: '2026-04-01',
    endsOn: '2026-04-15',
    places: '县城及各乡镇农资门店',
    targets: '农资经营门店 36 家',
    proposalNumber: '博司协〔2026〕4号',
    proposalIssuedOn: '2026-03-25',
    startedOn: '2026-04-01',
    closedOn: '2026-04-20',
    summary: '一、总体情况\n共检查门店 36 家。',
    participants: [
      {
        orgId: 4,
        orgName: '博湖县农业农村局',
        role: 'initiator',
        duty: '牵头，负责农药、种子检查',
        response: 'confirmed',
        responseLabel: '已确认',
        responseNote: null,
        respondedOn: '2026-03-26',
      },
      {
        orgId: 3,
        orgName: '博湖县市场监督管理局',
        role: 'participant',
        duty: '负责经营主体资格检查',
        response: 'confirmed',
        responseLabel: '已确认',
        responseNote: null,
        respondedOn: '2026-03-27',
      },
    ],
    inspections: [
      {
        id: 1,
        heldOn: '2026-04-02',
        place: '博湖镇',
        orgNames: '农业农村局、市场监管局',
        findings: '发现 2 家销售过期农药',
      },
    ],
    cases: [
      { id: 9, caseNo: '博农罚〔2026〕3号', name: '某农资店销售过期农药案', orgName: '博湖县农业农村局' },
    ],
  },
};

describe('joint action documents', () => {
  it('the 建议书 is a numbered 公文 to every agency, citing 第八条 and the situation', () => {
    const content = buildJointProposal(facts);
    expect(content).toMatchObject({
      layout: 'official',
      number: '博司协〔2026〕4号',
      recipients: ['博湖县农业农村局', '博湖县市场监督管理局'],
      date: '2026-03-25',
      marking: null,
    });
    const opening = (content.body[0] as { text: string }).text;
    expect(opening).toContain('第八条第（二）项');
    expect(opening).toContain('由博湖县农业农村局发起');
    expect(content.body).toContainEqual(
      expect.objectContaining({
        type: 'table',
        rows: expect.arrayContaining([['博湖县市场监督管理局', '参与', '负责经营主体资格检查']]),
      }),
    );
  });

  it('an unissued 建议书 prints blank-numbered and marked', () => {
    const content = buildJointProposal({
      ...facts,
      action: { ...facts.action, proposalNumber: null, proposalIssuedOn: null },
    });
    expect(content).toMatchObject({
      number: null,
      numberPrefix: '博司协',
      date: '2026-05-20',
      marking: '未印发稿',
    });
  });

  it('the 方案 lists each agency’s confirmation; the 总结 its inspections, cases and summary', () => {
    expect(buildJointPlan(facts).body.at(-1)).toMatchObject({
      rows: [
        ['博湖县农业农村局', '已确认', ''],
        ['博湖县市场监督管理局', '已确认', ''],
      ],
    });
    const summary = buildJointSummary(facts);
    expect(summary).toMatchObject({ layout: 'plain', recipients: ['博湖县司法局'], date: '2026-04-20' });
    expect(summary.body).toContainEqual(
      expect.objectContaining({
        rows: [['博农罚〔2026〕3号', '某农资店销售过期农药案', '博湖县农业农村局']],
      }),
    );
    expect(summary.body).toContainEqual({ type: 'heading', level: 1, text: '总体情况' });
  });
});
