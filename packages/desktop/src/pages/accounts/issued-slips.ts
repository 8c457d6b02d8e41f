import type { App } from '@huanjie/domain';

/** A printed slip: what the person needs to sign in the first time. */
export interface SlipView {
  username: string;
  displayName: string;
  roleLabel: string;
  app: App;
  regionName: string;
  oneTimePassword: string;
}

/**
 * The slips of the last batch, held in memory only (never in storage or the URL): the print page
 * reads them; a reload forgets them, as the one-time passwords are shown only once.
 */
let issued: readonly SlipView[] = [];

export function keepIssuedSlips(slips: readonly SlipView[]) {
  issued = slips;
}

export function issuedSlips(): readonly SlipView[] {
  return issued;
}

const DEFAULT_PORT: Record<App, string> = { village: '5101', township: '5102', county: '5103' };

/**
 * The address of an app as the slip prints it: on this host, where each app has its own port
 * (npm start, docker/); the port of the app the page runs in tells the others' apart.
 */
export function appAddress(app: App, here: App): string {
  const { protocol, hostname, port } = window.location;
  if (app === here) return `${protocol}//${window.location.host}/`;
  const offset = Number(port || (protocol === 'https:' ? 443 : 80)) - Number(DEFAULT_PORT[here]);
  const target = Number(DEFAULT_PORT[app]) + offset;
  return `${protocol}//${hostname}:${String(target)}/`;
}
