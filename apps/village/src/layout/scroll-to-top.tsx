import { useLayoutEffect } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/**
 * A page opened by a link or a button starts at its top; the browser keeps the previous page's
 * scroll position otherwise (a long form opened from the bottom of another opened at its end).
 * Back and forward (POP) are left to the browser.
 */
export function ScrollToTop() {
  const { pathname } = useLocation();
  const navigation = useNavigationType();
  useLayoutEffect(() => {
    if (navigation !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [pathname, navigation]);
  return null;
}
