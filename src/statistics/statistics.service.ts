import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ORGANIZATION_KINDS } from '../directory/roles.js';
import { ETHICS, type EthicsPolicy } from '../ethics/policy.js';
import { CLOSURE_OUTCOMES, PROBLEM_AREAS } from '../situations/situation.constants.js';
import type { StatisticsDto } from './dto/statistics.dto.js';
import { type CountTable, type Label, protect, protectCount, type RawTable } from './suppression.js';

/** The longest period one query may cover (a bilan is yearly; several years for trends). */
const MAX_DAYS = 5 * 366;

export const PROBLEM_AREA_LABELS: Record<string, string> = {
  housing: 'Logement',
  care_continuity: 'Continuité des soins',
  isolation: 'Isolement',
  neighbourhood_conflict: 'Troubles du voisinage',
  access_to_rights: 'Accès aux droits',
  addiction: 'Addictions',
  family: 'Famille',
  other: 'Autre',
};
export const ORGANIZATION_KIND_LABELS: Record<string, string> = {
  psychiatry_sector: 'Secteur de psychiatrie',
  municipal_social_service: 'Service social municipal',
  ccas: 'CCAS',
  departement_social_service: 'Service social départemental',
  housing_provider: 'Bailleur',
  user_association: "Association d'usagers",
  family_association: 'Association de familles',
  dac: 'DAC',
  justice_police: 'Justice, police',
  other: 'Autre structure',
  none: 'Sans structure',
};
const SEX_LABELS: Record<string, string> = {
  female: 'Femme',
  male: 'Homme',
  other: 'Autre',
  unknown: 'Inconnu',
  not_recorded: 'Non renseigné',
};
const ADMISSIBILITY_LABELS: Record<string, string> = { admissible: 'Recevable', rejected: 'Non recevable', redirected: 'Réorientée' };
const CLOSURE_LABELS: Record<string, string> = {
  resolved: 'Situation résolue',
  partially_resolved: 'Partiellement résolue',
  not_resolved: 'Non résolue',
  person_declined: 'Refus de la personne',
  moved_away: 'Déménagement',
  deceased: 'Décès',
  redirected: 'Réorientation',
  not_recorded: 'Non renseigné',
};
const RECOMMENDATION_LABELS: Record<string, string> = { open: 'En cours', done: 'Réalisée', abandoned: 'Abandonnée' };
const REFERRAL_DIRECTION_LABELS: Record<string, string> = { outbound: 'Adressées au DAC', inbound: 'Reçues du DAC' };
const REFERRAL_STATUS_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  sent: 'Envoyée',
  acknowledged: 'Accusé de réception',
  accepted: 'Acceptée',
  declined: 'Déclinée',
  closed: 'Close',
  withdrawn: 'Retirée',
};
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const labels = (keys: readonly string[], names: Record<string, string>): Label[] => keys.map((key) => ({ key, label: names[key] ?? key }));

/**
 * Anonymised statistics for the CLSM's yearly bilan. Computed in SQL from the columns kept in clear
 * for that purpose (dates, states, problem areas, decade of birth, sex, organisation kinds): no case
 * file is decrypted and no data key is loaded. Every table is protected against small counts
 * (suppression.ts) before it leaves; destroyed situations (retention) are still counted.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(ETHICS) private readonly ethics: { policy: EthicsPolicy },
  ) {}

  today(): string {
    return this.clock.today();
  }

  get minimumCount(): number {
    return this.ethics.policy.statisticsMinimumCount;
  }

  period(from: string | undefined, to: string | undefined): { from: string; to: string } {
    const today = this.clock.today();
    const period = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    if (days < 0) throw new BadRequestException('La date de début doit précéder la date de fin.');
    if (days > MAX_DAYS) throw new BadRequestException('La période demandée ne peut dépasser cinq ans.');
    return period;
  }

  async compute(fromInput?: string, toInput?: string): Promise<StatisticsDto> {
    const { from, to } = this.period(fromInput, toInput);
    const manager = await this.uow.manager();
    const k = this.minimumCount;
    // Dates are compared in the service's time zone (the connection's TimeZone): [from, to + 1 day).
    const window = [from, to];
    const saisines = Number(
      (await rows<{ n: string }>(manager, `SELECT count(*) AS n FROM cellule.situation s WHERE ${inPeriod('s.created_at')}`, window))[0].n,
    );
    // Audited without filters: who looked at the figures, not which.
    this.uow.current.record({ action: 'statistics.read', resourceType: 'statistics', outcome: 'granted' });
    const base: StatisticsDto = {
      from,
      to,
      minimumCount: k,
      saisines,
      withheld: saisines < k,
      tables: [],
      delayToFirstSession: null,
      sessionsHeld: null,
      situationsReviewed: null,
    };
    if (saisines < k) return base;

    const tables: RawTable[] = [];

    const byMonth = await rows<{ month: string; n: string }>(
      manager,
      `SELECT to_char(s.created_at, 'YYYY-MM') AS month, count(*) AS n FROM cellule.situation s WHERE ${inPeriod('s.created_at')} GROUP BY 1`,
      window,
    );
    const months = monthsBetween(from, to);
    tables.push({
      key: 'saisinesByMonth',
      title: 'Saisines par mois',
      rowTitle: 'Mois',
      rows: months.map((month) => ({ key: month, label: `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}` })),
      counts: months.map((month) => [count(byMonth, (row) => row.month === month)]),
    });

    const byKind = await rows<{ kind: string; n: string }>(
      manager,
      `SELECT coalesce(o.kind, 'none') AS kind, count(*) AS n FROM cellule.situation s
         LEFT JOIN clsm.directory_organization o ON o.id = s.referrer_organization_id
        WHERE ${inPeriod('s.created_at')} GROUP BY 1`,
      window,
    );
    const kinds = [...ORGANIZATION_KINDS, 'none'];
    tables.push({
      key: 'saisinesByReferrerKind',
      title: 'Saisines par type de structure à l’origine de la saisine',
      rowTitle: 'Structure',
      rows: labels(kinds, ORGANIZATION_KIND_LABELS),
      counts: kinds.map((kind) => [count(byKind, (row) => row.kind === kind)]),
    });

    const byArea = await rows<{ area: string; n: string }>(
      manager,
      `SELECT area, count(*) AS n FROM cellule.situation s, unnest(s.problem_areas) AS area WHERE ${inPeriod('s.created_at')} GROUP BY 1`,
      window,
    );
    tables.push({
      key: 'saisinesByProblemArea',
      title: 'Saisines par problématique',
      rowTitle: 'Problématique',
      rows: labels(PROBLEM_AREAS, PROBLEM_AREA_LABELS),
      counts: PROBLEM_AREAS.map((area) => [count(byArea, (row) => row.area === area)]),
      additive: false,
      note: 'Une saisine peut relever de plusieurs problématiques : les effectifs ne s’additionnent pas.',
    });

    const byAgeSex = await rows<{ decade: number; sex: string; n: string }>(
      manager,
      `SELECT s.birth_decade AS decade, coalesce(s.sex, 'not_recorded') AS sex, count(*) AS n FROM cellule.situation s
        WHERE ${inPeriod('s.created_at')} GROUP BY 1, 2`,
      window,
    );
    const decades = [...new Set(byAgeSex.map((row) => Number(row.decade)))].sort((a, b) => a - b);
    const sexes = ['female', 'male', 'other', 'unknown', 'not_recorded'];
    tables.push({
      key: 'saisinesByBirthDecadeAndSex',
      title: 'Saisines par décennie de naissance et par sexe',
      rowTitle: 'Décennie de naissance',
      columnTitle: 'Sexe',
      rows: decades.map((decade) => ({ key: String(decade), label: `Années ${decade}` })),
      columns: labels(sexes, SEX_LABELS),
      counts: decades.map((decade) => sexes.map((sex) => count(byAgeSex, (row) => Number(row.decade) === decade && row.sex === sex))),
      note: 'Seule la décennie de naissance est conservée en clair : elle tient lieu de tranche d’âge.',
    });

    const admissibility = await rows<{ decision: string; n: string }>(
      manager,
      `SELECT t.to_status AS decision, count(*) AS n FROM cellule.situation_transition t
        WHERE t.from_status = 'submitted' AND ${inPeriod('t.at')} GROUP BY 1`,
      window,
    );
    const decisions = Object.keys(ADMISSIBILITY_LABELS);
    tables.push({
      key: 'admissibility',
      title: 'Décisions de recevabilité',
      rowTitle: 'Décision',
      rows: labels(decisions, ADMISSIBILITY_LABELS),
      counts: decisions.map((decision) => [count(admissibility, (row) => row.decision === decision)]),
    });

    const recommendations = await rows<{ status: string; kind: string; n: string }>(
      manager,
      `SELECT r.status, coalesce(o.kind, e.organization_kind, 'none') AS kind, count(*) AS n FROM cellule.recommendation r
         LEFT JOIN clsm.directory_organization o ON o.id = r.carrier_organization_id
         LEFT JOIN clsm.directory_entry e ON e.user_id = r.carrier_user_id
        WHERE ${inPeriod('r.created_at')} GROUP BY 1, 2`,
      window,
    );
    const statuses = Object.keys(RECOMMENDATION_LABELS);
    tables.push({
      key: 'recommendationsByStatusAndCarrierKind',
      title: 'Préconisations par état et par type de structure porteuse',
      rowTitle: 'Structure porteuse',
      columnTitle: 'État',
      rows: labels(kinds, ORGANIZATION_KIND_LABELS),
      columns: labels(statuses, RECOMMENDATION_LABELS),
      counts: kinds.map((kind) => statuses.map((status) => count(recommendations, (row) => row.kind === kind && row.status === status))),
    });

    const referrals = await rows<{ direction: string; status: string; n: string }>(
      manager,
      `SELECT r.direction, r.status, count(*) AS n FROM cellule.referral r WHERE ${inPeriod('r.created_at')} GROUP BY 1, 2`,
      window,
    );
    const directions = Object.keys(REFERRAL_DIRECTION_LABELS);
    const referralStatuses = Object.keys(REFERRAL_STATUS_LABELS);
    tables.push({
      key: 'dacReferralsByDirectionAndStatus',
      title: 'Orientations DAC par sens et par issue',
      rowTitle: 'Sens',
      columnTitle: 'Issue',
      rows: labels(directions, REFERRAL_DIRECTION_LABELS),
      columns: labels(referralStatuses, REFERRAL_STATUS_LABELS),
      counts: directions.map((direction) =>
        referralStatuses.map((status) => count(referrals, (row) => row.direction === direction && row.status === status)),
      ),
    });

    const closures = await rows<{ outcome: string; n: string }>(
      manager,
      `SELECT coalesce(t.closure_outcome, 'not_recorded') AS outcome, count(*) AS n FROM cellule.situation_transition t
        WHERE t.to_status = 'closed' AND ${inPeriod('t.at')} GROUP BY 1`,
      window,
    );
    const outcomes = [...CLOSURE_OUTCOMES, 'not_recorded'];
    tables.push({
      key: 'closuresByOutcome',
      title: 'Clôtures par issue',
      rowTitle: 'Issue',
      rows: labels(outcomes, CLOSURE_LABELS),
      counts: outcomes.map((outcome) => [count(closures, (row) => row.outcome === outcome)]),
    });

    const [delay] = await rows<{ n: string; q1: number | null; median: number | null; q3: number | null }>(
      manager,
      `WITH first AS (
         SELECT i.situation_id, min(coalesce(se.held_at, se.scheduled_at)) AS first_at
           FROM cellule.agenda_item i JOIN cellule.session se ON se.id = i.session_id
          WHERE se.status IN ('held', 'minutes_approved')
          GROUP BY i.situation_id)
       SELECT count(*) AS n,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY d) AS q1,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY d) AS q3
         FROM (SELECT extract(epoch FROM f.first_at - s.created_at) / 86400 AS d
                 FROM first f JOIN cellule.situation s ON s.id = f.situation_id
                WHERE ${inPeriod('f.first_at')}) AS delays`,
      window,
    );
    const delayCount = Number(delay.n);
    const shown = delayCount >= k;
    const round = (value: number | null) => (value === null || !shown ? null : Math.round(Number(value) * 10) / 10);
    const [activity] = await rows<{ sessions: string; reviewed: string }>(
      manager,
      `SELECT (SELECT count(*) FROM cellule.session se WHERE se.status IN ('held', 'minutes_approved') AND ${inPeriod('se.held_at')}) AS sessions,
              (SELECT count(DISTINCT i.situation_id) FROM cellule.agenda_item i JOIN cellule.session se ON se.id = i.session_id
                WHERE se.status IN ('held', 'minutes_approved') AND ${inPeriod('se.held_at')}) AS reviewed`,
      window,
    );

    return {
      ...base,
      tables: tables.map((table) => protect(table, k)),
      delayToFirstSession: {
        situations: protectCount(delayCount, k),
        firstQuartile: round(delay.q1),
        median: round(delay.median),
        thirdQuartile: round(delay.q3),
      },
      sessionsHeld: Number(activity.sessions),
      situationsReviewed: protectCount(Number(activity.reviewed), k),
    };
  }

  /** The protected tables as CSV, one line per published cell (suppressed cells say so). */
  csv(statistics: StatisticsDto): string {
    const quote = (value: string | number | null) => (value === null ? '' : `"${String(value).replaceAll('"', '""')}"`);
    const lines = [['tableau', 'ligne', 'colonne', 'effectif', 'secret'].join(';')];
    lines.push(['saisines', 'total', '', statistics.saisines, ''].map(quote).join(';'));
    for (const table of statistics.tables as CountTable[]) {
      table.rows.forEach((row, r) =>
        table.columns.forEach((column, c) =>
          lines.push(
            [table.title, row.label, column.label, table.cells[r][c].value, table.cells[r][c].suppressed ?? ''].map(quote).join(';'),
          ),
        ),
      );
      table.rowTotals?.forEach((cell, r) =>
        lines.push([table.title, table.rows[r].label, 'Total', cell.value, cell.suppressed ?? ''].map(quote).join(';')),
      );
      table.columnTotals?.forEach((cell, c) =>
        lines.push([table.title, 'Total', table.columns[c].label, cell.value, cell.suppressed ?? ''].map(quote).join(';')),
      );
      if (table.total) lines.push([table.title, 'Total', 'Total', table.total.value, table.total.suppressed ?? ''].map(quote).join(';'));
    }
    return lines.join('\r\n') + '\r\n';
  }
}

const inPeriod = (column: string) => `${column} >= $1::date AND ${column} < ($2::date + 1)`;

async function rows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  return await manager.query<T[]>(sql, parameters);
}

function count<T extends { n: string }>(found: T[], match: (row: T) => boolean): number {
  return found.filter(match).reduce((total, row) => total + Number(row.n), 0);
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
