import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import pino from 'pino';
import { makeFormatError, withoutVariableValue } from '@supply-graph/shared';

const schema = buildSchema(`
  input Buyer { name: String! email: String phone: String }
  input Order { buyer: Buyer! quantity: Int }
  type Query { place(input: Order!): String }
`);

const server = new ApolloServer({ schema, formatError: makeFormatError(pino({ level: 'silent' })) });
beforeAll(() => server.start());
afterAll(() => server.stop());

/** The message a client gets for these variables. */
async function refusal(input: unknown): Promise<string> {
  const response = await server.executeOperation({
    query: 'query($input: Order!) { place(input: $input) }',
    variables: { input },
  });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const errors = response.body.singleResult.errors ?? [];
  expect(errors).toHaveLength(1);
  expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  return errors[0].message;
}

describe('refused variables are answered without their values', () => {
  it.each([
    [
      'an unknown field (GraphQL prints the whole object)',
      { buyer: { name: 'Zhang Li', email: 'zhang.li@example.com', phone: '+8613800000923', vip: true } },
      'Variable "$input" got invalid value at "input.buyer"; Field "vip" is not defined by type "Buyer".',
    ],
    [
      'a missing required field',
      { buyer: { email: 'zhang.li@example.com', phone: '+8613800000923' } },
      'Variable "$input" got invalid value at "input.buyer"; Field "name" of required type "String!" was not provided.',
    ],
    [
      'a phone number sent as a number (the scalar repeats it)',
      { buyer: { name: 'Zhang Li', phone: 8613800000923 } },
      'Variable "$input" got invalid value at "input.buyer.phone"; String cannot represent a non string value',
    ],
    [
      'text where an object belongs; it; has; semicolons',
      { buyer: 'Zhang Li; 9 Huaihai Road; +8613800000923' },
      'Variable "$input" got invalid value at "input.buyer"; Expected type "Buyer" to be an object.',
    ],
    [
      'a whole variable of the wrong kind',
      'Zhang Li, +8613800000923',
      'Variable "$input" got invalid value; Expected type "Order" to be an object.',
    ],
  ])('%s', async (_, input, message) => {
    const answer = await refusal(input);
    expect(answer).toBe(message);
    expect(answer).not.toMatch(/Zhang|8613800000923|example\.com|Huaihai/);
  });

  it('leaves every other message as it is', () => {
    expect(withoutVariableValue('Cannot query field "emial" on type "Customer". Did you mean "email"?')).toBe(
      'Cannot query field "emial" on type "Customer". Did you mean "email"?',
    );
  });
});
