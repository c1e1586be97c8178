import { AppError } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { recordCatalogued } from '../../catalogue/product-catalogue.consumer';
import { placeOrder } from '../intake.service';
import { input, intakeDatabase, newCustomers, stubPeer } from './intake-support';

describeEachBackend('intake checks SKUs against the local catalogue, without inventory', (backend) => {
  const intake = intakeDatabase(backend, 'intake_catalogue');

  describe('while the local catalogue is still empty', () => {
    it('asks inventory, as before, and says inventory is unavailable when it is down', async () => {
      const inventory = await stubPeer(() => ({ data: { _entities: [{ sku: 'SKU-A' }] } }));
      const customers = await newCustomers();
      try {
        const placed = await placeOrder(
          intake.contextFor({ inventory: inventory.url, customers: customers.url }),
          input('SKU-A'),
        );
        expect(placed.created).toBe(true);
        expect(inventory.calls()).toBe(1);
        await expect(placeOrder(intake.contextFor({ customers: customers.url }), input('SKU-A'))).rejects.toMatchObject(
          { code: 'SUBGRAPH_UNAVAILABLE' },
        );
      } finally {
        await inventory.close();
        await customers.close();
      }
    });
  });

  describe('once the catalogue has arrived', () => {
    beforeAll(() => intake.catalogue());

    it('keeps the newest announcement of each product, whatever order they arrive in', async () => {
      await intake.db.transaction(async (manager) => {
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v2', discontinued: false, version: 2 });
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v1', discontinued: true, version: 1 });
        await recordCatalogued({ manager }, { sku: 'SKU-C', name: 'Saucer v2', discontinued: false, version: 2 });
      });
      expect(
        await intake.db.query("SELECT name, discontinued, version FROM catalog_product WHERE sku = 'SKU-C'"),
      ).toEqual([{ name: 'Saucer v2', discontinued: false, version: 2 }]);
    });

    it('checks SKUs locally, not asking inventory: known ones pass, unknown and discontinued ones fail', async () => {
      const customers = await newCustomers();
      const place = (sku: string) => placeOrder(intake.contextFor({ customers: customers.url }), input(sku));
      try {
        // Inventory is down throughout: a call to it would fail the order with SUBGRAPH_UNAVAILABLE.
        expect((await place('SKU-B')).created).toBe(true);
        const unknown = await place('SKU-NOPE').catch((e: unknown) => e);
        expect(unknown).toBeInstanceOf(AppError);
        expect(unknown).toMatchObject({
          code: 'BAD_USER_INPUT',
          extensions: { problems: [{ field: 'lines[0].sku', message: 'unknown SKU "SKU-NOPE"' }] },
        });
        expect(await place('SKU-OLD').catch((e: unknown) => e)).toMatchObject({
          code: 'BAD_USER_INPUT',
          extensions: { problems: [{ field: 'lines[0].sku', message: 'SKU "SKU-OLD" is discontinued' }] },
        });
      } finally {
        await customers.close();
      }
    });
  });
});
