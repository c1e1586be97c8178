import { channelFixture } from '@supply-graph/shared/testing';
import type { ReturnIntake } from '../return-adapter';
import { returnAdapterFor } from '../return-adapter-registry';

const sample = (file: string): any => JSON.parse(channelFixture(file));
const parse = (channel: string, payload: unknown): ReturnIntake => returnAdapterFor(channel)!.parse(payload);
const returnOf = (result: ReturnIntake) => {
  if (!result.ok) throw new Error(`expected a return, got ${JSON.stringify(result.problems)}`);
  return result.value;
};
const problems = (result: ReturnIntake) => {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`);
  return Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
};

describe('channel return adapters', () => {
  it('read the Shopify refund: the order, the line coming back, the return reason, agreed', () => {
    expect(returnOf(parse('shopify', sample('shopify-refund.json')))).toEqual({
      orderExternalId: '5849302716411',
      orderField: 'order_id',
      externalId: '929361463',
      lines: [{ sku: 'SKU-0007', quantity: 1 }],
      reason: 'SIZE_FIT',
      note: 'Shirt runs small, exchanged for store credit',
      agreed: true,
    });
    const noReturn = sample('shopify-refund.json');
    delete noReturn.return;
    expect(returnOf(parse('shopify', noReturn)).reason).toBe('OTHER');
  });

  it('reject a Shopify refund of money only, and list every problem of a broken one', () => {
    const moneyOnly = sample('shopify-refund.json');
    moneyOnly.refund_line_items[0].restock_type = 'no_restock';
    expect(problems(parse('shopify', moneyOnly))).toEqual({
      refund_line_items: expect.stringContaining('a refund of money only is not a return'),
    });
    const broken = sample('shopify-refund.json');
    delete broken.id;
    broken.order_id = 1e20;
    broken.refund_line_items[0].quantity = 0;
    delete broken.refund_line_items[0].line_item.sku;
    expect(Object.keys(problems(parse('shopify', broken))).sort()).toEqual([
      'id',
      'order_id',
      'refund_line_items[0].line_item.sku',
      'refund_line_items[0].quantity',
    ]);
  });

  it('read the Amazon RMA: reason code mapped, the comment as note, Approved is agreed', () => {
    expect(returnOf(parse('amazon', sample('amazon-return.json')))).toEqual({
      orderExternalId: '113-4829105-7730621',
      orderField: 'order_id',
      externalId: 'DqTxZ7bPRRMA',
      lines: [{ sku: 'SKU-0031', quantity: 1 }],
      reason: 'DEFECTIVE',
      note: 'Seam came apart after one wear',
      agreed: true,
    });
    const pending = { ...sample('amazon-return.json'), return_request_status: 'Pending' };
    expect(returnOf(parse('amazon', pending)).agreed).toBe(false);
  });

  it('reject a refused Amazon RMA and list every problem', () => {
    const broken = {
      ...sample('amazon-return.json'),
      return_request_status: 'Rejected',
      amazon_rma_id: null,
      items: [],
    };
    expect(problems(parse('amazon', broken))).toEqual({
      amazon_rma_id: 'is required',
      return_request_status: 'is "Rejected": nothing comes back',
      items: 'a return needs at least one line',
    });
  });

  it('read the Tmall refund, wrapped or not: seven-day no-reason is CHANGED_MIND, waiting for goods is agreed', () => {
    const expected = {
      orderExternalId: '3987120456612093847',
      orderField: 'refund_get_response.refund.tid',
      externalId: '148820394756120938',
      lines: [{ sku: 'SKU-0045', quantity: 1 }],
      reason: 'CHANGED_MIND',
      note: '不太喜欢这个颜色',
      agreed: true,
    };
    expect(returnOf(parse('tmall', sample('tmall-refund.json')))).toEqual(expected);
    const bare = sample('tmall-refund.json').refund_get_response.refund;
    expect(returnOf(parse('tmall', bare))).toEqual({ ...expected, orderField: 'tid' });
    expect(returnOf(parse('tmall', { ...bare, status: 'WAIT_SELLER_AGREE', reason: '收到商品破损' }))).toMatchObject({
      agreed: false,
      reason: 'DAMAGED',
    });
  });

  it('reject a Tmall refund without goods back, refused, and list every problem', () => {
    const bare = sample('tmall-refund.json').refund_get_response.refund;
    expect(problems(parse('tmall', { ...bare, has_good_return: false, status: 'CLOSED', num: -1, tid: '' }))).toEqual({
      tid: 'is required',
      status: expect.stringContaining('is CLOSED'),
      has_good_return: expect.stringContaining('without goods sent back'),
      num: 'number -1 is not a positive whole number',
    });
  });

  it('read the JD after-sales service: quality problem is DEFECTIVE, step 10 waits for the seller', () => {
    expect(returnOf(parse('jd', sample('jd-afs.json')))).toEqual({
      orderExternalId: '281934572610',
      orderField: 'orderId',
      externalId: '1873920465',
      lines: [{ sku: 'SKU-0120', quantity: 1 }],
      reason: 'DEFECTIVE',
      note: '围巾起球严重',
      agreed: false,
    });
    expect(returnOf(parse('jd', { ...sample('jd-afs.json'), afsServiceStep: 31 })).agreed).toBe(true);
  });

  it('reject a JD exchange refused by the seller and list every problem', () => {
    const broken = { ...sample('jd-afs.json'), customerExpect: 20, afsServiceStep: 20, wareList: [{ wareNum: 1 }] };
    expect(problems(parse('jd', broken))).toEqual({
      customerExpect: expect.stringContaining('only a return (10)'),
      afsServiceStep: expect.stringContaining('refused'),
      'wareList[0].outerId': 'is required',
    });
  });

  it('read the Douyin after-sale, with or without its data envelope: size is SIZE_FIT, status 7 is agreed', () => {
    const expected = {
      orderExternalId: '6919283746501827365',
      orderField: 'data.after_sale_info.order_id',
      externalId: '7312984756120398476',
      lines: [{ sku: 'SKU-0088', quantity: 1 }],
      reason: 'SIZE_FIT',
      note: 'L码偏大，想退掉',
      agreed: true,
    };
    expect(returnOf(parse('douyin', sample('douyin-aftersale.json')))).toEqual(expected);
    expect(returnOf(parse('douyin', sample('douyin-aftersale.json').data))).toEqual({
      ...expected,
      orderField: 'after_sale_info.order_id',
    });
  });

  it('reject a Douyin refund-only after-sale, closed, and list every problem', () => {
    const broken = sample('douyin-aftersale.json');
    broken.data.after_sale_info.after_sale_type = 1;
    broken.data.after_sale_info.after_sale_status = 28;
    broken.data.order_info.related_order_info[0].aftersale_item_num = 'two';
    expect(problems(parse('douyin', broken))).toEqual({
      'data.after_sale_info.after_sale_type': expect.stringContaining('only a return and refund (0)'),
      'data.after_sale_info.after_sale_status': expect.stringContaining('is 28'),
      'data.order_info.related_order_info[0].aftersale_item_num':
        expect.stringContaining('not a positive whole number'),
    });
  });

  it('reject what is not an object, and have no adapter for a channel without after-sales', () => {
    expect(problems(parse('jd', 'afs'))).toEqual({ payload: expect.stringContaining('as a JSON object') });
    expect(returnAdapterFor('pos')).toBeUndefined();
    expect(returnAdapterFor(' TMALL ')?.channel).toBe('tmall');
  });
});
