/**
 * The versioned scheme store. A version is the validated scheme file, stored whole and never
 * changed: uploading a changed file (or changing a preset in schemes/) adds version N+1, and a
 * period points at the version it opened with, so its results can always be re-explained.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { listPresetFiles, parseSchemeText } from '../../../../cli/score/presets.ts';
import type { SchemeFile } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { SchemeVersion } from '../../../db/schema.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { countyIdOf, findActorOrgPath } from '../assessment.access.ts';
import { buildCatalogue } from './scheme-catalogue.ts';
import {
  findLatestVersionNo,
  findSchemeVersionById,
  findSchemeVersions,
  findVersionByHash,
  insertSchemeVersion,
  type SchemeVersionSummary,
} from './schemes.repository.ts';

/** Content hash of a validated scheme: sha256 of its canonical JSON (comments and layout do not count). */
export function hashScheme(scheme: SchemeFile): string {
  return createHash('sha256').update(JSON.stringify(scheme)).digest('hex');
}

export function presentVersion(row: SchemeVersionSummary) {
  return {
    id: row.id,
    schemeId: row.scheme_id,
    versionNo: row.version_no,
    contentHash: row.content_hash,
    source: row.source,
    name: row.name,
    subjectKind: row.subject_kind,
    periodKind: row.period_kind,
    createdAt: row.created_at.toISOString(),
  };
}

const schemeCache = new Map<number, SchemeFile>();

/** The scheme file of a stored version (versions are immutable, so it is parsed once per process). */
export function schemeOf(row: Pick<SchemeVersion, 'id' | 'body'>): SchemeFile {
  let scheme = schemeCache.get(row.id);
  if (!scheme) {
    scheme = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as SchemeFile;
    schemeCache.set(row.id, scheme);
  }
  return scheme;
}

async function storeVersion(
  trx: Db,
  actor: Actor | null,
  orgId: number | null,
  scheme: SchemeFile,
  content: string,
  source: 'preset' | 'upload',
): Promise<{ version: SchemeVersionSummary; isNew: boolean }> {
  const hash = hashScheme(scheme);
  const existing = await findVersionByHash(trx, orgId, scheme.id, hash);
  if (existing) return { version: existing, isNew: false };
  const versionNo = (await findLatestVersionNo(trx, orgId, scheme.id)) + 1;
  const version = await insertSchemeVersion(trx, {
    scheme_id: scheme.id,
    version_no: versionNo,
    content_hash: hash,
    org_id: orgId,
    source,
    name: scheme.name,
    subject_kind: scheme.subjectKind,
    period_kind: scheme.period,
    body: JSON.stringify(scheme),
    content,
    created_by: actor?.id ?? null,
  });
  await recordAudit(trx, actor, {
    action: 'scheme.version_add',
    entityType: 'scheme_version',
    entityId: version.id,
    orgId,
    after: { schemeId: scheme.id, versionNo, contentHash: hash, source },
  });
  return { version, isNew: true };
}

/** Stores each preset of schemes/ whose content is not stored yet as a new preset version. */
export async function syncPresetVersions(db: Db): Promise<void> {
  for (const path of listPresetFiles()) {
    const content = readFileSync(path, 'utf8');
    const outcome = parseSchemeText(content);
    if (!outcome.ok) continue; // scheme check in CI keeps presets valid; a broken one is not offered
    await db.transaction().execute((trx) => storeVersion(trx, null, null, outcome.scheme, content, 'preset'));
  }
}

/** Presets and the county's uploads, every version. */
export async function listSchemeVersions(db: Db, actor: Actor) {
  assertCan(actor, 'assessment.read');
  await syncPresetVersions(db);
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  return (await findSchemeVersions(db, countyId)).map(presentVersion);
}

/** A version readable by the actor's county (presets, own uploads); NOT_FOUND otherwise. */
export async function getVersionForActor(db: Db, actor: Actor, id: number): Promise<SchemeVersion> {
  const row = await findSchemeVersionById(db, id);
  if (!row) throw notFound('考核方案版本');
  if (row.org_id !== null && row.org_id !== countyIdOf(await findActorOrgPath(db, actor))) {
    throw notFound('考核方案版本');
  }
  return row;
}

/** One version with its scheme file and its item groups with their responsible sections. */
export async function getSchemeVersion(db: Db, actor: Actor, id: number) {
  assertCan(actor, 'assessment.read');
  const row = await getVersionForActor(db, actor, id);
  const scheme = schemeOf(row);
  return { ...presentVersion(row), scheme, groups: buildCatalogue(scheme).groups };
}

/**
 * Validates an uploaded scheme file (YAML or JSON) and stores it as the county's next version of
 * that scheme id; the same content again returns the stored version. Every problem is listed.
 */
export async function uploadScheme(db: Db, actor: Actor, content: string) {
  assertCan(actor, 'assessment.manage');
  const outcome = parseSchemeText(content);
  if (!outcome.ok) {
    throw invalid(
      outcome.problems.map((problem) => ({
        field: problem.path || '(root)',
        message: problem.path ? `${problem.path}：${problem.messageZh}` : problem.messageZh,
      })),
    );
  }
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  const { version, isNew } = await db
    .transaction()
    .execute((trx) => storeVersion(trx, actor, countyId, outcome.scheme, content, 'upload'));
  return { ...presentVersion(version), isNew };
}
