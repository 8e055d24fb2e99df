/**
 * The county's proposal mapping (issue 18 point 9): for each fact Fazhi holds, the scheme item it
 * is proposed under, shown with the seed wording of each possible item so the manager chooses by
 * what the regulation says. Choices are per county and scheme; the defaults are in
 * proposals.mapping.ts.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { invalid } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { countyIdOf, findActorOrgPath } from '../assessment.access.ts';
import { buildCatalogue } from '../schemes/scheme-catalogue.ts';
import { getVersionForActor, schemeOf } from '../schemes/schemes.service.ts';
import {
  DEFAULT_PROPOSAL_MAPPINGS,
  PROPOSAL_SOURCE_LABELS,
  PROPOSAL_SOURCES,
  resolveProposalMapping,
} from './proposals.mapping.ts';
import { findCountyProposalChoices, upsertProposalChoice } from './proposals.repository.ts';
import type { ProposalMappingBody, ProposalMappingView } from './proposals.schema.ts';

/** The mapping of a scheme in the actor's county, with every choice's seed wording. */
export async function getProposalMapping(
  db: Db,
  actor: Actor,
  schemeVersionId: number,
): Promise<ProposalMappingView> {
  assertCan(actor, 'assessment.manage');
  const version = await getVersionForActor(db, actor, schemeVersionId);
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  const choicesOfCounty = await findCountyProposalChoices(db, countyId, version.scheme_id);
  const resolved = resolveProposalMapping(version.scheme_id, choicesOfCounty);
  const catalogue = buildCatalogue(schemeOf(version));
  const choices = [...catalogue.items.values()]
    .filter((item) => item.kind === 'item')
    .map((item) => ({ id: item.id, label: item.label, clause: item.clause }));
  const defaults = DEFAULT_PROPOSAL_MAPPINGS[version.scheme_id];
  return {
    schemeId: version.scheme_id,
    sources: PROPOSAL_SOURCES.map((source) => {
      const itemId = resolved[source];
      return {
        source,
        label: PROPOSAL_SOURCE_LABELS[source],
        item: choices.find((choice) => choice.id === itemId) ?? null,
        defaultItem: defaults?.[source].item ?? null,
        defaultReason: defaults?.[source].reason ?? '本方案没有默认对应项目',
        isCountyChoice: choicesOfCounty.some((entry) => entry.source === source),
      };
    }),
    choices,
  };
}

/** Sets which item a source is proposed under (null: none, the fact goes to the board). */
export async function setProposalMapping(
  db: Db,
  actor: Actor,
  body: ProposalMappingBody,
): Promise<ProposalMappingView> {
  assertCan(actor, 'assessment.manage');
  const version = await getVersionForActor(db, actor, body.schemeVersionId);
  const catalogue = buildCatalogue(schemeOf(version));
  if (body.item !== null && catalogue.items.get(body.item)?.kind !== 'item') {
    throw invalid([{ field: 'item', message: `方案中没有可记录的考核项目 ${body.item}` }]);
  }
  const countyId = countyIdOf(await findActorOrgPath(db, actor));
  const before = resolveProposalMapping(
    version.scheme_id,
    await findCountyProposalChoices(db, countyId, version.scheme_id),
  )[body.source];
  await db.transaction().execute(async (trx) => {
    await upsertProposalChoice(trx, {
      org_id: countyId,
      scheme_id: version.scheme_id,
      source: body.source,
      item: body.item,
      updated_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'assessment.proposal_mapping_set',
      entityType: 'org',
      entityId: countyId,
      before: { schemeId: version.scheme_id, source: body.source, item: before },
      after: { schemeId: version.scheme_id, source: body.source, item: body.item },
    });
  });
  return getProposalMapping(db, actor, body.schemeVersionId);
}
