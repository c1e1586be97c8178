import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';
import { Authenticated, buildFederatedSchema, piiReadsOf, type Principal } from '@supply-graph/shared';
import { Address } from '../../../common/address.type';
import { toOrder, type OrderRow } from '../order.row';

const ORDER_ID = '3f1c2a9e-0000-4000-8000-000000000001';
const row: OrderRow = {
  id: ORDER_ID,
  channelCode: 'tmall',
  externalId: 'TB-1',
  customerId: null,
  status: 'PENDING',
  version: 1,
  currency: 'CNY',
  total: '10.00',
  taxMinor: '0',
  shipName: '张三',
  shipPhone: '+8613800000923',
  shipCountry: 'CN',
  shipProvince: '上海市',
  shipCity: '上海市',
  shipLine1: '淮海中路 999 号',
  shipPostalCode: '200031',
  placedAt: new Date(),
  riskScore: 0,
  riskFlags: [],
};

/** The shipping address exactly as the orders subgraph builds it from a row. */
@Resolver()
class AddressProbe {
  @Authenticated()
  @Query(() => Address)
  address(): Address {
    return toOrder(row).shippingAddress;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFederatedSchema({ resolvers: [AddressProbe] });
});

const caller = (...scopes: string[]): Principal => ({
  sub: 'partner',
  scopes: new Set(scopes),
  channels: ['tmall'],
  kind: 'client',
});
const QUERY = '{ address { name phone country province city line1 postalCode } }';

async function ask(context: object) {
  const result = await graphql({ schema, source: QUERY, contextValue: context });
  expect(result.errors).toBeUndefined();
  return (result.data as { address: Record<string, string | null> }).address;
}

describe("an order's shipping address", () => {
  it('is masked without pii:read; country, province, city and postal code stay readable', async () => {
    expect(await ask({ principal: caller('orders:read') })).toEqual({
      name: '张**',
      phone: '+86 138****0923',
      country: 'CN',
      province: '上海市',
      city: '上海市',
      line1: '***',
      postalCode: '200031',
    });
  });

  it('is shown with pii:read, and the reads are audited against the order', async () => {
    const context = { principal: caller('orders:read', 'pii:read') };
    expect(await ask(context)).toMatchObject({ name: '张三', phone: '+8613800000923', line1: '淮海中路 999 号' });
    expect(piiReadsOf(context)).toEqual([
      { type: 'Order', id: ORDER_ID, field: 'Address.name' },
      { type: 'Order', id: ORDER_ID, field: 'Address.phone' },
      { type: 'Order', id: ORDER_ID, field: 'Address.line1' },
    ]);
  });
});
