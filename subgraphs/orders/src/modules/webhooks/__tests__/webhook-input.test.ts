import type { RegisterWebhookInput } from '../webhook.input';
import { webhookInputProblems } from '../webhook.service';

const valid: RegisterWebhookInput = {
  url: 'https://partner.example.com/hooks/supply',
  secret: 'a-secret-of-16ch',
  query: 'subscription { orderStatusChanged { eventId } }',
};

describe('webhookInputProblems', () => {
  it('accepts an http(s) URL and a secret of 16 characters or more', () => {
    expect(webhookInputProblems(valid)).toEqual([]);
    expect(webhookInputProblems({ ...valid, url: 'http://127.0.0.1:8080/x', variables: { id: '1' } })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(webhookInputProblems({ url: 'ftp://partner.example.com', secret: 'short', query: '  ', variables: [] as unknown as Record<string, unknown> })).toEqual([
      { field: 'url', message: 'must be an absolute http(s) URL' },
      { field: 'secret', message: 'must be at least 16 characters' },
      { field: 'variables', message: 'must be an object of variable values' },
      { field: 'query', message: 'a subscription document on orderStatusChanged is required' },
    ]);
  });

  it('refuses URLs that are not absolute http(s)', () => {
    for (const url of ['partner.example.com/hook', '/hook', 'javascript:alert(1)', 'http://', '']) {
      expect(webhookInputProblems({ ...valid, url })).toEqual([{ field: 'url', message: 'must be an absolute http(s) URL' }]);
    }
  });
});
