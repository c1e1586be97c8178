import type { WebhookSettings } from '../../config';
import { SecretBox } from './webhook-secret-box';

const boxes = new Map<string, SecretBox>();

/** The box of the webhook secret key in effect (one per key: its HKDF runs once). */
export function webhookSecretBox(settings: Pick<WebhookSettings, 'secretKey'>): SecretBox {
  let box = boxes.get(settings.secretKey);
  if (!box) {
    box = new SecretBox(settings.secretKey);
    boxes.set(settings.secretKey, box);
  }
  return box;
}
