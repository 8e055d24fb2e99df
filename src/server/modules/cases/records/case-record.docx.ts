/**
 * 行政执法人员行政执法案件记录表 (seed 000) and the case-file cover and contents list (案卷制作规范
 * 第二条、第十六条) as form models (pure, tested); `lib/form.docx.ts` prints them as the county
 * prints and signs them.
 */
import { formatChineseDate, toShanghaiDate } from '../../../../common/format.ts';
import type { FormModel } from '../../../lib/form.docx.ts';
import type { CaseFileView } from '../../case-files/case-files.schema.ts';
import { isCopyVerified } from '../../case-files/completeness.ts';
import type { CaseView } from './cases.schema.ts';

const date = (value: string | null) => (value ? formatChineseDate(value) : '');
const signed = (text: string | null, signature: { name: string; at: string } | null) =>
  `${text ?? ''}\n签字：${signature?.name ?? ''}　　${signature ? formatChineseDate(toShanghaiDate(new Date(signature.at))) : '年　月　日'}`;

/** seed 000 案件记录表: party block (unit or person), case facts, the signed boxes, the quality analysis. */
export function buildCaseRecord(view: CaseView): FormModel {
  const organisation = view.parties.find((party) => party.kind === 'organization');
  const person = view.parties.find((party) => party.kind === 'person');
  return {
    title: '行政执法人员行政执法案件记录表',
    heading: `单位：${view.orgName}　　日期：${date(view.recordSubmittedOn)}`,
    rows: [
      [
        { label: '单位名称', value: organisation?.name ?? '' },
        { label: '法定代表人', value: organisation?.legalRepresentative ?? '' },
      ],
      [
        { label: '地址', value: organisation?.address ?? '' },
        { label: '联系电话', value: organisation?.phone ?? '' },
      ],
      [
        { label: '当事人姓名', value: person?.name ?? '' },
        { label: '性别', value: person?.gender === 'male' ? '男' : person?.gender === 'female' ? '女' : '' },
      ],
      [
        { label: '身份证号', value: person?.idNumber ?? '' },
        { label: '联系电话', value: person?.phone ?? '' },
      ],
      [{ label: '住址', value: person?.address ?? '' }],
      [
        { label: '案件来源', value: view.source },
        { label: '立案时间', value: date(view.filedOn) },
      ],
      [
        { label: '案件名称', value: `${view.name}（${view.caseNo}）` },
        { label: '结案时间', value: date(view.closedOn) },
      ],
      [
        { label: '执法部门', value: view.orgName },
        {
          label: '执法人',
          value: view.handlers.map((handler) => `${handler.name}（${handler.certificateNumber}）`).join('、'),
        },
      ],
      [{ label: '案情简介', value: view.summary ?? '' }],
      [{ label: '办案经过', value: view.process ?? '' }],
      [{ label: '办案意见', value: signed(view.opinion, view.opinionSigned) }],
      [{ label: '办案结果', value: signed(view.result, view.resultSigned) }],
      [
        {
          label: '法制部门案件质量分析意见',
          value: `${view.qualityOpinion ?? ''}${view.qualityGradeLabel ? `\n质量等次：${view.qualityGradeLabel}` : ''}\n盖章：　　${view.qualitySigned ? formatChineseDate(toShanghaiDate(new Date(view.qualitySigned.at))) : '年　月　日'}`,
        },
      ],
    ],
    tables: [],
    footnotes: [
      '填表说明：1、本表格一案一记，由行政执法人员在行政执法结案30日内填写完毕并报送本单位法制部门归档；',
      '2、办案经过一栏中要全面反映行政执法流程；3、办案意见一栏中要详细记录行政执法依据；',
      '4、质量分析一栏由单位法制部门根据案卷评查等情况进行填写。',
    ],
  };
}

/**
 * 原件, or a 复印件 (案卷制作规范第五条's word) as the record holds it: verified only when it names the
 * verifier, the date and the source, as the completeness check requires.
 */
function copyNote(document: CaseFileView['documents'][number]): string {
  if (document.isOriginal) return '原件';
  if (!isCopyVerified(document)) return '复印件（未核对）';
  return `复印件（${document.verifiedBy}于${formatChineseDate(document.verifiedOn!)}核对）`;
}

/** 案卷封面 (第十六条) and 卷内目录, 正卷 then 副卷, with page ranges. */
export function buildFileCover(view: CaseFileView): FormModel {
  const cover = view.cover;
  const contents = (volume: 'main' | 'restricted') =>
    view.documents
      .filter((document) => document.volume === volume)
      .map((document) => [
        String(document.sequence),
        document.title ?? document.kindLabel,
        document.pageFrom === document.pageTo
          ? String(document.pageFrom)
          : `${document.pageFrom}–${document.pageTo}`,
        copyNote(document),
      ]);
  return {
    title: '行政执法案卷',
    heading: `档号：${cover.archiveNo ?? ''}　　卷宗号：${cover.fileNo ?? ''}`,
    rows: [
      [{ label: '案卷类别', value: cover.category ?? '' }],
      [{ label: '案由（事项名称）', value: cover.cause ?? '' }],
      [{ label: '当事人姓名或者名称', value: cover.partyName ?? '' }],
      [
        { label: '承办机关', value: cover.agencyName ?? '' },
        { label: '承办人员', value: cover.handlerNames ?? '' },
      ],
      [
        { label: '收案（受理）日期', value: date(cover.receivedOn ?? null) },
        { label: '结案（决定）日期', value: date(cover.closedOn ?? null) },
      ],
      [
        { label: '归档日期', value: date(cover.archivedOn ?? null) },
        { label: '归档期限', value: cover.retentionPeriod ?? '' },
      ],
    ],
    tables: [
      {
        title: '卷内目录（正卷）',
        headers: ['序号', '文书材料', '页号', '备注'],
        rows: contents('main'),
        emptyText: '无',
      },
      {
        title: '卷内目录（副卷）',
        headers: ['序号', '文书材料', '页号', '备注'],
        rows: contents('restricted'),
        emptyText: '未立副卷',
      },
    ],
    footnotes: [],
  };
}
