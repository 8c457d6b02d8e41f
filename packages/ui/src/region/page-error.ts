import type { MessageKey } from '../i18n/messages.js';

/** The catalogue message for a failed region query, keyed by `extensions.code`. */
export function pageErrorKey(code: string): MessageKey {
  switch (code) {
    case 'FORBIDDEN':
      return 'error.FORBIDDEN';
    // a malformed id arrives as Apollo's BAD_USER_INPUT: to the user it is a region that does not exist
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
      return 'error.NOT_FOUND';
    case 'NETWORK':
      return 'error.NETWORK';
    default:
      return 'error.UNKNOWN';
  }
}

export function emptyHomeKey(role: string): MessageKey {
  switch (role) {
    case 'guidance_member':
      return 'home.empty.guidance_member';
    case 'county_supervisor':
      return 'home.empty.county_supervisor';
    default:
      return 'home.empty';
  }
}
