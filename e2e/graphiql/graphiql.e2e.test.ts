import { testBackends } from '@supply-graph/shared/testing';
import type { ResultOf } from '@graphql-typed-document-node/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, editorText, launchChromium } from '../support/browser';
import { metricValue } from '../support/metrics';
import { graphql } from '../generated/suites';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const RESTOCK = graphql(`
  mutation GraphiqlRestock($sku: ID!, $w: ID!) {
    adjustStock(sku: $sku, warehouseId: $w, delta: 100, reason: "GraphiQL e2e") { available }
  }
`);
const WAREHOUSES = graphql(`query GraphiqlWarehouses { warehouses { id } }`);
const SKU = 'SKU-0007';

const RESULT = '.result-window';
const QUERY = '.graphiql-query-editor';
const VARIABLES = '.graphiql-editor-tool';

// What the tests read of the example tabs' answers (the tabs' documents are GraphiQL's own text).
const FOUND = graphql(`fragment GraphiqlFound on Customer { name orders { totalCount } }`);
const STATUS_EVENT = graphql(`
  fragment GraphiqlStatusEvent on OrderStatusEvent { eventId from to order { id status customer { name } } }
`);
type Found = { customers: { edges: { node: ResultOf<typeof FOUND> }[] } };
type StatusEvent = { orderStatusChanged: ResultOf<typeof STATUS_EVENT> };

describeInBrowser('GraphiQL at GET /graphql, offline, on embedded PostgreSQL', () => {
  const { backend } = testBackends().find((b) => b.backend.name === 'embedded')!;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  /** Every URL the page asked for, WebSockets included, and what was refused for leaving the gateway. */
  const requested: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  let errorsSeen = 0;
  /** Console errors (CSP refusals among them) since the last call: each test answers for its own. */
  const newErrors = () => errors.slice(errorsSeen, (errorsSeen = errors.length));

  // Registered first, so that it runs while the platform is still up.
  afterAll(() => browser?.close());
  const { platform, ask } = usePlatform(backend, { customers: 30, orders: 60 });

  beforeAll(async () => {
    origin = new URL(platform.gatewayUrl).origin;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // As without a network: anything not for the gateway fails (and is recorded).
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      refused.push(url);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (err) => errors.push(err.message));
    // Rendered, and its schema loaded (introspection is GraphiQL's first POST).
    const schema = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST',
      { timeout: 30_000 },
    );
    await page.goto(platform.gatewayUrl);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect((await schema).status()).toBe(200);
  }, 120_000);

  /** Switches to a tab the way a user does, then waits until GraphiQL knows its operation. */
  const selectTab = async (operationName: string) => {
    await page.locator('.graphiql-tab', { hasText: operationName }).click();
    // GraphiQL reads the operation name 100 ms after the editor changes (and stores it); a run
    // before that sends the previous tab's name, which no user clicks fast enough to see.
    // (Polled with evaluate: waitForFunction's string predicates are eval, which the page's CSP refuses.)
    await eventually(
      async () =>
        (await page.evaluate<string | null>(`localStorage.getItem('graphiql:operationName')`)) === operationName,
      `tab ${operationName}`,
      5_000,
    );
    expect(await editorText(page, QUERY)).toContain(operationName);
  };

  const resultJson = async <T>(check: (result: { data?: T; errors?: unknown }) => boolean, what: string, ms = 20_000) =>
    eventually(
      async () => {
        const text = await editorText(page, RESULT);
        if (!text.trim().startsWith('{')) return undefined;
        const result = JSON.parse(text) as { data?: T; errors?: unknown };
        return check(result) ? result : undefined;
      },
      what,
      ms,
    );

  it('loads only from the gateway itself: every request goes to its origin, none refused, no errors', () => {
    const network = requested.filter((url) => !/^(data|blob):/.test(url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((url) => new URL(url).host !== new URL(origin).host)).toEqual([]);
    expect(refused).toEqual([]);
    const paths = network.map((url) => new URL(url).pathname);
    for (const asset of [
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphql-ws.min.js',
      'graphiql.min.js',
      'graphiql.min.css',
      'graphiql-boot.js',
    ]) {
      expect(paths).toContain(`/graphiql/assets/${asset}`);
    }
    // Its schema came from the gateway too (introspection over POST /graphql).
    expect(paths).toContain('/graphql');
    expect(newErrors()).toEqual([]);
  });

  it('opens with the two example tabs: the 360 view and the order subscription', async () => {
    expect((await page.locator('.graphiql-tab').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Customer360',
      'OrderStatusChanged',
    ]);
    expect(await editorText(page, QUERY)).toMatch(/query Customer360\(/);
  });

  it('works under its CSP: the docs show the gateway’s schema, the settings dialog opens, none refused', async () => {
    const docsButton = page.locator('.graphiql-sidebar button[aria-label*="Documentation Explorer"]');
    await docsButton.click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs
      .locator('a.graphiql-doc-explorer-type-name', { hasText: /^Subscription$/ })
      .first()
      .click();
    await docs.getByText('orderStatusChanged').first().waitFor({ timeout: 5_000 });
    await docsButton.click();
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.getByRole('dialog').getByText('Clear storage').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(newErrors()).toEqual([]);
  });

  it('runs the 360 query and shows what the gateway answers for it', async () => {
    await selectTab('Customer360');
    const query = await editorText(page, QUERY);
    const variables = JSON.parse((await editorText(page, VARIABLES)) || '{}') as Record<string, unknown>;
    // The example tab's own text: what GraphiQL sends.
    const expected = await ask<Found>(query, variables);
    expect(expected.errors).toBeUndefined();
    // The example finds someone in the seeded data, with orders to show.
    expect(expected.data!.customers.edges[0].node.orders!.totalCount).toBeGreaterThan(0);

    await page.locator('.graphiql-execute-button').click();
    const shown = await resultJson(() => true, 'the 360 result');
    expect(shown).toEqual(expected);
    expect(await page.locator(RESULT).innerText()).toContain(expected.data!.customers.edges[0].node.name);
    expect(newErrors()).toEqual([]);
  });

  it('runs the subscription tab and shows an order placed meanwhile, ALLOCATED', async () => {
    await selectTab('OrderStatusChanged');
    await page.locator('.graphiql-execute-button').click();
    // Events are live only: place the order once the gateway holds the page's subscription.
    await eventually(
      async () => (await metricValue(origin, 'supply_graph_subscribers')) === 1 || undefined,
      'the page subscribed',
      15_000,
    ).catch(async (err: Error) => {
      throw new Error(
        `${err.message}; result pane: ${await editorText(page, RESULT)}; page errors: ${JSON.stringify(errors)}`,
      );
    });
    expect(requested).toContain(`${origin.replace(/^http/, 'ws')}/graphql`);

    const warehouses = await ask(WAREHOUSES);
    expect((await ask(RESTOCK, { sku: SKU, w: warehouses.data!.warehouses[0].id })).errors).toBeUndefined();
    const buyer = 'Gao Yuan';
    const lines = [{ sku: SKU, quantity: 1, unitPrice: '19.90' }];
    const placed = await ask(PLACE_ORDER, {
      input: shanghaiOrder(
        `GRAPHIQL-${Date.now()}`,
        { name: buyer, email: 'gao.yuan.graphiql@example.com' },
        lines,
        'No. 1 Nanjing Road',
      ),
    });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order!.id;

    const shown = await resultJson<StatusEvent>(
      (r) => r.data?.orderStatusChanged.order.id === orderId && r.data.orderStatusChanged.to === 'ALLOCATED',
      `order ${orderId} ALLOCATED in the result pane`,
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.orderStatusChanged).toMatchObject({
      from: 'PENDING',
      to: 'ALLOCATED',
      order: { id: orderId, customer: { name: buyer } },
    });
    const visible = await page.locator(RESULT).innerText();
    expect(visible).toContain(orderId);
    expect(visible).toContain('ALLOCATED');
    expect(newErrors()).toEqual([]);
  }, 60_000);
});
