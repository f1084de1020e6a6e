/**
 * Reads a list of pages to audit: one entry a line (a .txt), or a CSV with a column named `url` and optionally one
 * named `name`. Blank lines and lines starting with `#` are skipped. What is not a usable entry is counted, not
 * dropped silently, so the person sees how much of the list will be audited.
 */
export interface ListEntry {
  /** The entry as written (a URL, or for the command line a file path). */
  target: string;
  label?: string;
  /** 1-based line of the list, for messages. */
  line: number;
}

export interface ParsedList {
  /** Unique entries in list order. */
  entries: ListEntry[];
  /** Lines repeating an earlier entry. */
  duplicates: number;
  /** Entries that are not http(s) URLs (only counted when the caller accepts web URLs only). */
  notWeb: ListEntry[];
  /** Lines that name nothing a browser could open. */
  invalid: ListEntry[];
}

export interface ParseOptions {
  /** Accept entries that are not http(s) URLs (the command line audits file paths too). */
  acceptPaths?: boolean;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A document a browser shows as a web page (not an image, a PDF, plain text or JSON it was asked to open). */
export function isWebPageType(contentType: string): boolean {
  return contentType === 'text/html' || contentType === 'application/xhtml+xml';
}

export function parseUrlList(text: string, options: ParseOptions = {}): ParsedList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = csvHeader(lines);
  const result: ParsedList = { entries: [], duplicates: 0, notWeb: [], invalid: [] };
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    if (header && i === header.row) return;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = header ? splitCsvLine(raw) : [line];
    const target = (cells[header?.url ?? 0] ?? '').trim();
    const label = header?.name === undefined ? undefined : cells[header.name]?.trim() || undefined;
    const entry: ListEntry = { target, line: i + 1, ...(label ? { label } : {}) };
    if (target === '' || /\s/.test(target)) return void result.invalid.push(entry);
    if (!isHttpUrl(target)) {
      const looksLikeUrl = /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target);
      if (!options.acceptPaths || looksLikeUrl) return void (looksLikeUrl ? result.notWeb : result.invalid).push(entry);
    }
    const key = isHttpUrl(target) ? new URL(target).href : target;
    if (seen.has(key)) return void result.duplicates++;
    seen.add(key);
    result.entries.push({ ...entry, target: key });
  });
  return result;
}

/** The header of a CSV list: the first non-blank line, when it has a cell named url. */
function csvHeader(lines: readonly string[]): { row: number; url: number; name?: number } | null {
  const row = lines.findIndex((line) => line.trim() !== '');
  if (row < 0 || !lines[row].includes(',')) return null;
  const cells = splitCsvLine(lines[row]).map((cell) => cell.trim().toLowerCase());
  const url = cells.indexOf('url');
  if (url < 0) return null;
  const name = cells.indexOf('name');
  return { row, url, ...(name >= 0 ? { name } : {}) };
}

/** One RFC 4180 line (quoted cells with doubled quotes; no line breaks inside a cell). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
