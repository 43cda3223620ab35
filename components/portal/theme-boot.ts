// Plain module (not 'use client'): the root layout inlines the script as a string.
export const THEME_KEY = 'portal-theme';

/** Runs before first paint so a remembered theme never flashes. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
