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
    expect(webhookInputProblems({ ...valid, url: 'http://203.0.113.7:8080/x', variables: { id: '1' } })).toEqual([]);
  });

  it('refuses loopback, private and link-local targets unless they are allowed', () => {
    const internal = [
      'http://127.0.0.1:8080/x',
      'http://localhost/hook',
      'http://api.localhost/x',
      'http://10.1.2.3/x',
      'http://172.20.0.5/x',
      'http://192.168.1.10/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:4001/graphql',
      'http://[fd00::1]/x',
      'http://[::ffff:10.0.0.1]/x',
      'http://0.0.0.0/x',
    ];
    for (const url of internal) {
      expect(webhookInputProblems({ ...valid, url })).toEqual([
        { field: 'url', message: 'must not point to a loopback, private or link-local address' },
      ]);
      expect(webhookInputProblems({ ...valid, url }, { allowPrivateTargets: true })).toEqual([]);
    }
    for (const url of [
      'https://8.8.8.8/x',
      'https://[2001:db8::1]/x',
      'https://172.32.0.1/x',
      'https://hooks.partner.example/x',
    ]) {
      expect(webhookInputProblems({ ...valid, url })).toEqual([]);
    }
  });

  it('names every problem at once', () => {
    expect(
      webhookInputProblems({
        url: 'ftp://partner.example.com',
        secret: 'short',
        query: '  ',
        variables: [] as unknown as Record<string, unknown>,
      }),
    ).toEqual([
      { field: 'url', message: 'must be an absolute http(s) URL' },
      { field: 'secret', message: 'must be at least 16 characters' },
      { field: 'variables', message: 'must be an object of variable values' },
      { field: 'query', message: 'a subscription document on orderStatusChanged is required' },
    ]);
  });

  it('refuses URLs that are not absolute http(s)', () => {
    for (const url of ['partner.example.com/hook', '/hook', 'javascript:alert(1)', 'http://', '']) {
      expect(webhookInputProblems({ ...valid, url })).toEqual([
        { field: 'url', message: 'must be an absolute http(s) URL' },
      ]);
    }
  });
});
