import {
  Authenticated,
  BoundedArg,
  Bounds,
  InternalOnly,
  RequiresScopes,
  TextLimits,
  textBound,
} from '@supply-graph/shared';
import { Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { CreateApiClientInput, createApiClientBound } from './api-client.input';
import { ApiClient, ApiClientCredentials, ApiClientPolicy, Viewer } from './api-client.type';
import { apiClientService } from './api-client.service';

/** Who is asking, and the API clients (partner systems) that may ask. */
@Resolver()
export class ApiClientResolver {
  @Authenticated()
  @Query(() => Viewer, { description: 'The caller, as the platform sees its token.' })
  viewer(@Ctx() ctx: OrdersContext): Viewer {
    return {
      sub: ctx.principal.sub,
      scopes: [...ctx.principal.scopes].filter((s) => s !== 'internal'),
      channels: ctx.principal.channels ? [...ctx.principal.channels] : null,
    };
  }

  @RequiresScopes('clients:manage')
  @Query(() => [ApiClient], { description: 'Every API client, newest first, disabled ones included.' })
  apiClients(@Ctx() ctx: OrdersContext) {
    return apiClientService.list(ctx);
  }

  @RequiresScopes('clients:manage')
  @Mutation(() => ApiClientCredentials, {
    description: 'A new client with its secret, shown only in this answer. It gets tokens at POST /oauth/token.',
  })
  createApiClient(
    @BoundedArg('input', () => CreateApiClientInput, createApiClientBound) input: CreateApiClientInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return apiClientService.create(ctx, input);
  }

  @RequiresScopes('clients:manage')
  @Mutation(() => ApiClient, { description: 'Its tokens stop working within 30 s; idempotent.' })
  disableApiClient(@BoundedArg('id', () => ID, Bounds.id) id: string, @Ctx() ctx: OrdersContext) {
    return apiClientService.disable(ctx, id);
  }

  @InternalOnly()
  @Query(() => [ApiClientPolicy], { description: "Every client's state, for the gateways' directory." })
  _apiClientPolicies(@Ctx() ctx: OrdersContext): Promise<ApiClientPolicy[]> {
    return apiClientService.list(ctx).then((clients) =>
      clients.map((c) => ({
        clientId: c.clientId,
        disabled: c.disabledAt !== null,
        rateLimitPerMinute: c.rateLimitPerMinute,
        trustedDocumentsOnly: c.trustedDocumentsOnly,
      })),
    );
  }

  @InternalOnly()
  @Mutation(() => ApiClient, {
    nullable: true,
    description: "The gateway's token endpoint checks a client's credentials: the enabled client, else null.",
  })
  _authenticateApiClient(
    @BoundedArg('clientId', () => String, textBound(TextLimits.externalId)) clientId: string,
    @BoundedArg('clientSecret', () => String, textBound(TextLimits.externalId)) clientSecret: string,
    @Ctx() ctx: OrdersContext,
  ) {
    return apiClientService.authenticate(ctx, clientId, clientSecret);
  }
}
