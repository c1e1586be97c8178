import type { WebhookSettings } from '../../config';
import { SecretBox } from './webhook-secret-box';

const boxes = new Map<string, SecretBox>();

/** The box of the webhook secret keys in effect (one per pair of keys: their HKDF runs once). */
export function webhookSecretBox(settings: Pick<WebhookSettings, 'secretKey' | 'previousSecretKey'>): SecretBox {
  const id = `${settings.secretKey}\n${settings.previousSecretKey ?? ''}`;
  let box = boxes.get(id);
  if (!box) {
    box = new SecretBox(settings.secretKey, settings.previousSecretKey);
    boxes.set(id, box);
  }
  return box;
}
