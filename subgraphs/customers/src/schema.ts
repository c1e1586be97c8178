import { buildFederatedSchema, scalarsMap } from '@supply-graph/shared';
import type { CustomersContext } from './context';
import { CustomerResolver } from './modules/customer/customer.resolver';
import { IdentifyBuyerResolver } from './modules/identity/identify-buyer.resolver';
import { customerService } from './modules/customer/customer.service';
import { CustomerValueResolver } from './modules/value/customer-value.resolver';

export function buildCustomersSchema() {
  return buildFederatedSchema(
    { resolvers: [CustomerResolver, CustomerValueResolver, IdentifyBuyerResolver], scalarsMap },
    {
      Customer: {
        __resolveReference: (ref: { id: string }, ctx: CustomersContext) => customerService.findById(ctx, ref.id),
      },
    },
  );
}
