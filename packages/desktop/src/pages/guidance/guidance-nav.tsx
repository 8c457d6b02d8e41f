import { Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { type MessageKey, useT } from '@huanjie/ui';

type Page = 'board' | 'roster' | 'daily';

const LABELS: Record<Page, MessageKey> = {
  board: 'guidance.nav.board',
  roster: 'guidance.nav.roster',
  daily: 'guidance.nav.daily',
};

const PATHS: Record<Page, string> = {
  board: '/guidance',
  roster: '/guidance/roster',
  daily: '/guidance/daily',
};

/** Switches between the guidance pages of a level: the township has all three, the county two. */
export function GuidanceNav({
  current,
  level = 'township',
}: {
  current: Page;
  level?: 'township' | 'county';
}) {
  const t = useT();
  const navigate = useNavigate();
  const pages: Page[] = level === 'township' ? ['board', 'roster', 'daily'] : ['board', 'roster'];
  return (
    <Segmented<Page>
      value={current}
      onChange={(page) => void navigate(PATHS[page])}
      options={pages.map((page) => ({
        value: page,
        label: (
          <span data-testid={`guidance-nav-${page}`}>
            {t(level === 'county' && page === 'board' ? 'guidance.nav.boardCounty' : LABELS[page])}
          </span>
        ),
      }))}
    />
  );
}
