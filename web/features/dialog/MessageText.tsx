import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, type Block, type Line } from './message-format.ts';

/** One line: text as text, addresses as links that open in a new tab (and say so to a screen reader). */
function LineView({ line, newTab }: { line: Line; newTab: string }) {
  return (
    <>
      {line.map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer" className="aksel-link dialog-message__link">
            {part.text}
            <span className="aksel-sr-only">{newTab}</span>
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

function BlockView({ block, newTab }: { block: Block; newTab: string }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className="dialog-message__paragraph">
          {block.lines.map((line, index) => (
            <Fragment key={index}>
              {index > 0 ? <br /> : null}
              <LineView line={line} newTab={newTab} />
            </Fragment>
          ))}
        </p>
      );
    case 'bullets':
      return (
        <ul className="dialog-message__list">
          {block.items.map((item, index) => (
            <li key={index}>
              <LineView line={item} newTab={newTab} />
            </li>
          ))}
        </ul>
      );
    case 'numbered':
      return (
        <ol className="dialog-message__list" start={block.start}>
          {block.items.map((item, index) => (
            <li key={index}>
              <LineView line={item} newTab={newTab} />
            </li>
          ))}
        </ol>
      );
  }
}

/** Renders the tree formatMessage reads from a message; React escapes every piece of text. */
export function MessageBlocks({ blocks, newTab }: { blocks: Block[]; newTab: string }) {
  return (
    <div className="dialog-message__text">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} newTab={newTab} />
      ))}
    </div>
  );
}

/** A message's text with its paragraphs, lists and links: never HTML, never run. */
export function MessageText({ text }: { text: string }) {
  const { t } = useTranslation('dialog');
  const blocks = useMemo(() => formatMessage(text), [text]);
  return <MessageBlocks blocks={blocks} newTab={t('dialog:message.opensInNewTab')} />;
}
