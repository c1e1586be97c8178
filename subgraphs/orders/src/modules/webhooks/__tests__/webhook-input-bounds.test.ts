import { registerWebhookBound } from '../webhook.input';

const input = {
  url: 'https://partner.example.com/hooks',
  secret: 'at-least-16-characters',
  query: 'subscription {\n  orderStatusChanged { eventId }\n}',
};

describe('registerWebhookBound', () => {
  it('passes a normal registration (a multi-line document included)', () => {
    expect(
      registerWebhookBound.check({ ...input, variables: { channel: 'tmall' }, operationName: 'Live' }, 'input'),
    ).toEqual([]);
  });

  it('bounds the document, the variables and the operation name, which the service does not', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i += 1) deep = { a: deep };
    expect(
      registerWebhookBound.check(
        { ...input, query: 'q'.repeat(10_001), variables: deep, operationName: 'Op\u0001' },
        'input',
      ),
    ).toEqual([
      { field: 'query', message: 'at most 10000 characters, got 10001' },
      { field: 'variables', message: 'nests deeper than 16 levels' },
      { field: 'operationName', message: 'contains the control character U+0001 at 2' },
    ]);
    expect(registerWebhookBound.check({ ...input, variables: { big: 'v'.repeat(20_000) } }, 'input')).toEqual([
      { field: 'variables', message: 'larger than 16384 bytes' },
    ]);
  });
});
