import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '#app/auth/profile.ts'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import {
  ACTIVITIES_PAGE_SIZE,
  canRecordParticipants,
  headcountRowsSchema,
  parseAudienceGroups,
  type ActivityInput,
  type HeadcountRow,
} from './activities.ts'
import type { AttendeeInput } from './attendance-csv.ts'
import { dateToDay, dayInZone, dayToDate, type Day } from './dates.ts'

// Storing offline activities and their participants. Participant totals are
// counted by the database (a count of attendees, a sum of headcounts), never by
// loading every attendee. Period figures are computed elsewhere (figures*.ts).

/** The programme's today, the day that decides whether an activity has taken place. */
export function programmeToday(now = new Date()): Day {
  return dayInZone(now, env.PROGRAMME_TIME_ZONE)
}

function activityData(input: ActivityInput) {
  return {
    title: input.title,
    kind: input.kind,
    startsOn: dayToDate(input.startsOn),
    endsOn: dayToDate(input.endsOn),
    country: input.country,
    city: input.city,
    organiser: input.organiser,
    audienceGroups: JSON.stringify(input.audienceGroups),
    notes: input.notes,
  }
}

export async function createActivity(input: ActivityInput, createdById: string | null) {
  const activity = await db.activity.create({ data: { ...activityData(input), createdById }, select: { id: true } })
  return activity
}

export type UpdateOutcome = { ok: true } | { ok: false; reason: 'not-found' | 'participants-before-start' }

/**
 * Changes an activity's details. An activity with participants cannot move to
 * a start date after today: its participants would count before it happened.
 */
export async function updateActivity(id: string, input: ActivityInput, today: Day = programmeToday()): Promise<UpdateOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.activity.findUnique({ where: { id }, select: { id: true } })
    if (!existing) return { ok: false, reason: 'not-found' } as const
    if (!canRecordParticipants(input.startsOn, today)) {
      const [attendees, headcounts] = await Promise.all([
        tx.activityAttendee.count({ where: { activityId: id } }),
        tx.activityHeadcount.count({ where: { activityId: id } }),
      ])
      if (attendees + headcounts > 0) return { ok: false, reason: 'participants-before-start' } as const
    }
    await tx.activity.update({ where: { id }, data: activityData(input) })
    return { ok: true } as const
  })
}

/** Deletes an activity with its attendance list and headcounts. */
export async function deleteActivity(id: string): Promise<boolean> {
  const { count } = await db.activity.deleteMany({ where: { id } })
  return count > 0
}

export type ParticipantsOutcome = { ok: true; count: number } | { ok: false; reason: 'not-found' | 'not-yet-held' | 'invalid' }

async function recordable(tx: Pick<typeof db, 'activity'>, activityId: string, today: Day) {
  const activity = await tx.activity.findUnique({ where: { id: activityId }, select: { startsOn: true } })
  if (!activity) return 'not-found' as const
  if (!canRecordParticipants(dateToDay(activity.startsOn), today)) return 'not-yet-held' as const
  return null
}

/** Replaces all of an activity's headcounts at once. */
export async function replaceHeadcounts(activityId: string, rows: HeadcountRow[], today: Day = programmeToday()): Promise<ParticipantsOutcome> {
  const checked = headcountRowsSchema.safeParse(rows)
  if (!checked.success) return { ok: false, reason: 'invalid' }
  const kept = checked.data.filter((row) => row.count > 0)
  return db.$transaction(async (tx) => {
    const problem = await recordable(tx, activityId, today)
    if (problem) return { ok: false, reason: problem } as const
    await tx.activityHeadcount.deleteMany({ where: { activityId } })
    if (kept.length > 0) await tx.activityHeadcount.createMany({ data: kept.map((row) => ({ activityId, ...row })) })
    return { ok: true, count: kept.reduce((sum, row) => sum + row.count, 0) } as const
  })
}

/**
 * Replaces an activity's attendance list with these attendees, all or nothing:
 * one transaction, so a failure half-way leaves the previous list as it was.
 */
export async function importAttendees(activityId: string, attendees: AttendeeInput[], today: Day = programmeToday()): Promise<ParticipantsOutcome> {
  if (attendees.length === 0) return { ok: false, reason: 'invalid' }
  return db.$transaction(async (tx) => {
    const problem = await recordable(tx, activityId, today)
    if (problem) return { ok: false, reason: problem } as const
    await tx.activityAttendee.deleteMany({ where: { activityId } })
    await tx.activityAttendee.createMany({
      data: attendees.map((attendee) => ({
        activityId,
        name: attendee.name.trim(),
        // The same address on another list, or a Trellis account, is the same person.
        email: attendee.email ? attendee.email.trim().toLowerCase() : null,
        stakeholderGroup: attendee.stakeholderGroup,
        country: attendee.country,
        gender: attendee.gender,
        organisation: attendee.organisation,
      })),
    })
    return { ok: true, count: attendees.length } as const
  })
}

/** Removes an activity's whole attendance list. */
export async function clearAttendees(activityId: string): Promise<number> {
  const { count } = await db.activityAttendee.deleteMany({ where: { activityId } })
  return count
}

export type ActivitySummary = {
  id: string
  title: string
  kind: string
  startsOn: Day
  endsOn: Day
  country: string
  city: string
  named: number
  counted: number
  participants: number
}

/** A page of activities, newest first, each with its participants (named + headcount). */
export async function listActivities({ page = 1, pageSize = ACTIVITIES_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  const total = await db.activity.count()
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount)
  const activities = await db.activity.findMany({
    orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      title: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      country: true,
      city: true,
      _count: { select: { attendees: true } },
    },
  })
  const sums = await db.activityHeadcount.groupBy({
    by: ['activityId'],
    where: { activityId: { in: activities.map((a) => a.id) } },
    _sum: { count: true },
  })
  const counted = new Map(sums.map((s) => [s.activityId, s._sum.count ?? 0]))
  const items: ActivitySummary[] = activities.map((activity) => {
    const headcount = counted.get(activity.id) ?? 0
    return {
      id: activity.id,
      title: activity.title,
      kind: activity.kind,
      startsOn: dateToDay(activity.startsOn),
      endsOn: dateToDay(activity.endsOn),
      country: activity.country,
      city: activity.city,
      named: activity._count.attendees,
      counted: headcount,
      participants: activity._count.attendees + headcount,
    }
  })
  return { items, total, page: current, pageCount }
}

/** One activity with its headcounts and a summary of its attendance list; null if there is none. */
export async function getActivity(id: string) {
  const activity = await db.activity.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      country: true,
      city: true,
      organiser: true,
      audienceGroups: true,
      notes: true,
      createdAt: true,
      updatedAt: true,
      headcounts: { select: { stakeholderGroup: true, gender: true, count: true } },
    },
  })
  if (!activity) return null
  const [byGroup, withEmail] = await Promise.all([
    db.activityAttendee.groupBy({ by: ['stakeholderGroup'], where: { activityId: id }, _count: { _all: true } }),
    db.activityAttendee.count({ where: { activityId: id, email: { not: null } } }),
  ])
  const namedByGroup = Object.fromEntries(STAKEHOLDER_GROUPS.map((group) => [group, 0])) as Record<StakeholderGroup, number>
  let named = 0
  for (const row of byGroup) {
    named += row._count._all
    if (row.stakeholderGroup in namedByGroup) namedByGroup[row.stakeholderGroup as StakeholderGroup] += row._count._all
  }
  const counted = activity.headcounts.reduce((sum, row) => sum + row.count, 0)
  return {
    ...activity,
    startsOn: dateToDay(activity.startsOn),
    endsOn: dateToDay(activity.endsOn),
    audienceGroups: parseAudienceGroups(activity.audienceGroups),
    attendance: { named, withEmail, byGroup: namedByGroup },
    counted,
    participants: named + counted,
  }
}

/** Just enough of an activity for its attendance page. */
export async function getActivityHeader(id: string) {
  const activity = await db.activity.findUnique({
    where: { id },
    select: { id: true, title: true, startsOn: true, endsOn: true, _count: { select: { attendees: true } } },
  })
  if (!activity) return null
  return {
    id: activity.id,
    title: activity.title,
    startsOn: dateToDay(activity.startsOn),
    endsOn: dateToDay(activity.endsOn),
    named: activity._count.attendees,
  }
}
