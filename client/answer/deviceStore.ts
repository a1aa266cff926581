// What the answer page keeps on the device, per link token and never with anything that names a person:
// the draft (answers so far), the unsent submission, and that this device has answered. Each entry carries
// its own expiry (the wave's closing), so nothing outlives the wave. In kiosk mode nothing is kept: the store
// is then memory only (see kiosk.ts).

export interface KeptEntry<T> {
  value: T;
  /** Epoch ms after which the entry is dropped. */
  expiresAt: number;
}

export interface DeviceStore {
  read<T>(key: string): T | null;
  write<T>(key: string, value: T, expiresAt: number): void;
  remove(key: string): void;
}

const PREFIX = 'gevinstspor.';
/** Without a closing date, a draft or memory lasts this long. */
export const DEFAULT_KEEP_MS = 30 * 24 * 3600_000;
const FALLBACK_KEEP_MS = DEFAULT_KEEP_MS;

/** When what the device keeps for a wave expires: its closing instant (closesAt), else the end of its last
 *  day (closesOn, Danish time ≈ the device's), else a month from now. */
export function keepUntil(wave: { closesOn?: string | null; closesAt?: string | null }, now = Date.now()): number {
  const at = wave.closesAt ? Date.parse(wave.closesAt) : NaN;
  if (Number.isFinite(at)) return at;
  const day = wave.closesOn ? Date.parse(`${wave.closesOn}T23:59:59`) : NaN;
  if (Number.isFinite(day)) return day;
  return now + FALLBACK_KEEP_MS;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** localStorage, surviving a reload and a closed tab; a full or disabled storage just keeps nothing. */
export const localDeviceStore: DeviceStore = {
  read<T>(key: string) {
    const s = storage();
    try {
      const raw = s?.getItem(PREFIX + key);
      if (!raw) return null;
      const entry = JSON.parse(raw) as KeptEntry<T>;
      if (typeof entry?.expiresAt !== 'number' || entry.expiresAt < Date.now()) {
        s?.removeItem(PREFIX + key);
        return null;
      }
      return entry.value;
    } catch {
      return null;
    }
  },
  write<T>(key: string, value: T, expiresAt: number) {
    try {
      storage()?.setItem(PREFIX + key, JSON.stringify({ value, expiresAt } satisfies KeptEntry<T>));
    } catch {
      // Storage full or disabled (private mode): the answer still works, it is just not kept.
    }
  },
  remove(key: string) {
    try {
      storage()?.removeItem(PREFIX + key);
    } catch {
      /* nothing to remove */
    }
  },
};

/** Memory only (kiosk): gone with the page, never on the device. */
export function memoryDeviceStore(): DeviceStore {
  const m = new Map<string, unknown>();
  return {
    read: <T,>(key: string) => (m.get(key) as T | undefined) ?? null,
    write: (key, value) => void m.set(key, value),
    remove: (key) => void m.delete(key),
  };
}

/** Drops every expired entry of ours (drafts of waves long closed), once per page load. */
export function sweepExpired() {
  const s = storage();
  if (!s) return;
  try {
    const now = Date.now();
    for (let i = s.length - 1; i >= 0; i--) {
      const k = s.key(i);
      if (!k?.startsWith(PREFIX) || k === `${PREFIX}locale`) continue;
      try {
        const e = JSON.parse(s.getItem(k) ?? '') as KeptEntry<unknown>;
        if (typeof e?.expiresAt === 'number' && e.expiresAt < now) s.removeItem(k);
      } catch {
        /* not one of ours */
      }
    }
  } catch {
    /* storage unavailable */
  }
}
