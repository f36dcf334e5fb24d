import type { HostBridge } from '../shared/host-bridge';

declare global {
  interface Window {
    /** Present only inside Electron (the preload exposes it); the browser build talks HTTP instead. */
    api?: HostBridge;
  }
}
