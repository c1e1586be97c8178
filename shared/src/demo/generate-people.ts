import { CHANNELS, CITIES, EMAIL_DOMAINS, GIVEN_NAMES, STREETS, SURNAMES, type City } from './catalog';
import type { DemoAddress, DemoCustomer, DemoIdentity } from './dataset';
import type { Random } from './random';
import { DAY } from './order-timeline';

export interface Person {
  customer: DemoCustomer;
  identities: DemoIdentity[];
  city: City;
  address: DemoAddress;
}

const cityWeights = Object.fromEntries(CITIES.map((c, i) => [String(i), c.weight])) as Record<string, number>;

/** A channel's own format for a buyer id. */
function buyerId(rng: Random, channel: string): string {
  switch (channel) {
    case 'tmall':
      return `tb${rng.digits(10)}`;
    case 'jd':
      return `jd_${rng.digits(9)}`;
    case 'shopify':
      return rng.digits(13);
    case 'amazon':
      return `A${Array.from({ length: 13 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'])).join('')}`;
    case 'douyin':
      return `dy${rng.digits(11)}`;
    case 'pos':
      return `M${rng.digits(8)}`;
    default:
      return `ws-${rng.digits(8)}`;
  }
}

/**
 * Customers with a home city and one to three channel identities: about a
 * third buy on two channels and one in seven on three, the "one buyer on
 * several channels" case the golden customer exists for.
 */
export function generatePeople(
  rng: Random,
  count: number,
  now: Date,
  channelWeights: Record<string, number>,
): Person[] {
  const people: Person[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const name = `${rng.pick(SURNAMES)} ${rng.pick(GIVEN_NAMES)}`;
    const city = CITIES[Number(rng.weighted(cityWeights))];
    const createdAt = new Date(now.getTime() - rng.int(2, 720) * DAY - rng.int(0, DAY - 1));
    const handle = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${rng.int(1, 9999)}`;
    const phone = rng.chance(0.9)
      ? `+861${rng.pick(['3', '5', '8'])}${rng.digits(9).replace(/^./, String(rng.int(0, 9)))}`
      : null;
    const customer: DemoCustomer = {
      id: rng.uuid(),
      name,
      email: rng.chance(0.8) ? `${handle}@${rng.pick(EMAIL_DOMAINS)}` : null,
      phone,
      createdAt,
    };
    const channelCount = rng.weighted({ one: 52, two: 33, three: 15 });
    const wanted = channelCount === 'one' ? 1 : channelCount === 'two' ? 2 : 3;
    const channels = new Set<string>();
    while (channels.size < wanted) channels.add(rng.weighted(channelWeights));
    const identities = [...channels].map((channel, k) => {
      let externalId = buyerId(rng, channel);
      while (usedIds.has(`${channel}:${externalId}`)) externalId = buyerId(rng, channel);
      usedIds.add(`${channel}:${externalId}`);
      return {
        id: rng.uuid(),
        customerId: customer.id,
        channel,
        externalId,
        createdAt: new Date(Math.min(createdAt.getTime() + k * rng.int(1, 60) * DAY, now.getTime() - DAY)),
      };
    });
    const address: DemoAddress = {
      name,
      phone,
      country: 'CN',
      province: city.province,
      city: city.city,
      line1: `No. ${rng.int(1, 999)} ${rng.pick(STREETS)}, Apt ${rng.int(101, 2808)}`,
      postalCode: `${city.postal}${rng.digits(3).replace(/^./, '0')}`,
    };
    people.push({ customer, identities, city, address });
  }
  return people;
}

export const channelCodes = CHANNELS.map((c) => c.code);
