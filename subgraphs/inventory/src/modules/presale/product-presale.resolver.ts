import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../../context';
import { Product } from '../product/product.type';
import { presaleStockService } from './presale-stock.service';
import { PresaleStock } from './presale-stock.type';

@Resolver(() => Product)
export class ProductPresaleResolver {
  @FieldResolver(() => [PresaleStock], {
    description: 'Presale stock in every warehouse that holds or promises any, by warehouse code.',
  })
  presaleStock(@Root() product: Product, @Ctx() ctx: InventoryContext) {
    return presaleStockService.levelsForSku(ctx, product.sku);
  }
}
