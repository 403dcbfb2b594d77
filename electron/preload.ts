/**
 * Runs in the sandboxed preload context: it may only use contextBridge and
 * ipcRenderer. It exposes `window.timedesk` and nothing else — no ipcRenderer,
 * no generic send/invoke, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createTimedeskBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  'timedesk',
  createTimedeskBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
