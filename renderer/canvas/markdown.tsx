/**
 * Sticky-note Markdown as React elements. Flow files come from anywhere, so no HTML from a
 * note ever reaches the DOM as markup: marked's lexer gives tokens and each known token
 * becomes an element; raw HTML, images and anything unknown stay visible as plain text, and
 * links keep only http(s) and mailto addresses.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

const SAFE_LINK = /^(https?:|mailto:)/i;

function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return SAFE_LINK.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function inline(tokens: readonly Token[] | undefined, key: string): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, `${key}.${i}`));
}

function inlineToken(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'strong': return <strong key={key}>{inline((t as Tokens.Strong).tokens, key)}</strong>;
    case 'em': return <em key={key}>{inline((t as Tokens.Em).tokens, key)}</em>;
    case 'del': return <del key={key}>{inline((t as Tokens.Del).tokens, key)}</del>;
    case 'codespan': return <code key={key}>{(t as Tokens.Codespan).text}</code>;
    case 'br': return <br key={key} />;
    case 'link': {
      const link = t as Tokens.Link;
      const href = safeHref(link.href);
      const body = inline(link.tokens, key);
      return href ? <a key={key} href={href} target="_blank" rel="noopener noreferrer" className="nodrag">{body}</a> : <span key={key}>{body}</span>;
    }
    case 'text': {
      const text = t as Tokens.Text;
      return text.tokens?.length ? <span key={key}>{inline(text.tokens, key)}</span> : text.text;
    }
    case 'escape': return (t as Tokens.Escape).text;
    default: return t.raw; // html, images and the rest: shown as written
  }
}

function block(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'heading': {
      const h = t as Tokens.Heading;
      const Tag = (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(h.depth, 4) - 1];
      return <Tag key={key}>{inline(h.tokens, key)}</Tag>;
    }
    case 'paragraph': return <p key={key}>{inline((t as Tokens.Paragraph).tokens, key)}</p>;
    case 'code': return <pre key={key}><code>{(t as Tokens.Code).text}</code></pre>;
    case 'blockquote': return <blockquote key={key}>{blocks((t as Tokens.Blockquote).tokens, key)}</blockquote>;
    case 'hr': return <hr key={key} />;
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{blocks(item.tokens, `${key}.${i}`)}</li>);
      return list.ordered ? <ol key={key} start={list.start === '' ? undefined : list.start}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'space': return null;
    case 'text': return <span key={key}>{inlineToken(t, key)}</span>;
    default: return <p key={key}>{t.raw}</p>;
  }
}

function blocks(tokens: readonly Token[], key: string): ReactNode[] {
  return tokens.map((t, i) => block(t, `${key}.${i}`));
}

/** A note's Markdown as elements; never HTML. */
export function Markdown({ text }: { text: string }) {
  return <>{blocks(Lexer.lex(text, { gfm: true, breaks: true }), 'md')}</>;
}
