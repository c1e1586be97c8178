import {
  consumerRetryMigration,
  entityChangesMigration,
  eventTablesMigration,
  outboxTraceMigration,
  outboxPositionsMigration,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { createContext, type CustomersContext } from './context';
import { CreateCustomers1764000000000 } from './db/migrations/1764000000000-CreateCustomers';
import { GuestsAndValue1765310100000 } from './db/migrations/1765310100000-GuestsAndValue';
import { ValueRefunds1765480000000 } from './db/migrations/1765480000000-ValueRefunds';
import { ChannelIdentityEntity } from './modules/customer/channel-identity.entity';
import { CustomerEntity } from './modules/customer/customer.entity';
import { identificationConsumers } from './modules/identity/identification-request.consumer';
import { buildCustomersSchema } from './schema';
import { valueSettingsOf } from './config';
import { customerValueConsumers } from './modules/value/customer-value.consumer';
import { valueRescoreJob } from './modules/value/value-rescore.job';

export { loadCustomersConfig } from './config';
export { customersEmpty, seedCustomers } from './db/seed';

/** The customers subgraph: golden customers, their channel identities and their value. */
export const customersSubgraph: SubgraphDefinition<CustomersContext> = {
  name: 'customers',
  entities: [CustomerEntity, ChannelIdentityEntity],
  migrations: [
    CreateCustomers1764000000000,
    eventTablesMigration(1764100000000),
    outboxPositionsMigration(1764700000000),
    consumerRetryMigration(1764950000000),
    entityChangesMigration(1765200000000, 'customers'),
    outboxTraceMigration(1765250000000),
    GuestsAndValue1765310100000,
    ValueRefunds1765480000000,
  ],
  buildSchema: buildCustomersSchema,
  createContext,
  consumers: (config) => [...identificationConsumers(), ...customerValueConsumers(valueSettingsOf(config))],
  jobs: [valueRescoreJob],
};
