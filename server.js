// Trellis's server. In production it runs one worker per core
// (WEB_CONCURRENCY sets how many; server/cluster.js); with one, or in
// development, the server runs in this process (server/app.js).
import cluster from 'node:cluster'
import { runPrimary, workerCount } from './server/cluster.js'

const production = process.env.NODE_ENV === 'production'
const count = production ? workerCount() : 1

if (cluster.isPrimary && count > 1) runPrimary(count)
else await import('./server/app.js')
