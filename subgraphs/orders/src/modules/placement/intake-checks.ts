import { AppError, callPeer, type InputProblem, type Peers } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { lookUpSkus } from '../catalogue/product-catalogue';
import type { NormalizedOrder } from '../intake/normalized-order';

const PRODUCTS = `query Products($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { sku } }
}`;

/**
 * The checks intake cannot make from the payload alone: the channel is one we
 * sell through and every SKU is in the catalogue and not discontinued. Both
 * come from orders' own tables (the catalogue is inventory's, copied from its
 * `product.catalogued` events), so intake does not need inventory up.
 *
 * A SKU the copy does not have is unknown, even if inventory created it a
 * moment ago and its announcement is still on the way (normally well under a
 * second). Only while the copy is empty (a database no announcement has
 * reached yet) is inventory asked instead, as before; once it holds anything
 * no order ever waits on inventory. All problems are collected, none short-circuits.
 * A blank channel or SKU (one the payload did not give) is not checked.
 */
export async function checkReferences(
  manager: EntityManager,
  peers: Peers,
  requestId: string,
  order: Pick<NormalizedOrder, 'channel'> & { lines: readonly { sku: string }[] },
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  if (order.channel) {
    const channel = (await manager.query('SELECT 1 FROM channel WHERE code = $1', [order.channel])) as unknown[];
    if (!channel.length) problems.push({ field: 'channel', message: `unknown channel "${order.channel}"` });
  }
  const skus = [...new Set(order.lines.map((l) => l.sku).filter(Boolean))];
  if (!skus.length) return problems;
  const catalogue = await lookUpSkus(manager, skus);
  const products = catalogue.known ? catalogue.products : await askInventory(peers, requestId, skus);
  order.lines.forEach((line, i) => {
    if (!line.sku) return;
    const product = products.get(line.sku);
    if (!product) problems.push({ field: `lines[${i}].sku`, message: `unknown SKU "${line.sku}"` });
    else if (product.discontinued)
      problems.push({ field: `lines[${i}].sku`, message: `SKU "${line.sku}" is discontinued` });
  });
  return problems;
}

async function askInventory(peers: Peers, requestId: string, skus: string[]) {
  const data = await callPeer<{ _entities: ({ sku: string } | null)[] }>(peers, 'inventory', requestId, PRODUCTS, {
    representations: skus.map((sku) => ({ __typename: 'Product', sku })),
  });
  return new Map(
    data._entities.filter((p): p is { sku: string } => p !== null).map((p) => [p.sku, { discontinued: false }]),
  );
}

const IDENTIFY = `mutation Identify($input: IdentifyBuyerInput!) {
  identifyBuyer(input: $input) { customerId matchedBy }
}`;

/** The buyer fields customers identifies a golden customer from (the `identifyBuyer` input). */
export function buyerOf(order: NormalizedOrder) {
  return {
    channel: order.channel,
    channelBuyerId: order.buyer.channelBuyerId,
    name: order.buyer.name,
    email: order.buyer.email,
    phone: order.buyer.phone,
    guest: order.buyer.guest === true,
  };
}

/**
 * The golden customer behind this order's buyer, asked of customers with a
 * short deadline. null when customers is unreachable, too slow or failed:
 * the order is then accepted without a customer and identified through the
 * bus. A BAD_USER_INPUT from customers is the caller's to fix and is thrown.
 */
export async function identifyBuyer(
  peers: Peers,
  requestId: string,
  order: NormalizedOrder,
  timeoutMs: number,
): Promise<{ customerId: string; matchedBy: string } | null> {
  try {
    const data = await callPeer<{ identifyBuyer: { customerId: string; matchedBy: string } }>(
      peers,
      'customers',
      requestId,
      IDENTIFY,
      { input: buyerOf(order) },
      timeoutMs,
    );
    return data.identifyBuyer;
  } catch (err) {
    if (err instanceof AppError && err.code === 'BAD_USER_INPUT') throw err;
    return null;
  }
}

/**
 * What customers would refuse, checked here for orders identified later
 * through the bus, where nobody could be told: a blank name, or nothing to
 * recognise the buyer by (no channel buyer id, email or phone).
 */
export function buyerProblems(order: NormalizedOrder): InputProblem[] {
  const { name, channelBuyerId, email, phone } = order.buyer;
  const problems: InputProblem[] = [];
  if (!name.trim()) problems.push({ field: 'buyer.name', message: 'must not be blank' });
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (!channelBuyerId?.trim() && !email?.trim() && digits.length < 6) {
    problems.push({ field: 'buyer', message: 'give at least one of channelBuyerId, email, phone' });
  }
  return problems;
}
