// Lessons render GitHub-flavoured Markdown: a table in a lesson is a <table>, not pipes as text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadLesson, mdxComponents } from './content';

describe('lesson rendering', () => {
  it('renders the Services lesson table as a table', async () => {
    const lesson = await loadLesson('services');
    const html = renderToStaticMarkup(createElement(lesson!.Content, { components: mdxComponents }));
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th>Type<\/th>/);
    expect(html).not.toContain('| Type |');
  });
});
