// Kiosk mode (/s/<token>?kiosk=1): one shared tablet, many people in a row. Nothing is kept on the device
// (the store is memory only), after each answer a thank-you and then a fresh survey, and the page never asks
// "have you answered before" (everyone at a kiosk has).
import { memoryDeviceStore, localDeviceStore, type DeviceStore } from './deviceStore';

export const isKioskSearch = (search: string) => new URLSearchParams(search).get('kiosk') === '1';

/** Seconds the thank-you stays before the survey starts over for the next person. */
export const KIOSK_RESET_SECONDS = 8;

export const storeFor = (kiosk: boolean): DeviceStore => (kiosk ? memoryDeviceStore() : localDeviceStore);

/** Removes everything of ours about this link from both storages (left by a non-kiosk visit on this tablet,
 *  or an older version that used sessionStorage). The language choice is a setting, not an answer: kept. */
export function wipeLinkStorage(token: string) {
  for (const get of [() => window.localStorage, () => window.sessionStorage]) {
    try {
      const s = get();
      for (let i = s.length - 1; i >= 0; i--) {
        const k = s.key(i);
        if (k?.startsWith('gevinstspor.') && k.endsWith(`.${token}`)) s.removeItem(k);
      }
    } catch {
      /* storage unavailable */
    }
  }
}
