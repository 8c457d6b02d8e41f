import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path.js';

describe('returnPath', () => {
  it.each([
    [{ from: '/overview/Campaign:3' }, '/overview/Campaign:3'],
    [{ from: '/elections/45?tab=result' }, '/elections/45?tab=result'],
    [{ from: '//evil.example/x' }, '/'],
    [{ from: 'https://evil.example/' }, '/'],
    [{ from: '/login' }, '/'],
    [null, '/'],
    [{}, '/'],
  ])('%j → %s', (state, path) => {
    expect(returnPath(state)).toBe(path);
  });
});
