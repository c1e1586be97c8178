import { graphql } from '../generated/suites';
import { describeEachBus } from '../support/buses';
import { GIVE_UP_MS, PARTNER_DOCUMENT, SECRET, signedWith, useWebhooks } from '../support/webhooks';
import { eventually } from '../support/wait';

const REGISTER = graphql(`
  mutation HookRegisterRefused($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }
`);
const DELIVERY = graphql(`
  query HookDelivery($id: ID!) {
    webhookDelivery(id: $id) {
      id eventId status attemptCount lastError deadAt deliveredAt
      attempts { at statusCode error durationMs } webhook { id }
    }
  }
`);
const RESEND = graphql(`
  mutation HookResend($id: ID!) {
    resendWebhookDelivery(id: $id) { id eventId status attemptCount nextAttemptAt deadAt }
  }
`);

/** The shortest delay after the `failures`-th failure in a row: 50 ms doubling up to 200 ms, less 20 % jitter. */
const shortestDelay = (failures: number) => 0.8 * Math.min(50 * 2 ** (failures - 1), 200);

/** How many attempts fit in `periodMs` after the first one when every delay is the shortest. */
function mostAttemptsWithin(periodMs: number): number {
  let attempts = 1;
  for (let at = shortestDelay(1); at <= periodMs; at += shortestDelay(attempts)) attempts += 1;
  return attempts;
}

describeEachBus('partner webhooks: retries and refusals', (bus, backend) => {
  const { db, ask, receiver, buyers, call, register, deactivate, place, deliveries } = useWebhooks(bus, backend);

  it(
    'retries a failing receiver with backoff, dead-letters the delivery after the give-up time, ' +
      'and re-sends it on demand',
    async () => {
      receiver.answer('/b', 500);
      const webhook = await register('/b', PARTNER_DOCUMENT);
      const orderId = await place(buyers()[1]);
      const dead = await eventually(
        async () => {
          const list = (await deliveries(webhook.id)).filter((d) => d.order.id === orderId);
          return list.length === 2 && list.every((d) => d.status === 'DEAD') ? list : undefined;
        },
        'both deliveries DEAD',
        15_000,
      );
      const allocated = dead.find((d) => d.to === 'ALLOCATED')!;
      const webhookDelivery = (await call(DELIVERY, { id: allocated.id })).webhookDelivery!;
      expect(webhookDelivery.attemptCount).toBeGreaterThanOrEqual(3);
      expect(webhookDelivery.attempts).toHaveLength(webhookDelivery.attemptCount);
      expect(
        webhookDelivery.attempts.every((a) => a.statusCode === 500 && a.error === 'HTTP 500' && a.durationMs >= 0),
      ).toBe(true);
      expect(webhookDelivery.lastError).toMatch(/^given up after \d+ failed attempts .*HTTP 500$/);
      // Backed off (50 ms doubling up to 200 ms, less at most 20 % jitter), and given up after the period:
      // no more attempts than fit in it at the shortest delays, and only once the next retry would have
      // fallen past it. Bounds a busy machine cannot break: it only makes each attempt later.
      const times = webhookDelivery.attempts.map((a) => new Date(a.at).getTime());
      times.slice(1).forEach((t, i) => expect(t - times[i]).toBeGreaterThanOrEqual(shortestDelay(i + 1) - 1));
      expect(webhookDelivery.attemptCount).toBeLessThanOrEqual(mostAttemptsWithin(GIVE_UP_MS));
      expect(new Date(webhookDelivery.deadAt!).getTime() - times[0]).toBeGreaterThanOrEqual(GIVE_UP_MS - 200 - 1);

      // Every POST of the delivery carried the same event id; none arrive once it is DEAD.
      const posts = () =>
        receiver.received('/b').filter((r) => r.headers['x-supply-graph-delivery-id'] === allocated.id);
      expect(posts()).toHaveLength(webhookDelivery.attemptCount);
      expect(new Set(posts().map((r) => r.headers['x-supply-graph-event-id']))).toEqual(new Set([allocated.eventId]));
      const postsAtDeath = receiver.received('/b').length;
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.received('/b')).toHaveLength(postsAtDeath);

      // Fixed receiver, re-sent: delivered with the same event id, earlier attempts kept.
      receiver.answer('/b', 200);
      const resent = (await call(RESEND, { id: allocated.id })).resendWebhookDelivery;
      expect(resent).toMatchObject({ id: allocated.id, eventId: allocated.eventId, status: 'PENDING', deadAt: null });
      const after = await eventually(async () => {
        const d = (await call(DELIVERY, { id: allocated.id })).webhookDelivery!;
        return d.status === 'DELIVERED' ? d : undefined;
      }, 'the re-sent delivery DELIVERED');
      expect(after.attempts.map((a) => a.statusCode)).toEqual([...webhookDelivery.attempts.map(() => 500), 200]);
      const last = posts()[posts().length - 1];
      expect(last.answered).toBe(200);
      expect(last.headers['x-supply-graph-event-id']).toBe(allocated.eventId);
      expect(signedWith(SECRET, last)).toBe(true);
      // The other delivery stays DEAD: nothing is re-sent unless asked.
      expect((await deliveries(webhook.id, 'DEAD')).filter((d) => d.order.id === orderId).map((d) => d.to)).toEqual([
        'PENDING',
      ]);

      // A deactivated webhook's deliveries cannot be re-sent.
      await deactivate(webhook.id);
      const refused = await ask(RESEND, { id: allocated.id });
      expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    },
  );

  it('refuses a bad URL, a short secret and an invalid document at once, storing nothing', async () => {
    const [{ count: before }] = await db.rows<{ count: number }>('SELECT count(*)::int AS count FROM orders.webhook');
    const result = await ask(REGISTER, {
      input: {
        url: 'ftp://partner.example.com/hook',
        secret: 'too-short',
        query: 'subscription { orderStatusChanged { eventId nonsense } }',
      },
    });
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = error.extensions?.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['query', 'secret', 'url']);
    expect(problems.find((p) => p.field === 'query')!.message).toMatch(/nonsense/);
    expect(error.message).toMatch(/url: .*secret: .*query: /);
    // A valid document of the wrong kind is refused too.
    const query = await ask(REGISTER, {
      input: { url: receiver.url('/c'), secret: SECRET, query: '{ orders(first: 1) { totalCount } }' },
    });
    expect(query.errors?.[0].extensions?.problems).toEqual([
      { field: 'query', message: expect.stringMatching(/subscription/) },
    ]);
    const [{ count }] = await db.rows<{ count: number }>('SELECT count(*)::int AS count FROM orders.webhook');
    expect(count).toBe(before);
  });
});
