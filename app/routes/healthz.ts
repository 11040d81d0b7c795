// The smallest route: the server is up and answering (for a load balancer's
// health check, and the benchmarks' floor). No database, no session, no page.
export function loader() {
  return new Response('ok\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}
