import { rejectUnlessObject } from '../../intake/intake-recorder';
import { type ReturnAdapter, type ReturnIntake, ReturnRecorder, reasonFromChineseText } from '../return-adapter';

/** `customerExpect` of a return (退货); 20 exchange and 30 repair send goods back for another purpose. */
const RETURN_GOODS = 10;
/** `afsServiceStep` 10: applied, waiting for the seller; 20: refused by the seller; later steps: agreed. */
const APPLIED = 10;
const REFUSED = 20;

/**
 * A JD after-sales service (afs) as the POP after-sales API returns it: one
 * `afsServiceId` per application on an order (`orderId`), the wares returned
 * (`wareList`, `outerId` is the seller's SKU code, `wareNum` the units), the
 * buyer's question (`questionTypeName`, `questionDesc`). Only a return
 * (`customerExpect` 10) is imported.
 */
export class JdReturnAdapter implements ReturnAdapter {
  readonly channel = 'jd';

  parse(payload: unknown): ReturnIntake {
    const rejected = rejectUnlessObject(payload, 'a JD after-sales service');
    if (rejected) return { ok: false, problems: rejected.problems };
    const o = payload as Record<string, unknown>;
    const r = new ReturnRecorder();
    const externalId = r.id('afsServiceId', o.afsServiceId);
    const orderExternalId = r.id('orderId', o.orderId);
    const expect = Number(o.customerExpect);
    if (expect !== RETURN_GOODS) {
      r.problem(
        'customerExpect',
        `is ${String(o.customerExpect)}: only a return (10) is imported, not an exchange or repair`,
      );
    }
    const step = Number(o.afsServiceStep);
    if (!Number.isInteger(step)) r.problem('afsServiceStep', 'is required (a whole number)');
    else if (step === REFUSED) r.problem('afsServiceStep', 'is 20: the seller refused it, nothing comes back');
    const lines = r.items('wareList', o.wareList).map((raw, i) => {
      const ware = r.object(`wareList[${i}]`, raw);
      return {
        sku: r.requiredText(`wareList[${i}].outerId`, ware.outerId),
        quantity: r.quantity(`wareList[${i}].wareNum`, ware.wareNum),
      };
    });
    const question = r.text('questionTypeName', o.questionTypeName);
    return r.result({
      orderExternalId,
      orderField: 'orderId',
      externalId,
      lines,
      reason: reasonFromChineseText(question),
      note: r.text('questionDesc', o.questionDesc) ?? question,
      agreed: Number.isInteger(step) && step > APPLIED && step !== REFUSED,
    });
  }
}
