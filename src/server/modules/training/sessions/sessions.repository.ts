import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { containsPattern } from '../../../db/like.ts';
import type {
  Database,
  TrainingContentCategory,
  TrainingDelivery,
  TrainingKind,
  TrainingSessionStatus,
  TrainingSessionTable,
} from '../../../db/schema.ts';
import { readableTrainingOrgs, type TrainingActor } from '../training.policy.ts';

export interface SessionFilter {
  keyword?: string | undefined;
  year?: number | undefined;
  orgPath?: string | undefined;
  kind?: TrainingKind | undefined;
  delivery?: TrainingDelivery | undefined;
  status?: TrainingSessionStatus | undefined;
  contentCategory?: TrainingContentCategory | undefined;
}

function sessionQuery(db: Db) {
  return db
    .selectFrom('training_session')
    .innerJoin('org', 'org.id', 'training_session.org_id')
    .leftJoin('training_plan_item', 'training_plan_item.id', 'training_session.plan_item_id')
    .selectAll('training_session')
    .select([
      'org.name as org_name',
      'org.path as org_path',
      'training_plan_item.content as plan_item_content',
      sql<number>`(select count(*)::int from training_session_attendee a where a.session_id = training_session.id)`.as(
        'attendee_count',
      ),
    ]);
}
export type SessionRow = Awaited<ReturnType<typeof findSessionById>> & {};

/**
 * Sessions the account reads: its organisers' rule (training.policy.ts), or one of the attendees is
 * an officer in its scope or the account's own profile. 培训制度第七条(一) sends every unit's
 * officers to the county bureau's training; an agency, not under the bureau, still follows where
 * its own officers were trained (the attendee list it sees is cut to its scope by the service).
 */
function readableSessions(ctx: TrainingActor) {
  return (eb: ExpressionBuilder<Database, 'org' | 'training_session'>): Expression<SqlBool> =>
    eb.or([
      readableTrainingOrgs(ctx)(eb),
      eb.exists(
        eb
          .selectFrom('training_session_attendee as sa')
          .innerJoin('officer as so', 'so.id', 'sa.officer_id')
          .innerJoin('org as soo', 'soo.id', 'so.org_id')
          .select('sa.officer_id')
          .whereRef('sa.session_id', '=', 'training_session.id')
          .where((inner) =>
            inner.or([
              ...ctx.actor.scopePaths.map((prefix) => inner('soo.path', 'like', `${prefix}%`)),
              inner('so.user_id', '=', ctx.actor.id),
            ]),
          ),
      ),
    ]);
}

/** Whether the account reads this session through an attendee (see {@link readableSessions}). */
export async function isSessionReadableByAttendee(db: Db, ctx: TrainingActor, sessionId: number) {
  const row = await db
    .selectFrom('training_session')
    .innerJoin('org', 'org.id', 'training_session.org_id')
    .select('training_session.id')
    .where('training_session.id', '=', sessionId)
    .where(readableSessions(ctx))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the account reads any session held by the organisation subtree at `orgPath` — for an
 * agency filtering by the county bureau, whose sessions it reads only through its attendees.
 */
export async function hasReadableSessionsOf(db: Db, ctx: TrainingActor, orgPath: string) {
  const row = await db
    .selectFrom('training_session')
    .innerJoin('org', 'org.id', 'training_session.org_id')
    .select('training_session.id')
    .where('org.path', 'like', `${orgPath}%`)
    .where(readableSessions(ctx))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sessions the account reads ({@link readableSessions}), newest first, one page. */
export async function findSessions(
  db: Db,
  ctx: TrainingActor,
  filter: SessionFilter & { page: number; pageSize: number },
) {
  let query = sessionQuery(db).where(readableSessions(ctx));
  if (filter.orgPath) query = query.where('org.path', 'like', `${filter.orgPath}%`);
  if (filter.kind) query = query.where('training_session.kind', '=', filter.kind);
  if (filter.delivery) query = query.where('training_session.delivery', '=', filter.delivery);
  if (filter.status) query = query.where('training_session.status', '=', filter.status);
  if (filter.year)
    query = query
      .where('training_session.held_on', '>=', `${filter.year}-01-01`)
      .where('training_session.held_on', '<=', `${filter.year}-12-31`);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    query = query.where((eb) =>
      eb.or([
        eb('training_session.course', 'ilike', pattern),
        eb('training_session.material', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .orderBy('training_session.held_on', 'desc')
      .orderBy('training_session.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** A session by id with its organiser, unscoped (the service checks the policy). */
export function findSessionById(db: Db, id: number) {
  return sessionQuery(db).where('training_session.id', '=', id).executeTakeFirst();
}

/** Locks the session row for a state change (finish, notice) so two clicks cannot both pass. */
export function lockSession(trx: Db, id: number) {
  return trx
    .selectFrom('training_session')
    .select(['id', 'status', 'notice_number'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertSession(trx: Db, values: Insertable<TrainingSessionTable>) {
  return trx.insertInto('training_session').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateSessionRow(trx: Db, id: number, values: Partial<Insertable<TrainingSessionTable>>) {
  return trx
    .updateTable('training_session')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function deleteSessionRow(trx: Db, id: number) {
  return trx.deleteFrom('training_session').where('id', '=', id).execute();
}

export function findAttendeeIds(db: Db, sessionId: number): Promise<number[]> {
  return db
    .selectFrom('training_session_attendee')
    .select('officer_id')
    .where('session_id', '=', sessionId)
    .orderBy('added_at')
    .orderBy('officer_id')
    .execute()
    .then((rows) => rows.map((row) => row.officer_id));
}

/** Adds attendees; those already on the list are left as they are. Returns the ids added. */
export async function insertAttendees(
  trx: Db,
  sessionId: number,
  officerIds: readonly number[],
  addedBy: number,
): Promise<number[]> {
  if (officerIds.length === 0) return [];
  const rows = await trx
    .insertInto('training_session_attendee')
    .values(
      officerIds.map((officerId) => ({ session_id: sessionId, officer_id: officerId, added_by: addedBy })),
    )
    .onConflict((conflict) => conflict.columns(['session_id', 'officer_id']).doNothing())
    .returning('officer_id')
    .execute();
  return rows.map((row) => row.officer_id);
}

export function deleteAttendee(trx: Db, sessionId: number, officerId: number) {
  return trx
    .deleteFrom('training_session_attendee')
    .where('session_id', '=', sessionId)
    .where('officer_id', '=', officerId)
    .executeTakeFirst();
}
