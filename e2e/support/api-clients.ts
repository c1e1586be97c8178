import { graphql } from '../generated/suites';
import type { CreateApiClientInput } from '../generated/suites/graphql';
import { gql } from './graphql';

const CREATE = graphql(`
  mutation SupportCreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) { clientSecret client { clientId } }
  }
`);

/**
 * An API client created by the suite's staff member, signed in as a partner
 * system does (the client-credentials grant): its client id and the
 * `authorization` header value for its token.
 */
export async function apiClientAuthorization(
  gatewayUrl: string,
  input: CreateApiClientInput,
): Promise<{ clientId: string; authorization: string }> {
  const created = await gql(gatewayUrl, CREATE, { input });
  if (!created.data) throw new Error(`createApiClient failed: ${JSON.stringify(created.errors)}`);
  const { clientSecret, client } = created.data.createApiClient;
  const granted = await fetch(new URL('/oauth/token', gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  const { access_token: token } = (await granted.json()) as { access_token: string };
  return { clientId: client.clientId, authorization: `Bearer ${token}` };
}
