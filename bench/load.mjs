// A small HTTP load generator for the benchmarks: `connections` keep-alive
// connections, each sending the next request as soon as the last is answered,
// for `seconds`. Node's own http module, no dependency; it runs in a process
// of its own (bench/run.mjs starts it), so its work never slows the server's.
//
//   node bench/load.mjs <url> [connections=16] [seconds=10] [cookie]
//
// Prints one JSON line: requests, errors (non-2xx/3xx or failed), requests per
// second and latency percentiles in milliseconds.
import http from 'node:http'

/** @param {number[]} sorted @param {number} p */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

/**
 * @param {{ url: string, connections?: number, seconds?: number, headers?: Record<string, string>, method?: string, body?: string }} o
 */
export async function load(o) {
  const url = new URL(o.url)
  const connections = o.connections ?? 16
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const end = performance.now() + (o.seconds ?? 10) * 1000
  /** @type {number[]} */
  const latencies = []
  let errors = 0
  let bytes = 0
  const once = () =>
    new Promise((resolve) => {
      const started = performance.now()
      const request = http.request(
        url,
        { agent, method: o.method ?? 'GET', headers: { 'Accept-Encoding': 'gzip', ...o.headers } },
        (response) => {
          response.on('data', (chunk) => (bytes += chunk.length))
          response.on('end', () => {
            latencies.push(performance.now() - started)
            if ((response.statusCode ?? 500) >= 400) errors++
            resolve(undefined)
          })
        },
      )
      request.on('error', () => {
        errors++
        resolve(undefined)
      })
      request.end(o.body)
    })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await once()
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const round = (/** @type {number | null | undefined} */ n) => (n == null ? null : Math.round(n * 10) / 10)
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    kbPerRequest: latencies.length ? Math.round(bytes / latencies.length / 102.4) / 10 : 0,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1)),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, connections = '16', seconds = '10', cookie] = process.argv.slice(2)
  if (!url) {
    console.error('Usage: node bench/load.mjs <url> [connections] [seconds] [cookie]')
    process.exit(2)
  }
  const result = await load({ url, connections: Number(connections), seconds: Number(seconds), headers: cookie ? { Cookie: cookie } : {} })
  console.log(JSON.stringify(result))
}
