"""Stage 1: read article files into :class:`Article` records.

An article is a UTF-8 ``.txt`` file, kept verbatim: every offset in the
output indexes into the file's decoded text, so ``text[start:end]`` is
always the quote.  Metadata comes from, in order of priority:

1. a sidecar ``<name>.meta.json`` next to the file;
2. front matter (``---`` / ``key: value`` lines / ``---``) at the top;
3. the text itself: the first line is the title, a dateline near the top
   gives the date.  What is not there is recorded as unknown (``None``).

A page that embeds other publishers' articles ("Related Articles") is cut
into sections; each has its own title, publisher and date, and its sources
are attributed to ``file.txt#fragment``.  Web clutter (cookie banners,
"Subscribe", player widgets, bylines, datelines) never yields sentences, so
it never yields places.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ArticleError
from ..model import Article, Section, Sentence
from .header import read_header
from .language import language, language_name
from .metadata import check_meta
from .pages import prepare_pages
from .calendar import MONTH_ABBREVIATIONS, MONTH_RE, WEEKDAYS, month_number
from .lexicon import alternation, words

log = logging.getLogger(__name__)

META_SUFFIX = ".meta.json"
MAX_SIDECAR = 1_000_000
MAX_SENTENCE = 1000  # characters: a longer "sentence" is cut into quotes of at most this length

DATELINE_RES = [
    re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_RE}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
]
RELATED_HEADER = re.compile(r"^\s*(related articles|related stories|related|more from .{1,40}|recommended|read more)\s*:?\s*$", re.I)
BOILERPLATE = re.compile(
    r"cookie|subscribe|privacy (policy|laws)|newsletter|sign up|log ?in\b|all rights reserved|advertisement|"
    r"terms of (use|service)|click here|read more|share this|ai can do for you|want all of the times|"
    r"enable javascript|your browser|continue reading|follow us|download the app|no comments yet",
    re.I,
)
# ... looked for first, without the case-folding that slows the engine down, in the lower-cased text (the words are
# all lower case): only a text that has one is searched as written
_BOILERPLATE_LOWER = re.compile(BOILERPLATE.pattern)

BYLINE = re.compile(r"^\s*(by|audio by|photo by|written by)\s+\S", re.I)
BYLINE_MAX_WORDS = 15  # "By JOHN SMITH and MARY JONES, Associated Press Writers"
# Sentence ends: ., ! or ? (and a closing quote) followed by space and an
# opening capital, quote or digit.  Abbreviations are guarded below.
# a sentence ends before a capital or a figure, any script's ("... with Hungary. Šabac, Slankamen and Zemun were captured"),
# after its citation marks too ("... to land in Piława.[3][4] The Swedes ...")
SENT_END = re.compile(r"[.!?…](?:\[\d{1,3}\])*[\"'”’″)\]]*(?:\[\d{1,3}\])*\s+(?=[\"'“‘″(\[]?(?P<first>\w))")  # (″: the quote mark of some archives' scans)
ABBREV = re.compile(
    r"(?:\b(?:Gen|Lt|Col|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev|St|Mt|Ft|No|" + MONTH_ABBREVIATIONS + r"|Inc|Ltd|Co|Corp|vs|etc|al|ca|c|approx|cf|viz)\.|\b(?:[A-Z]\.){1,3})$"
)

# "around 10 p.m. (1900 GMT) on Monday", "at 5 a.m. Monday": a clock time the sentence goes on after
CLOCK_GOES_ON = re.compile(rf"[ap]\.m\.\s+(?:\(|(?i:{alternation(WEEKDAYS)}|{alternation(words('time_zones'))})\b|{MONTH_RE}\b)")


def parse_dateline(line: str) -> str | None:
    """Return the ISO date of the first date written in ``line``, or None."""
    from datetime import date

    for rx in DATELINE_RES:
        m = rx.search(line)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["mnum"]) if gd.get("mnum") else month_number(gd["month"])
        try:
            return date(int(gd["year"]), int(month or 0), int(gd["day"])).isoformat()
        except ValueError:
            continue
    return None


def decode(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty; put the article text in it or remove it")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: looks like a binary file (NUL bytes); articles must be UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}:{line}: not valid UTF-8 (byte {data[err.start]:#04x} at offset {err.start}); "
            "re-save the file as UTF-8"
        ) from err
    return text[1:] if text.startswith("\ufeff") else text


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], int]:
    """Parse ``---`` front matter; return (metadata, offset where the body starts)."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, 0
    end = re.search(r"^---[ \t]*\r?$", text[4:], re.M)
    if not end:
        raise ArticleError(f"{path}:1: front matter opened with '---' is never closed; add a '---' line after it")
    meta = check_meta(f"{path}: front matter", _yaml(text[4 : 4 + end.start()], path))
    body = 4 + end.end()
    if text[body : body + 1] == "\n":
        body += 1
    return meta, body


MAX_FRONT_MATTER = 64_000  # characters


def _yaml(block: str, path: Path) -> dict[str, Any]:
    """The front matter as YAML (PyYAML's safe loader): scalars, lists and mappings only, no aliases;
    dates become ``YYYY-MM-DD`` text and numbers text, as in a sidecar."""
    import yaml

    fix = "write it as YAML 'key: value' lines (quote a value that holds ': ' or starts with a special character)"
    if len(block) > MAX_FRONT_MATTER:
        raise ArticleError(f"{path}:1: front matter is {len(block)} characters long; at most {MAX_FRONT_MATTER}")
    try:
        if any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(block, Loader=yaml.SafeLoader)):
            raise ArticleError(f"{path}: front matter uses a YAML alias ('*name'); write the value out instead")
        data = yaml.load(block, Loader=_loader())  # noqa: S506 (a SafeLoader: plain data only)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise ArticleError(f"{path}:{line}: front matter is not valid YAML ({getattr(err, 'problem', None) or err}); {fix}") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(f"{path}:2: front matter must be 'key: value' lines, not a YAML {type(data).__name__}; {fix}")
    return {str(k).strip().lower(): _scalar(v) for k, v in data.items()}


@lru_cache(maxsize=1)
def _loader():
    """PyYAML's SafeLoader, with dates left as text: check_date reads them, with its own errors."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return Loader


def _scalar(value: Any) -> Any:
    """A YAML date or number as the text a sidecar would hold; other values as they are (checked later)."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def _meta_source(path: Path) -> str:
    side = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    return str(side) if side.exists() else f"{path}: front matter"


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)
    if not side.exists():
        return {}
    try:
        raw = side.read_bytes()
        if len(raw) > MAX_SIDECAR:
            raise ArticleError(f"{side}: metadata is {len(raw):,} bytes; at most {MAX_SIDECAR:,} (it is not article text)")
        meta = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        line = getattr(err, "lineno", 1)
        raise ArticleError(f"{side}:{line}: metadata is not valid UTF-8 JSON ({err}); fix the JSON") from err
    except RecursionError as err:
        raise ArticleError(f"{side}: metadata is nested too deeply; it must be one object of key: value pairs") from err
    return check_meta(str(side), meta)


def _lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line in text[start:end], without the newline."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop - (1 if stop > pos and text[stop - 1] == "\r" else 0)
        pos = stop + 1


def _find_line(text: str, needle: str, start: int) -> int:
    for s, e in _lines(text, start):
        if text[s:e].strip() == needle.strip():
            return s
    return -1


def load_article(path: Path, root: Path) -> Article:
    """Read one article file; raise :class:`ArticleError` naming the file on failure."""
    text = decode(path)
    name = path.relative_to(root).as_posix()
    fm, body = _front_matter(text, path)
    return article_from_text(name, text, body, {**fm, **_sidecar(path)}, path)


def article_from_text(name: str, text: str, body: int, meta: dict[str, Any], path: Path) -> Article:
    """An article from its text, where its body starts, and its checked metadata; ``path`` names it
    in messages (a file, or ``archive.jsonl#row``)."""
    if not text[body:].strip():
        raise ArticleError(f"{path}: no article text after the front matter")

    header = read_header([(s, e, text[s:e]) for s, e in _lines(text, body, min(len(text), body + 200_000))])
    title = meta.get("title") or (_cap(header.title) if header.title else None)
    published = meta.get("published")
    if published is None and not meta:
        published = header.published  # no metadata at all: what the page's own header says
        for warning in date_warnings(path, text, body, header):
            log.warning("%s", warning)
    if meta.get("page_date") and not meta.get("published"):
        log.info("%s: only a page date is known; the writing date is recorded as unknown", name)
    if not meta.get("author") and header.author:
        meta = {**meta, "author": header.author}

    # Section boundaries: main article, then each embedded article.
    embedded = []
    cursor = body
    for emb in meta.get("embedded", []):
        at = _find_line(text, emb["title_line"], cursor)
        if at < 0:
            raise ArticleError(
                f"{_meta_source(path)}: embedded article title_line {emb['title_line']!r} is not a line of {path.name} "
                f"after offset {cursor}; copy the line exactly into the metadata"
            )
        embedded.append((at, emb))
        cursor = at + 1
    main_end = embedded[0][0] if embedded else len(text)
    if meta.get("body_end"):
        at = _find_line(text, meta["body_end"], body)
        if at < 0:
            raise ArticleError(f"{_meta_source(path)}: key 'body_end' = {meta['body_end']!r} is not a line of {path.name}; "
                               "copy the line where the article ends exactly")
        main_end = min(main_end, at)
    related = None
    if not meta.get("embedded"):
        for s, e in _lines(text, body, main_end):
            if RELATED_HEADER.match(text[s:e]):
                related = (s, e)
                break

    sections = [
        Section(
            article=name,
            title=title,
            publisher=meta.get("publisher"),
            published=published,
            start=body,
            end=related[0] if related else main_end,
            author=meta.get("author"),
            url=meta.get("url"),
        )
    ]
    if related:
        items = related_items(text, related[1], main_end)
        if not items:
            sections.append(Section(f"{name}#related", None, None, None, related[1], main_end))
        for i, (at, stop, item_title, publisher, published) in enumerate(items):
            sections.append(Section(f"{name}#related-{i + 1}", item_title, publisher, published, at, stop))
    for i, (at, emb) in enumerate(embedded):
        stop = embedded[i + 1][0] if i + 1 < len(embedded) else len(text)
        sections.append(
            Section(
                article=f"{name}#{emb['fragment']}",
                title=emb.get("title") or emb["title_line"].strip(),
                publisher=emb.get("publisher"),
                published=emb.get("published"),
                start=at,
                end=stop,
                author=emb.get("author"),
                url=emb.get("url"),
            )
        )
    lang = language(text[body:])
    if lang != "en":
        log.warning("%s: written in %s (%s); its places are matched against the gazetteer's names, but no incidents "
                    "are extracted from it", name, language_name(lang), lang)
    art = Article(name=name, text=text, sections=sections, meta=meta, language=lang)
    art.sentences = [s for sec in sections for s in split_sentences(text, sec)]
    return art


def date_warnings(path: Path, text: str, body: int, header) -> list[str]:
    """Why the writing date the page gives may not be when the text was written: it is the page
    banner's (a republisher's page can be months newer than the article), or every full date the
    text names is months away from it.  Each warning names the file, the evidence and the fix."""
    from .dates import FULL_DATE, parse_anchor

    fix = f"if the text was written on another day, give it as published: in {path.stem}.meta.json (or front matter)"
    out = []
    if header.banner:
        out.append(f"{path}: the writing date {header.published} comes from the page's banner "
                   f"{header.date_line!r}, which may be when the page was republished; {fix}")
    anchor = parse_anchor(header.published)
    days = []
    for m in FULL_DATE.finditer(text, header.end) if anchor else ():
        d = parse_dateline(m.group(0))
        if d:
            days.append((abs((parse_anchor(d).start - anchor.start).days), m.group(0)))
    if anchor and days and min(days)[0] > 90:
        out.append(f"{path}: the writing date {header.published} is {min(days)[0]} days or more from every date the "
                   f"text names (e.g. {days[0][1]!r}); {fix}")
    return out


AGO = re.compile(r"^\s*(?:\d+|an?|a few|one|two|three)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\s*$", re.I)


def related_items(text: str, start: int, end: int) -> list[tuple[int, int, str, str, str | None]]:
    """The articles of a "Related Articles" block, in the aggregator layout a reader sees: a publisher
    line, "25 minutes ago" (or a date), an optional "- Publisher" line, the title, then its text.
    Each is (start of its title line, end, title, publisher, published or None)."""
    lines = [(s, e, text[s:e].strip()) for s, e in _lines(text, start, end) if text[s:e].strip()]
    heads = []
    for i in range(1, len(lines) - 1):
        _s, _e, line = lines[i]
        when = None
        if not AGO.match(line):
            when = parse_dateline(line) if len(line.split()) <= 6 else None
            if when is None:
                continue
        publisher = lines[i - 1][2]
        if len(publisher.split()) > 6 or publisher.endswith((".", "!", "?")):
            continue
        j = i + 1
        if j < len(lines) and lines[j][2].lstrip("-–— ").strip() == publisher:
            j += 1  # "- New York Times"
        if j < len(lines) and 3 <= len(lines[j][2].split()) <= 30:
            heads.append((j, publisher, when))
    items = []
    for k, (j, publisher, when) in enumerate(heads):
        stop = lines[heads[k + 1][0] - 2][0] if k + 1 < len(heads) else end
        items.append((lines[j][0], max(stop, lines[j][1]), _cap(lines[j][2]), publisher, when))
    return items


def read_header_of(text: str):
    """The header of a whole text (no front matter)."""
    return read_header([(s, e, text[s:e]) for s, e in _lines(text, 0, min(len(text), 200_000))])


def _cap(line: str, limit: int = 300) -> str:
    """A title no longer than ``limit`` characters (a pasted page may have no line breaks at all)."""
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip() + "…"


def boilerplate(text: str) -> bool:
    """Does ``text`` hold web furniture ("subscribe", "all rights reserved", ...)?"""
    return _BOILERPLATE_LOWER.search(text.lower()) is not None and BOILERPLATE.search(text) is not None


def is_clutter_line(line: str) -> bool:
    """True for web furniture: short non-sentences, bylines, datelines, banners."""
    words = line.split()
    if not words:
        return True
    # (a byline is short: "By April, the Japanese had reached Imphal, where ..." is a sentence)
    if (BYLINE.match(line) and len(words) < BYLINE_MAX_WORDS) or (len(words) < 40 and boilerplate(line)):
        return True
    if len(words) < 6:
        return True
    if len(words) < 12 and parse_dateline(line) and not re.search(r"[.!?]\s*$", line):
        return True
    if len(words) < 10 and line.rstrip().endswith(":"):
        return True
    return False


def split_sentences(text: str, section: Section, keep_short: bool = False) -> list[Sentence]:
    """Split the content lines of a section into sentences, dropping clutter.

    ``keep_short`` keeps short lines (clean corpus text with no web furniture).
    """
    out: list[Sentence] = []
    for ls, le in _lines(text, section.start, section.end):
        line = text[ls:le]
        if not line.strip() or (not keep_short and is_clutter_line(line)):
            continue
        pos = ls
        for m in SENT_END.finditer(text, ls, le):
            before = text[pos : m.start() + 1]
            if not (m["first"].isupper() or m["first"].isdigit()) or ABBREV.search(before) or CLOCK_GOES_ON.match(text, m.start() - 3, le):
                continue
            out.extend(_sentence(text, pos, m.end(), section))
            pos = m.end()
        out.extend(_sentence(text, pos, le, section))
    return out


def _sentence(text: str, start: int, end: int, section: Section) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return []
    out = []
    while end - start > MAX_SENTENCE:  # not a sentence: cut it at a space, so a quote stays a sentence's length
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out += _sentence(text, start, cut, section)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end and not boilerplate(text[start:end]):
        out.append(Sentence(start, end, section, text[start:end]))
    return [s for s in out if s.end > s.start]


def find_articles(folder: Path) -> tuple[list[Path], list[str]]:
    """The article files in ``folder`` (``*.txt``, recursively), sorted by name, and an error line for
    each that cannot be an article: a link that leads out of the folder or nowhere, a name that is not UTF-8."""
    if not folder.is_dir():
        raise ArticleError(f"{folder}: articles folder not found; create it or pass --articles DIR")
    root = folder.resolve()
    found, errors = [], []
    for p in sorted(folder.rglob("*.txt")):
        try:
            p.name.encode("utf-8")
        except UnicodeEncodeError:
            errors.append(f"{folder}/{p.name.encode('utf-8', 'backslashreplace').decode()}: the file name is not valid "
                          "UTF-8; rename the file")
            continue
        if p.is_symlink():
            target = p.resolve()
            if not target.exists():
                errors.append(f"{p}: a link to {target} that does not exist; remove it or restore the file")
                continue
            if root not in target.parents:
                errors.append(f"{p}: a link out of the articles folder (to {target}); copy the article in instead")
                continue
        if p.is_file():
            found.append(p)
    return found, errors


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Load every article; a broken one yields one error line naming it, never an exception."""
    errors = prepare_pages(folder) if folder.is_dir() else []
    paths, found_errors = find_articles(folder)
    errors += found_errors
    articles = []
    for path in paths:
        try:
            articles.append(load_article(path, folder))
        except ArticleError as err:
            errors.append(str(err))
        except OSError as err:
            errors.append(f"{path}: cannot read ({err.strerror})")
        except Exception as err:  # nothing a file holds may stop the others, not even a bug of ours
            errors.append(f"{path}: cannot be read as an article ({type(err).__name__}: {err}); check the file, "
                          "and report it if the file is an ordinary article")
    return articles, errors
