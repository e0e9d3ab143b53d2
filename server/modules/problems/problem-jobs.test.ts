import { beforeAll, expect, it, vi } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { JobRunner, type JobRunStore } from '../../platform/jobs.js';
import { problemJobs } from './problems.jobs.js';

const API = '/api/v1';
const ALIKE = (i: number) => ({
  subject: `Error de conexión con la VPN corporativa ${i}`,
  description: `<p>La VPN corporativa se desconecta cada pocos minutos y da un error de conexión al autenticar (${i}).</p>`,
});

describeOnEachDatabase('problem candidates and resolving incidents', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let manager: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    manager = await login(built, (await makeUser(built, ['specialist'])).email);
  });

  const pending = async () => {
    const response = await manager.request('GET', `${API}/problems/candidates`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as { id: string; incidents: { id: string; number: string }[] }[];
  };

  it('proposes a planted cluster, hides it from requesters, and re-proposes a dismissed one only once grown', async () => {
    const planted = [];
    for (let i = 0; i < 5; i++) planted.push(await raise(world.requester, ALIKE(i)));
    await raise(world.requester, { subject: 'La impresora del tercer piso no imprime', description: '<p>Atasco</p>' });
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ proposed: 1 });
    const [candidate, ...others] = await pending();
    expect(others).toEqual([]);
    expect(candidate?.incidents.map((t) => t.id).sort()).toEqual(planted.map((t) => t.id).sort());
    expect((await world.requester.request('GET', `${API}/problems/candidates`)).statusCode).toBe(404);
    // Again: the same cluster is not proposed twice.
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ proposed: 0, updated: 0 });

    expect((await manager.request('POST', `${API}/problems/candidates/${candidate?.id}/dismiss`)).statusCode).toBe(204);
    await built.services.problemCandidates.refresh();
    expect(await pending()).toEqual([]);

    const grown = await raise(world.requester, ALIKE(5));
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ proposed: 1 });
    const [again] = await pending();
    expect(again?.incidents.map((t) => t.id)).toContain(grown.id);
    expect(again?.incidents).toHaveLength(6);
  });

  it('accepts a candidate atomically: a failing link leaves no problem; then records it with its incidents', async () => {
    const [candidate] = await pending();
    const spy = vi
      .spyOn(built.services.problems, 'recordAlongside')
      .mockRejectedValueOnce(new Error('the link failed'));
    const before = (await manager.request('GET', `${API}/problems`)).json().items.length;
    const failed = await manager.request('POST', `${API}/problems/candidates/${candidate?.id}/accept`, {
      subject: 'VPN inestable',
    });
    expect(failed.statusCode).toBe(500);
    spy.mockRestore();
    expect((await manager.request('GET', `${API}/problems`)).json().items).toHaveLength(before);
    expect((await pending()).map((c) => c.id)).toEqual([candidate?.id]);

    const accepted = await manager.request('POST', `${API}/problems/candidates/${candidate?.id}/accept`, {
      subject: 'VPN inestable',
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ subject: 'VPN inestable', incidentCount: 6 });
    expect(await pending()).toEqual([]);
    // Linked now: the next run finds nothing to propose.
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ proposed: 0 });
  });

  it('audits accepting and dismissing a candidate, and the job forgets dismissals after 90 days', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const audit = (await admin.request('GET', `${API}/audit-events?entityType=problem_candidate`)).json().items as {
      action: string;
      entityId: string;
      actor: unknown;
      changes: { after: Record<string, unknown> };
    }[];
    const candidates = await database().db.selectFrom('problem_candidates').select(['id', 'status']).execute();
    const dismissed = candidates.find((c) => c.status === 'dismissed');
    const accepted = candidates.find((c) => c.status === 'accepted');
    expect(audit.map((e) => [e.action, e.entityId]).sort()).toEqual(
      [
        ['problem_candidate.accepted', accepted?.id],
        ['problem_candidate.dismissed', dismissed?.id],
      ].sort(),
    );
    expect(audit.find((e) => e.action === 'problem_candidate.accepted')?.changes.after).toMatchObject({
      status: 'accepted',
      problem: expect.stringMatching(/^PRB-\d{6}$/),
    });

    const daysAgo = (days: number) => new Date(built.services.clock.now().getTime() - days * 86_400_000).toISOString();
    const decidedAt = (at: string) =>
      database()
        .db.updateTable('problem_candidates')
        .set({ decided_at: at })
        .where('id', '=', dismissed?.id ?? '')
        .execute();
    await decidedAt(daysAgo(89));
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ pruned: 0 });
    await decidedAt(daysAgo(91));
    expect(await built.services.problemCandidates.refresh()).toMatchObject({ pruned: 1 });
    const left = await database().db.selectFrom('problem_candidates').select(['id', 'status']).execute();
    expect(left.map((c) => c.status)).toEqual(['accepted']);
    // The record of the decision outlives the candidate.
    expect((await admin.request('GET', `${API}/audit-events?entityId=${dismissed?.id}`)).json().items).toHaveLength(1);
  });

  it('resolves the incidents once each, with one message each, across a crash and two runners', async () => {
    const problem = (await manager.request('GET', `${API}/problems?q=VPN`)).json().items[0];
    const early = await manager.request('POST', `${API}/problems/${problem.id}/resolve-incidents`, {});
    expect(early.statusCode).toBe(409);
    await manager.request('PATCH', `${API}/problems/${problem.id}`, { version: 1, status: 'investigating' });
    const resolved = await manager.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 2,
      status: 'resolved',
      cause: '<p>Certificado caducado</p>',
      permanentFix: '<p>Certificado renovado</p>',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);

    const started = await manager.request('POST', `${API}/problems/${problem.id}/resolve-incidents`, {});
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', total: 6, pending: 6 });
    // Asking again while it runs answers the same run.
    const twice = await manager.request('POST', `${API}/problems/${problem.id}/resolve-incidents`, {});
    expect(twice.json().id).toBe(started.json().id);

    const work = built.services.problemResolution;
    expect(await work.work(2)).toEqual({ resolved: 2, skipped: 0 });
    // A "crash" after the message and before the resolution.
    const crash = vi.spyOn(built.services.tickets, 'apply').mockRejectedValueOnce(new Error('crash'));
    await expect(work.work(1)).rejects.toThrow('crash');
    crash.mockRestore();
    // Two runners at once, then whatever is left.
    await Promise.all([work.work(), work.work()]);
    await work.work();

    const progress = (await manager.request('GET', `${API}/problems/${problem.id}/resolve-incidents`)).json();
    expect(progress.latest).toMatchObject({ status: 'done', total: 6, resolved: 6, pending: 0 });
    const incidents = (await manager.request('GET', `${API}/problems/${problem.id}/incidents`)).json().items;
    expect(incidents.map((t: { status: string }) => t.status)).toEqual(Array(6).fill('resolved'));
    const replies = await database()
      .db.selectFrom('ticket_messages')
      .select(['ticket_id', 'body_html'])
      .where(
        'ticket_id',
        'in',
        incidents.map((t: { id: string }) => t.id),
      )
      .where('kind', '=', 'reply')
      .execute();
    expect(replies).toHaveLength(6);
    expect(new Set(replies.map((r) => r.ticket_id)).size).toBe(6);
    expect(replies[0]?.body_html).toContain('Hemos solucionado');
  });

  it('runs a problem job once per slot however many runners claim it', async () => {
    const claimed = new Set<string>();
    const store: JobRunStore = {
      claim: async (run) => {
        if (claimed.has(run.id)) return false;
        claimed.add(run.id);
        return true;
      },
      finish: async () => {},
      failures: async () => ({ failures: 0, lastFailureSlotAt: null }),
    };
    const refresh = vi.spyOn(built.services.problemCandidates, 'refresh');
    const jobs = problemJobs(built.services).filter((job) => job.name === 'problem_candidates');
    const runners = [1, 2].map((n) => new JobRunner(jobs, store, built.services.clock, { instance: `i${n}` }));
    await Promise.all(runners.map((runner) => runner.tick()));
    expect(refresh).toHaveBeenCalledTimes(1);
    refresh.mockRestore();
  });
});
