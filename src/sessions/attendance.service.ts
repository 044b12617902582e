import { Injectable } from '@nestjs/common';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import type { AttendanceDto, SessionDto, StandInDto } from './dto/session.dto.js';
import { invalid, SessionsService, sessionEntry } from './sessions.service.js';

/** Who sits at a session: substitutes standing in for permanent members, and who attended which item. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly relations: RelationsService,
    private readonly sessions: SessionsService,
  ) {}

  async standIn(user: AuthenticatedUser, sessionId: string, input: StandInDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    await this.sessions.lockSession(sessionId, ['planned']);
    const [pair] = await manager.query<unknown[]>(
      `SELECT 1 FROM cellule.commission_member m JOIN cellule.commission_member s ON s.substitute_for = m.id
        WHERE m.id = $1 AND s.id = $2 AND m.active AND s.active AND m.kind = 'permanent'`,
      [input.memberId, input.substituteMemberId],
    );
    if (!pair) throw invalid("Ce suppléant n'est pas celui de ce membre permanent.");
    await manager.query(
      `INSERT INTO cellule.session_stand_in (session_id, member_id, substitute_member_id) VALUES ($1, $2, $3)
       ON CONFLICT (session_id, member_id) DO UPDATE SET substitute_member_id = EXCLUDED.substitute_member_id`,
      [sessionId, input.memberId, input.substituteMemberId],
    );
    this.cases.record(sessionEntry('session.stand_in', sessionId));
    return this.sessions.get(user, sessionId);
  }

  async recordAttendance(user: AuthenticatedUser, sessionId: string, input: AttendanceDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    await this.sessions.lockSession(sessionId, ['agenda_published', 'held']);
    const items = await manager.query<{ id: string; situation_id: string }[]>(
      'SELECT id, situation_id FROM cellule.agenda_item WHERE session_id = $1',
      [sessionId],
    );
    const itemIds = new Set(items.map((row) => row.id));
    const allItems = [
      ...input.attendees.flatMap((attendee) => attendee.itemIds ?? []),
      ...input.personAttendedItemIds,
      ...input.carersAttendedItemIds,
    ];
    if (allItems.some((itemId) => !itemIds.has(itemId))) throw invalid("Un point n'appartient pas à l'ordre du jour de cette séance.");
    const attendeeIds = [...new Set(input.attendees.map((attendee) => attendee.userId))];
    if (attendeeIds.length) {
      const [{ known }] = await manager.query<{ known: number }[]>(
        'SELECT count(*)::int AS known FROM clsm.directory_entry WHERE user_id = ANY($1)',
        [attendeeIds],
      );
      if (known !== attendeeIds.length) throw invalid('Un participant est inconnu.');
    }
    // Nobody of a structure the person refused attends the discussion of their situation.
    for (const item of items) {
      const userIds = input.attendees
        .filter((attendee) => !attendee.itemIds?.length || attendee.itemIds.includes(item.id))
        .map((attendee) => attendee.userId);
      if (userIds.length) await this.relations.assertNotRefused(item.situation_id, { userIds });
    }
    const rows: [string | null, string, string | null][] = [
      ...input.attendees.flatMap((attendee) =>
        (attendee.itemIds?.length ? attendee.itemIds : [null]).map(
          (itemId) => [itemId, attendee.as, attendee.userId] as [string | null, string, string],
        ),
      ),
      ...input.personAttendedItemIds.map((itemId) => [itemId, 'person', null] as [string, string, null]),
      ...input.carersAttendedItemIds.map((itemId) => [itemId, 'carers', null] as [string, string, null]),
    ];
    if (rows.length) {
      await manager.query(
        `INSERT INTO cellule.attendance (session_id, item_id, attendee, user_id)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::uuid[]) ON CONFLICT DO NOTHING`,
        [sessionId, rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2])],
      );
    }
    this.cases.record(sessionEntry('session.attendance', sessionId));
    return this.sessions.get(user, sessionId);
  }
}
