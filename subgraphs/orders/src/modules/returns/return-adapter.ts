import type { Problem } from '../intake/normalized-order';
import { IntakeRecorder } from '../intake/intake-recorder';
import { ReturnReason } from './return.type';

/** A channel's return or refund, read into our terms. */
export interface ChannelReturn {
  /** The channel's own order number (our order's externalId). */
  orderExternalId: string;
  /** The payload path of the order number, for a problem about it. */
  orderField: string;
  /** The channel's own return or refund id: importing it again answers the same return. */
  externalId: string;
  /** Returned units by SKU (a SKU that appears twice is summed). */
  lines: { sku: string; quantity: number }[];
  reason: ReturnReason;
  note: string | null;
  /** The channel (or the seller on it) already agreed to take the goods back. */
  agreed: boolean;
}

export type ReturnIntake = { ok: true; value: ChannelReturn } | { ok: false; problems: Problem[] };

/**
 * Reads one channel's after-sales payload (a return, a refund with goods
 * back) into a `ChannelReturn`. Pure, like the order adapters: no I/O, no
 * throwing on bad input; a payload that is not a usable return lists every
 * problem with its payload path.
 */
export interface ReturnAdapter {
  readonly channel: string;
  parse(payload: unknown): ReturnIntake;
}

/** The recorder of the order adapters, with what return payloads need besides. */
export class ReturnRecorder extends IntakeRecorder {
  /** A non-empty list of return lines. */
  items(field: string, value: unknown): unknown[] {
    const list = this.list(field, value);
    if (Array.isArray(value) && list.length === 0) this.problem(field, 'a return needs at least one line');
    if (value === undefined || value === null) this.problem(field, 'is required');
    return list;
  }

  result(value: ChannelReturn): ReturnIntake {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, value };
  }
}

// Keywords of the reasons Chinese marketplaces let buyers pick, most specific first.
const CN_REASONS: readonly [RegExp, ReturnReason][] = [
  [/破损|损坏|压坏/, ReturnReason.DAMAGED],
  [/发错|错发|少发|漏发/, ReturnReason.WRONG_ITEM],
  [/描述不符|与描述|图片不符|假冒/, ReturnReason.NOT_AS_DESCRIBED],
  [/质量|故障|瑕疵|无法使用|不工作/, ReturnReason.DEFECTIVE],
  [/尺码|大小|尺寸|不合身/, ReturnReason.SIZE_FIT],
  [/无理由|不想要|不喜欢|拍错|多拍|效果不好/, ReturnReason.CHANGED_MIND],
];

/** A Chinese marketplace's reason text (Tmall, JD, Douyin) in our terms; OTHER when none matches. */
export function reasonFromChineseText(text: string | null): ReturnReason {
  if (!text) return ReturnReason.OTHER;
  return CN_REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? ReturnReason.OTHER;
}
