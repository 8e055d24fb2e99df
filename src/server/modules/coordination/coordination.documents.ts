/**
 * The one place coordination numbers, signs off and prints its documents. The shared official-
 * document layer (branch `documents`: documents.public.ts with takeDocumentNumber, requestSignOff,
 * renderOfficialDocx) has not landed on main yet; until it does these three functions do the work
 * locally with the same signatures and shapes, so switching is an edit of this file only.
 */
import { formatChineseDate, formatDocNo } from '../../../common/format.ts';
import type { Db } from '../../db/database.ts';
import { bodyParagraph, fullWidthTable, packDocument, textRow, titleParagraph } from '../../lib/docx.ts';

/** A block of an official document's body. */
export type OfficialBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; headers: string[]; rows: string[][] };

/** The view-model of an official document (公文), as documents.public.ts defines it. */
export interface OfficialDocumentContent {
  layout: 'official';
  /** 发文机关 */
  issuerName: string;
  /** 发文字号, null while a draft (printed as 〔 〕号) */
  number: string | null;
  title: string;
  /** 主送机关 */
  recipients: string[];
  body: OfficialBlock[];
  /** 落款 */
  signatureOrg: string;
  /** 成文日期 'YYYY-MM-DD', null while a draft */
  date: string | null;
}

/**
 * Takes the next number of a register in the caller's transaction: 博司协〔2026〕1号, 2号 …
 * (documents.public.ts: takeDocumentNumber(trx, { orgId, registerCode, year })).
 */
export async function takeDocumentNumber(
  trx: Db,
  input: { orgId: number; registerCode: string; year: number },
): Promise<{ sequence: number; number: string }> {
  const row = await trx
    .insertInto('coordination_register')
    .values({
      county_org_id: input.orgId,
      register_code: input.registerCode,
      year: input.year,
      last_sequence: 1,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['county_org_id', 'register_code', 'year'])
        .doUpdateSet((eb) => ({ last_sequence: eb('coordination_register.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return {
    sequence: row.last_sequence,
    number: formatDocNo({ prefix: input.registerCode, year: input.year, seq: row.last_sequence }),
  };
}

/** Prints an official document as A4 Word (documents.public.ts: renderOfficialDocx). */
export function renderOfficialDocx(content: OfficialDocumentContent): Promise<Buffer> {
  const children = [
    titleParagraph(content.issuerName, { size: 44, after: 120 }),
    bodyParagraph(content.number ?? '〔    〕号', { align: 'centre', after: 240 }),
    titleParagraph(content.title, { size: 36 }),
    ...(content.recipients.length > 0 ? [bodyParagraph(`${content.recipients.join('、')}：`)] : []),
    ...content.body.map((block) => {
      if (block.type === 'heading') return bodyParagraph(block.text, { isHeading: true, before: 120 });
      if (block.type === 'paragraph') return bodyParagraph(block.text, { isIndented: true });
      return fullWidthTable([
        textRow(block.headers, { bold: true, isHeader: true, isCentred: true }),
        ...block.rows.map((row) => textRow(row)),
      ]);
    }),
    bodyParagraph(content.signatureOrg, { align: 'right', before: 480 }),
    bodyParagraph(content.date ? formatChineseDate(content.date) : '年  月  日', { align: 'right' }),
  ];
  return packDocument(content.title, children);
}
