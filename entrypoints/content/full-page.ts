import type { Handlers, PageGeometry } from '@/messaging/protocol';

/** The window's place on the page and the page's size, in CSS pixels. */
export function pageGeometry(doc: Document): PageGeometry {
  const view = doc.defaultView!;
  const root = doc.documentElement;
  const body = doc.body;
  return {
    scrollX: view.scrollX,
    scrollY: view.scrollY,
    width: view.innerWidth,
    height: view.innerHeight,
    devicePixelRatio: view.devicePixelRatio || 1,
    pageWidth: Math.max(root.scrollWidth, body?.scrollWidth ?? 0),
    pageHeight: Math.max(root.scrollHeight, body?.scrollHeight ?? 0),
  };
}

/** Resolves after the page has painted twice, so a screenshot taken then shows the page as it now is. */
function painted(view: Window): Promise<void> {
  return new Promise((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(() => resolve())));
}

interface Hidden {
  element: HTMLElement;
  value: string;
  priority: string;
}

/**
 * The page's side of the full-page screenshot: it scrolls frame by frame, hides what is fixed or sticky after the
 * first frame (a header would otherwise appear in every frame), and puts all of it back at the end.
 */
export function createFullPageScroller(doc: Document) {
  const view = doc.defaultView!;
  let start: { x: number; y: number; behaviour: string } | null = null;
  let hidden: Hidden[] | null = null;

  /** Fixed and sticky elements, found once per capture: one pass over the page's elements. */
  function hideFixed() {
    hidden = [];
    for (const element of doc.body?.querySelectorAll<HTMLElement>('*') ?? []) {
      const position = view.getComputedStyle(element).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      hidden.push({ element, value: element.style.getPropertyValue('visibility'), priority: element.style.getPropertyPriority('visibility') });
      // `visibility`, not `display`: the page keeps its layout, so every frame lines up with the first.
      element.style.setProperty('visibility', 'hidden', 'important');
    }
  }

  function restore() {
    for (const { element, value, priority } of hidden ?? []) {
      if (value) element.style.setProperty('visibility', value, priority);
      else element.style.removeProperty('visibility');
    }
    hidden = null;
    if (start) {
      view.scrollTo(start.x, start.y);
      doc.documentElement.style.scrollBehavior = start.behaviour;
    }
    start = null;
  }

  return {
    async frame(y: number, hide: boolean): Promise<{ scrollY: number }> {
      if (!start) {
        start = { x: view.scrollX, y: view.scrollY, behaviour: doc.documentElement.style.scrollBehavior };
        // A page's smooth scrolling would still be moving when the frame is taken.
        doc.documentElement.style.scrollBehavior = 'auto';
      }
      if (hide && !hidden) hideFixed();
      view.scrollTo(0, y);
      await painted(view);
      return { scrollY: view.scrollY };
    },
    end(): { restored: true } {
      restore();
      return { restored: true };
    },
  };
}

export function fullPageAnswers(doc: Document): Handlers {
  const scroller = createFullPageScroller(doc);
  return {
    'page:geometry': () => pageGeometry(doc),
    'page:fullpage-frame': (message) => scroller.frame(message.y, message.hideFixed),
    'page:fullpage-end': () => scroller.end(),
  };
}
