import { db } from '#app/utils/db.server.ts'

/** Account figures for the admin area's front page, counted in the database (deleted accounts left out). */
export async function getAccountOverview() {
  const where = { deletedAt: null }
  const [total, byRole, byGroup, recent] = await Promise.all([
    db.user.count({ where }),
    db.user.groupBy({ by: ['role'], where, _count: { _all: true } }),
    db.user.groupBy({ by: ['stakeholderGroup'], where, _count: { _all: true } }),
    db.user.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { id: true, displayName: true, email: true, country: true, role: true, createdAt: true },
    }),
  ])
  return {
    total,
    byRole: Object.fromEntries(byRole.map((row) => [row.role, row._count._all])),
    byGroup: Object.fromEntries(byGroup.map((row) => [row.stakeholderGroup, row._count._all])),
    recent,
  }
}
