import { graphql } from '@huanjie/client';
import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';

// Searched as the user types, so the select runs it rather than the page.
const VillageSearchQuery = graphql(`
  query VillageSearch($text: String!) {
    villages: regionSearch(text: $text, level: village, first: 20) {
      id
      name
      ancestors {
        id
        name
      }
    }
    communities: regionSearch(text: $text, level: community, first: 20) {
      id
      name
      ancestors {
        id
        name
      }
    }
  }
`);

/** Picks a village or community by typing part of its name. */
export function VillageSelect({
  value,
  onChange,
  testId,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  testId?: string;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [result] = useQuery({
    query: VillageSearchQuery,
    variables: { text },
    pause: text.trim() === '',
  });
  const options = [...(result.data?.villages ?? []), ...(result.data?.communities ?? [])].map(
    (r) => ({
      value: r.id,
      label: `${r.ancestors
        .map((a) => a.name)
        .slice(1)
        .join(' / ')} / ${r.name}`,
    }),
  );
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      style={{ width: 280 }}
      placeholder={t('county.villageSelect.placeholder')}
      value={value}
      onChange={(v: string | undefined) => {
        onChange(v ?? null);
      }}
      options={options}
      data-testid={testId}
      notFoundContent={text ? t('county.villageSelect.notFound') : null}
    />
  );
}
