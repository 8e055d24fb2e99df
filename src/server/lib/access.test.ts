import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import { type AncestorOrg, can, resolveScopePaths, scopeRootFor } from './access.ts';

const county: AncestorOrg = { path: '/1/', kind: 'government' };
const bureau: AncestorOrg = { path: '/1/2/', kind: 'justice_bureau' };
const bureauSection: AncestorOrg = { path: '/1/2/3/', kind: 'section' };
const agency: AncestorOrg = { path: '/1/10/', kind: 'agency' };
const agencyLegal: AncestorOrg = { path: '/1/10/12/', kind: 'legal_unit' };
const township: AncestorOrg = { path: '/1/20/', kind: 'township' };
const justiceOffice: AncestorOrg = { path: '/1/20/21/', kind: 'justice_office' };

describe('scopeRootFor', () => {
  it.each<[Role, AncestorOrg[], string | null]>([
    ['admin', [county, bureau], '/1/'],
    ['supervisor', [county, bureau, bureauSection], '/1/'],
    ['legal_officer', [county, agency, agencyLegal], '/1/10/'],
    ['assessor', [county, bureau, bureauSection], '/1/2/'],
    ['leader', [county, agency], '/1/10/'],
    ['leader', [county, bureau], '/1/'],
    ['justice_office', [county, township, justiceOffice], '/1/20/'],
    ['officer', [county, agency, agencyLegal], null],
    ['reviewer', [county, agency, agencyLegal], null],
  ])('%s in %j sees %s', (role, ancestry, expected) => {
    expect(scopeRootFor(role, ancestry)).toBe(expected);
  });
});

describe('resolveScopePaths', () => {
  it('drops a scope another role of the same account already covers', () => {
    expect(resolveScopePaths(['legal_officer', 'supervisor'], [county, agency, agencyLegal])).toEqual([
      '/1/',
    ]);
  });
  it('gives officers no subtree at all', () => {
    expect(resolveScopePaths(['officer'], [county, agency])).toEqual([]);
  });
  it('does not mistake /1/1/ for a child of /1/10/ (prefixes end with a slash)', () => {
    const paths = resolveScopePaths(
      ['legal_officer'],
      [
        { path: '/1/', kind: 'government' },
        { path: '/1/1/', kind: 'agency' },
      ],
    );
    expect(paths).toEqual(['/1/1/']);
    expect('/1/10/'.startsWith(paths[0]!)).toBe(false);
  });
});

describe('can', () => {
  it('lets only admins write organisations and accounts', () => {
    expect(can({ roles: ['admin'] }, 'org.write')).toBe(true);
    expect(can({ roles: ['supervisor', 'leader'] }, 'org.write')).toBe(false);
    expect(can({ roles: ['officer'] }, 'user.read')).toBe(false);
    expect(can({ roles: ['officer', 'legal_officer'] }, 'user.read')).toBe(true);
  });
});
