/**
 * The banner colour of a tenant: its configured colour, or one derived from its id (stable across
 * sessions and instances), and a text colour that stays readable on it. Pure: client-safe.
 */
export function tenantColor(tenant: { tenantId: string; color?: string }): string {
  if (tenant.color) return tenant.color.toLowerCase();
  let hash = 0;
  for (const char of tenant.tenantId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hslToHex(hash % 360, 0.55, 0.4);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** WCAG relative luminance decides between near-black and white text. */
export function readableTextOn(hex: string): '#111111' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs against #111: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0565 ? '#ffffff' : '#111111';
}

export const isProduction = (environment: string) => environment === 'production';
