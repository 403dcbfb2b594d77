import { create } from 'zustand';

/**
 * Whether the first-run screen is still setting the clinic up. The first
 * admin's passphrase is stored at the start (core/commands' `setup/first-run`),
 * which already ends first run for `useNeedsFirstRun`; the App keeps the
 * first-run screen (and its progress bar) up until the providers, rooms or
 * sample clinic are in too.
 *
 * @example useFirstRunProgress.getState().setSettingUp(true);
 */
export const useFirstRunProgress = create<{ settingUp: boolean; setSettingUp(settingUp: boolean): void }>()((set) => ({
  settingUp: false,
  setSettingUp: (settingUp) => set({ settingUp }),
}));
