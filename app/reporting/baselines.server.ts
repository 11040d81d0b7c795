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
  return (await removeBaseline(id)) !== null
}

/** Deletes a baseline and returns what it was, for the audit log; null when there was none. */
export async function removeBaseline(id: string) {
  return db.$transaction(async (tx) => {
    const baseline = await tx.baseline.findUnique({
      where: { id },
      select: { asOf: true, activityKind: true, country: true, stakeholderGroup: true, participants: true },
    })
    if (!baseline) return null
    const { count } = await tx.baseline.deleteMany({ where: { id } })
    return count === 1 ? { ...baseline, asOf: dateToDay(baseline.asOf) } : null
  })
}
