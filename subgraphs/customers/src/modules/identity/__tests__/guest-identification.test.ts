import { closeDataSource, createDataSource, createLogger, initializeDatabase } from '@supply-graph/shared';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { customersSubgraph } from '../../../index';
import type { IdentifyBuyerInput } from '../identify-buyer.input';
import { identifyBuyerIn } from '../identify-buyer.service';

describeEachBackend("a channel's guest is never a real buyer", (backend) => {
  let database: TestDatabase;
  let db: DataSource;
  const identify = (buyer: Partial<IdentifyBuyerInput>) =>
    db.transaction((manager) =>
      identifyBuyerIn(manager, {
        channel: 'amazon',
        name: 'Someone',
        email: null,
        phone: null,
        channelBuyerId: null,
        ...buyer,
      }),
    );
  const guestOf = (channel: string) =>
    identify({ channel, channelBuyerId: `guest:${channel}`, name: `Guest (${channel})`, guest: true });

  beforeAll(async () => {
    database = await createTestDatabase(backend.adminUrl, 'identify_guest');
    db = createDataSource({
      service: 'customers-test',
      url: database.url,
      schema: 'customers',
      entities: customersSubgraph.entities,
      migrations: customersSubgraph.migrations,
      poolSize: 4,
      logger: createLogger('customers-test', 'silent'),
    });
    await initializeDatabase(db, 'customers');
  });
  afterAll(async () => {
    await closeDataSource(db);
    await database?.drop();
  });

  it('keeps one guest customer per channel, marked guest, without contact details', async () => {
    const first = await guestOf('amazon');
    expect(first).toEqual({ customerId: expect.any(String), matchedBy: 'new', guest: true });
    expect(await guestOf('amazon')).toEqual({ customerId: first.customerId, matchedBy: 'identity', guest: true });
    expect((await guestOf('jd')).customerId).not.toBe(first.customerId);
    // Contact details sent with a guest name nobody: they are not kept.
    const withContact = await identify({
      channelBuyerId: 'guest:amazon',
      email: 'stray@example.com',
      phone: '+8613800000001',
      guest: true,
    });
    expect(withContact.customerId).toBe(first.customerId);
    expect(
      await db.query('SELECT name, email, phone, email_normalized, guest FROM customer WHERE id = $1', [
        first.customerId,
      ]),
    ).toEqual([{ name: 'Guest (amazon)', email: null, phone: null, email_normalized: null, guest: true }]);
  });

  it('never matches a real buyer to the guest, nor the guest to a real customer', async () => {
    const guest = await guestOf('shopify');
    const real = await identify({ channel: 'shopify', email: 'lin.yue@example.com' });
    expect(real).toMatchObject({ matchedBy: 'new', guest: false });
    expect(real.customerId).not.toBe(guest.customerId);
    // A real buyer whose channel id is the guest's identity is still not the guest.
    const lookalike = await identify({ channel: 'shopify', channelBuyerId: 'guest:shopify' });
    expect(lookalike.customerId).not.toBe(guest.customerId);
    // The guest of a channel where that real buyer is known stays a guest of its own.
    const tmallGuest = await identify({
      channel: 'tmall',
      channelBuyerId: 'guest:tmall',
      guest: true,
      email: 'lin.yue@example.com',
    });
    expect(tmallGuest.customerId).not.toBe(real.customerId);
    expect(
      await db.query('SELECT count(*)::int AS n FROM channel_identity WHERE customer_id = $1', [real.customerId]),
    ).toEqual([{ n: 1 }]);
  });
});
