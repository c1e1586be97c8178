import { GraphQLError, type ExecutionResult } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { Delivery, nextFrame, nextFramePrefix } from '../delivery';

/** The `next` message graphql-ws itself would send for this result (its server's emit.next). */
function graphqlWsNext(id: string, result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return stringifyMessage({
    id,
    type: MessageType.Next,
    payload: { ...rest, ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}) },
  } as never);
}

describe('prebuilt next messages', () => {
  const results: [string, ExecutionResult][] = [
    ['data', { data: { orderStatusChanged: { eventId: '0000000000000007', to: 'ALLOCATED', note: 'ü "q" \n' } } }],
    [
      'errors listed before data, with path and extensions',
      {
        errors: [
          new GraphQLError('The event could not be resolved', {
            path: ['orderStatusChanged', 'order'],
            extensions: { code: 'INTERNAL', eventId: '0000000000000007' },
          }),
        ],
        data: { orderStatusChanged: null },
      },
    ],
    ['extensions', { data: { orderStatusChanged: null }, extensions: { cost: 3 } }],
  ];

  it.each(results)('are graphql-ws messages byte for byte (%s), whatever the subscription id', (_, result) => {
    const delivery = new Delivery(result);
    for (const id of ['1', 'b7c6e0a2-6b8f-4d1e-9a55-0c5c2f0d8e11', 'quote"back\\slash']) {
      expect(nextFrame(nextFramePrefix(id), delivery).toString()).toBe(graphqlWsNext(id, result));
    }
  });
});
