import { Injectable, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';

/**
 * Response fields that hold the id of a person (an account) or of a structure. Every response that
 * carries one also carries the display name beside it, under `nameKeyOf(key)`: the console and the
 * ethics committee read people and structures by name, never as bare ids. A test walks the OpenAPI
 * document so that a new field of this shape cannot be left out of these lists.
 */
export const PERSON_ID_KEYS = [
  'userId',
  'actorUserId',
  'liftedByUserId',
  'recordedByUserId',
  'chairUserId',
  'carrierUserId',
  'clsmContactUserId',
  'invitedUserIds',
  'uploadedBy',
  'recordedBy',
  'replacedBy',
  'closedBy',
  'draftedBy',
  'approvedBy',
  'requestedBy',
  'decidedBy',
] as const;

export const ORGANIZATION_ID_KEYS = ['organizationId', 'carrierOrganizationId', 'dacOrganizationId', 'refusedOrganizationIds'] as const;

/** `chairUserId` → `chairUserName`, `invitedUserIds` → `invitedUserNames`, `closedBy` → `closedByName`. */
export const nameKeyOf = (key: string): string =>
  key.endsWith('Ids') ? `${key.slice(0, -3)}Names` : key.endsWith('Id') ? `${key.slice(0, -2)}Name` : `${key}Name`;

/**
 * Declares the name ResponseNames adds beside `idKey`, as the OpenAPI document shows it: required
 * (unless the id itself is optional), null when the id is null or names nobody any more. The
 * services leave it out; the unit of work fills it before the response leaves.
 */
export const ApiNameBeside = (
  idKey: (typeof PERSON_ID_KEYS)[number] | (typeof ORGANIZATION_ID_KEYS)[number],
  options: { optional?: boolean } = {},
) => {
  const what = (ORGANIZATION_ID_KEYS as readonly string[]).includes(idKey) ? 'structure' : 'person';
  const property = idKey.endsWith('Ids')
    ? {
        type: 'array' as const,
        items: { type: 'string', nullable: true },
        description: `The ${what}s' names in the directory, in the order of \`${idKey}\` (null: no longer in the directory).`,
      }
    : {
        type: String,
        nullable: true,
        description: `The ${what}'s name in the directory (null when \`${idKey}\` is null or names nobody any more).`,
      };
  return options.optional ? ApiPropertyOptional(property) : ApiProperty({ ...property, required: true });
};

const PERSON_KEYS = new Set<string>(PERSON_ID_KEYS);
const ORGANIZATION_KEYS = new Set<string>(ORGANIZATION_ID_KEYS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Display names change rarely: a name read less than a minute ago is not read again. */
const TTL_MS = 60_000;
const MAX_CACHED = 10_000;
const MAX_DEPTH = 8;

type Kind = 'person' | 'organization';
type Found = { kind: Kind; holder: Record<string, unknown>; key: string };

/**
 * Adds the display name beside every person or structure id of a response body, in place, with one
 * query on the request's transaction (the directory views the commission side may read) for the
 * names not read in the last minute. An id that names nobody (an account since removed) gets null.
 */
@Injectable()
export class ResponseNames {
  private readonly cache = new Map<string, { name: string | null; at: number }>();

  /**
   * A rename on this instance shows at once; other instances show it within the minute (TTL_MS).
   */
  forget(kind: Kind, id: string): void {
    this.cache.delete(`${kind}:${id}`);
  }

  /** `manager` is the request's transaction (the unit of work calls this within it). */
  async annotate<T>(body: T, manager: () => Promise<EntityManager>): Promise<T> {
    const found: Found[] = [];
    collect(body, found, 0);
    if (found.length === 0) return body;
    const wanted = { person: new Set<string>(), organization: new Set<string>() };
    for (const { kind, holder, key } of found) for (const id of idsOf(holder[key])) wanted[kind].add(id);
    const names = await this.names(wanted, manager);
    for (const { kind, holder, key } of found) {
      const value = holder[key];
      // Absent, or not an id (a consent statement's `recordedBy` is the signatory's name, as written).
      if (value === undefined || (typeof value === 'string' && !UUID.test(value))) continue;
      const nameOf = (id: unknown) => (typeof id === 'string' ? (names.get(`${kind}:${id}`) ?? null) : null);
      holder[nameKeyOf(key)] = Array.isArray(value) ? value.map(nameOf) : nameOf(value);
    }
    return body;
  }

  private async names(wanted: Record<Kind, Set<string>>, manager: () => Promise<EntityManager>): Promise<Map<string, string | null>> {
    const now = Date.now();
    const names = new Map<string, string | null>();
    const missing: Record<Kind, string[]> = { person: [], organization: [] };
    for (const kind of ['person', 'organization'] as const) {
      for (const id of wanted[kind]) {
        const cached = this.cache.get(`${kind}:${id}`);
        if (cached && now - cached.at < TTL_MS) names.set(`${kind}:${id}`, cached.name);
        else missing[kind].push(id);
      }
    }
    if (missing.person.length + missing.organization.length === 0) return names;
    const rows = await (
      await manager()
    ).query<{ kind: Kind; id: string; name: string }[]>(
      `SELECT 'person' AS kind, user_id AS id, display_name AS name FROM clsm.directory_entry WHERE user_id = ANY($1::uuid[])
       UNION ALL SELECT 'organization', id, name FROM clsm.directory_organization WHERE id = ANY($2::uuid[])`,
      [missing.person, missing.organization],
    );
    const read = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row.name]));
    if (this.cache.size > MAX_CACHED) this.cache.clear();
    for (const kind of ['person', 'organization'] as const) {
      for (const id of missing[kind]) {
        const name = read.get(`${kind}:${id}`) ?? null;
        names.set(`${kind}:${id}`, name);
        this.cache.set(`${kind}:${id}`, { name, at: now });
      }
    }
    return names;
  }
}

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string' && UUID.test(id));

function collect(value: unknown, found: Found[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (value instanceof StreamableFile || Buffer.isBuffer(value) || value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const element of value) collect(element, found, depth + 1);
    return;
  }
  const holder = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(holder)) {
    if (PERSON_KEYS.has(key)) found.push({ kind: 'person', holder, key });
    else if (ORGANIZATION_KEYS.has(key)) found.push({ kind: 'organization', holder, key });
    else collect(child, found, depth + 1);
  }
}
