import { db } from '#app/utils/db.server.ts'
import { totalsByKind, type BaselineInput } from './baselines.ts'
import { dateToDay, dayToDate } from './dates.ts'
import type { ActivityKind } from './figures.ts'

/** Every baseline, newest date first, and the participants they add per activity kind (summed in SQL). */
export async function listBaselines() {
  const [rows, sums] = await Promise.all([
    db.baseline.findMany({
      orderBy: [{ asOf: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, asOf: true, activityKind: true, stakeholderGroup: true, country: true, participants: true, note: true },
    }),
    db.baseline.groupBy({ by: ['activityKind'], _sum: { participants: true }, _count: { _all: true } }),
  ])
  return {
    baselines: rows.map((row) => ({ ...row, asOf: dateToDay(row.asOf), activityKind: row.activityKind as ActivityKind })),
    totals: totalsByKind(
      sums.map((sum) => ({ activityKind: sum.activityKind, participants: sum._sum.participants ?? 0, baselines: sum._count._all })),
    ),
  }
}

export function addBaseline(input: BaselineInput, createdById: string) {
  return db.baseline.create({ data: { ...input, asOf: dayToDate(input.asOf), createdById } })
}

/** Deletes a baseline; false when there was none (already deleted, say by a second click). */
export async function deleteBaseline(id: string): Promise<boolean> {
  const { count } = await db.baseline.deleteMany({ where: { id } })
  return count === 1
}
