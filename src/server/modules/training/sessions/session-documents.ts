/**
 * The session's documents as pure view-models for the shared GB/T 9704 renderer (documents domain):
 * the 培训通知 (an official notice of the organiser, numbered from its 博司发 register) and the
 * 签到表 (a plain working document: one line per attendee with a blank for the signature).
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { OfficialDocumentContent } from '../../documents/documents.public.ts';
import type { SessionDetail } from './sessions.schema.ts';

export function buildSignInSheet(session: SessionDetail, today: string): OfficialDocumentContent {
  return {
    layout: 'plain',
    issuerName: session.orgName,
    title: `${session.course}签到表`,
    recipients: [],
    body: [
      {
        type: 'paragraph',
        text: `培训时间：${formatChineseDate(session.heldOn)}；地点：${session.place ?? '（未定）'}；方式：${session.deliveryLabel}；学时：${session.hours}学时；类别：${session.kindLabel}。`,
      },
      {
        type: 'table',
        header: ['序号', '姓名', '单位', '执法证号', '签到'],
        // 序号 on one line, an 14-digit 执法证号 unbroken (seen in LibreOffice at A4)
        widths: [2, 3, 5, 7, 3],
        rows: session.attendees.map((attendee, index) => [
          String(index + 1),
          attendee.name,
          attendee.orgName,
          attendee.certificateNumber ?? '',
          '',
        ]),
      },
      { type: 'paragraph', text: `应到${session.attendees.length}人，实到　　人。` },
    ],
    signatureOrg: session.orgName,
    date: today,
  };
}

export function buildTrainingNotice(
  session: SessionDetail,
  input: { numberPrefix: string | null; recipients: string[]; today: string },
): OfficialDocumentContent {
  return {
    layout: 'official',
    issuerName: session.orgName,
    number: session.noticeNumber,
    numberPrefix: input.numberPrefix,
    title: `关于举办“${session.course}”培训的通知`,
    recipients: input.recipients,
    body: [
      {
        type: 'paragraph',
        text: `根据《行政执法人员培训制度》第四条至第八条${session.planItemLabel ? `和本单位年度培训计划（${session.planItemLabel}）` : ''}，决定举办“${session.course}”${session.kindLabel}，现将有关事项通知如下。`,
      },
      { type: 'heading', level: 1, text: '培训时间和地点' },
      {
        type: 'paragraph',
        text: `${formatChineseDate(session.heldOn)}，${session.place ?? '地点另行通知'}。`,
      },
      { type: 'heading', level: 1, text: '培训内容和方式' },
      {
        type: 'paragraph',
        text: `${session.contentCategoryLabel.replace(/^（.）/, '')}：${session.course}${session.material ? `（教材：${session.material}）` : ''}。采取${session.deliveryLabel}方式，计${session.hours}学时。`,
      },
      { type: 'heading', level: 1, text: '参训人员' },
      {
        type: 'paragraph',
        text:
          session.attendees.length > 0
            ? `${session.attendees.map((attendee) => attendee.name).join('、')}，共${session.attendees.length}人。`
            : '各单位行政执法人员（名单另行通知）。',
      },
      { type: 'heading', level: 1, text: '有关要求' },
      {
        type: 'paragraph',
        text: session.isGraded
          ? '参训人员须按时签到，培训结束后进行考核，考核结果记入执法人员培训档案（培训制度第八条）。'
          : '参训人员须按时签到，培训情况记入执法人员培训档案（培训制度第八条）。',
      },
    ],
    signatureOrg: session.orgName,
    date: session.noticeIssuedOn ?? input.today,
  };
}
