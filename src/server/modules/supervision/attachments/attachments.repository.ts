/** SQL of the domain's files: metadata apart from bytes, so lists never read the bytes. */
import type { Db } from '../../../db/database.ts';
import type { SupervisionAttachmentOwner } from '../../../db/schema.ts';

export function findAttachmentsOf(
  db: Db,
  ownerType: SupervisionAttachmentOwner,
  ownerIds: readonly number[],
) {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('supervision_attachment')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .orderBy('id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof findAttachmentsOf>>[number];

export function findAttachmentById(db: Db, id: number) {
  return db.selectFrom('supervision_attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachmentsOf(db: Db, ownerType: SupervisionAttachmentOwner, ownerId: number) {
  const row = await db
    .selectFrom('supervision_attachment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findAttachmentBytes(db: Db, id: number) {
  return db
    .selectFrom('supervision_attachment_content')
    .select('bytes')
    .where('attachment_id', '=', id)
    .executeTakeFirst();
}

export async function insertAttachment(
  trx: Db,
  values: {
    owner_type: SupervisionAttachmentOwner;
    owner_id: number;
    file_name: string;
    content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
    size_bytes: number;
    sha256: string;
    created_by: number;
  },
  bytes: Uint8Array,
) {
  const row = await trx
    .insertInto('supervision_attachment')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('supervision_attachment_content').values({ attachment_id: row.id, bytes }).execute();
  return row;
}
