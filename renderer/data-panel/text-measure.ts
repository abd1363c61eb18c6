/** Text widths in the table's font, from one shared canvas: cheap enough to size 300 columns. */
import type { Measure } from './columns';

let ctx: CanvasRenderingContext2D | null | undefined;

export function tableMeasure(el: HTMLElement | null): Measure {
  ctx ??= document.createElement('canvas').getContext('2d');
  const family = el ? getComputedStyle(el).fontFamily : getComputedStyle(document.body).fontFamily;
  return (text, isHeader) => {
    if (!ctx) return text.length * 7.2;
    ctx.font = `${isHeader ? '600 12px' : '12.5px'} ${family}`;
    return ctx.measureText(text).width;
  };
}
