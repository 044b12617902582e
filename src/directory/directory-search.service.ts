import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Page } from '../common/page.dto.js';
import type { DirectoryOrganizationDto, OrganizationsQueryDto, PeopleQueryDto, PersonDto } from './dto/directory-search.dto.js';

/** Accents and case ignored, LIKE wildcards taken literally. */
export const pattern = (q: string | undefined) =>
  q
    ? `%${q
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
export const FOLD = (column: string) => `translate(lower(${column}), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')`;

/**
 * The directory everyone at work uses to find a colleague or a structure by name: display names,
 * organisations, categories and roles of active accounts; e-mails, phones and account state stay
 * with administration. Searches are audited, never their terms.
 */
@Injectable()
export class DirectorySearchService {
  constructor(
    @InjectDataSource('general') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async people(query: PeopleQueryDto): Promise<Page<PersonDto>> {
    const rows = await this.dataSource.query<
      {
        id: string;
        display_name: string;
        organization_id: string | null;
        organization_name: string | null;
        professional_category: PersonDto['professionalCategory'];
        roles: PersonDto['roles'];
        total: number;
      }[]
    >(
      `SELECT u.id, u.display_name, u.organization_id, o.name AS organization_name, u.professional_category, u.roles, count(*) OVER ()::int AS total
         FROM clsm.user_account u LEFT JOIN clsm.organization o ON o.id = u.organization_id
        WHERE u.active AND cardinality(u.roles) > 0
          AND ($1::text IS NULL OR ${FOLD('u.display_name')} LIKE $1)
          AND ($2::uuid IS NULL OR u.organization_id = $2)
        ORDER BY lower(u.display_name), u.id LIMIT $3 OFFSET $4`,
      [pattern(query.q), query.organizationId ?? null, query.limit, query.offset],
    );
    await this.audit.record({ action: 'directory.search_people', resourceType: 'directory', outcome: 'granted' });
    return {
      items: rows.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        professionalCategory: row.professional_category,
        roles: row.roles,
      })),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async organizations(query: OrganizationsQueryDto): Promise<Page<DirectoryOrganizationDto>> {
    const rows = await this.dataSource.query<(DirectoryOrganizationDto & { total: number })[]>(
      `SELECT id, name, kind, count(*) OVER ()::int AS total FROM clsm.organization
        WHERE ($1::text IS NULL OR ${FOLD('name')} LIKE $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY lower(name), id LIMIT $3 OFFSET $4`,
      [pattern(query.q), query.kind ?? null, query.limit, query.offset],
    );
    await this.audit.record({ action: 'directory.search_organizations', resourceType: 'directory', outcome: 'granted' });
    return {
      items: rows.map(({ id, name, kind }) => ({ id, name, kind })),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
