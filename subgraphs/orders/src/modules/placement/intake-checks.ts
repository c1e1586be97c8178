import { callPeer, type InputProblem, type Peers } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import type { NormalizedOrder } from '../intake/normalized-order';

const PRODUCTS = `query Products($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { sku } }
}`;

/**
 * The checks intake cannot make from the payload alone: the channel is one we
 * sell through (orders' own table) and every SKU is in the catalogue
 * (inventory, asked directly). All problems are collected, none short-circuits.
 */
export async function checkReferences(
  manager: EntityManager,
  peers: Peers,
  requestId: string,
  order: NormalizedOrder,
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const channel = (await manager.query('SELECT 1 FROM channel WHERE code = $1', [order.channel])) as unknown[];
  if (!channel.length) problems.push({ field: 'channel', message: `unknown channel "${order.channel}"` });
  const skus = [...new Set(order.lines.map((l) => l.sku))];
  if (skus.length) {
    const data = await callPeer<{ _entities: ({ sku: string } | null)[] }>(peers, 'inventory', requestId, PRODUCTS, {
      representations: skus.map((sku) => ({ __typename: 'Product', sku })),
    });
    const known = new Set(data._entities.filter((p): p is { sku: string } => p !== null).map((p) => p.sku));
    order.lines.forEach((line, i) => {
      if (!known.has(line.sku)) problems.push({ field: `lines[${i}].sku`, message: `unknown SKU "${line.sku}"` });
    });
  }
  return problems;
}

const IDENTIFY = `mutation Identify($input: IdentifyBuyerInput!) {
  identifyBuyer(input: $input) { customerId matchedBy }
}`;

/** The golden customer behind this order's buyer, decided by the customers subgraph. */
export async function identifyBuyer(peers: Peers, requestId: string, order: NormalizedOrder) {
  const data = await callPeer<{ identifyBuyer: { customerId: string; matchedBy: string } }>(peers, 'customers', requestId, IDENTIFY, {
    input: {
      channel: order.channel,
      channelBuyerId: order.buyer.channelBuyerId,
      name: order.buyer.name,
      email: order.buyer.email,
      phone: order.buyer.phone,
    },
  });
  return data.identifyBuyer;
}
