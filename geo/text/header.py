"""What a reader finds at the top of a pasted or saved page: the headline, the
date the article was published, and its author.

The header is every line before the first body paragraph, whatever its length
and spacing.  Web furniture (``data/lexicon/page_furniture.tsv``: menus, "Sign
in", "Advertisement", "5 min read", photo credits) and section trails ("World >
Middle East") are skipped.  The title is the first headline-like line; the
date comes from any common dateline or publication line ("Published 5 March
2024, 14:03 GMT", "Updated 6:42 PM EDT Tue March 5, 2024", "05/03/2024",
"2024-03-05T09:15:00Z"), a publication date before an update; the author
from the byline ("By Jane Doe", "Reporting by ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .calendar import MONTH_RE, WEEKDAY_RE, month_number
from .lexicon import alternation, words

FURNITURE = re.compile(rf"\b(?:{alternation(words('page_furniture'))})(?!\w)", re.I)
TRAIL = re.compile(r"^\s*(?:[\w&'’ -]{1,30}\s*[>›»|]\s*){1,5}[\w&'’ -]{1,30}\s*$")
BYLINE = re.compile(r"^\s*(?:by|written by|words by|reporting by|authors?\s*:|by\s*:)\s*(?P<who>.+?)\s*$", re.I)
NAME_LINE = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|Al-[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|Al-[A-Z][a-z]+|al-[A-Z][a-z]+|bin|de|van|[A-Z]\.)){1,3}$")
WHO_END = re.compile(r"\s*(?:[,;|/–—-]\s*(?:[A-Z][\w.&' -]{1,40}|in [A-Z][\w -]+)|;\s*editing by.*|\band\s*$|\s+\d.*)$")
UPDATED = re.compile(r"\b(?:updated|last updated|modified|edited)\b", re.I)
PUBLISHED = re.compile(r"\b(?:published|posted|first published|created|date)\b", re.I)
US_CLOCK = re.compile(r"\b(?:EDT|EST|ET|CDT|CST|PDT|PST|a\.m\.|p\.m\.)\b")
DATES = [
    re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?:\b|(?=\d{{1,2}}:\d\d)|(?=[A-Z]))",
               re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE}),?\s+(?P<year>(?:19|20)\d\d)(?:\b|(?=[A-Z]))",
               re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>(?:19|20)\d\d)(?:\b|(?=\d{1,2}:\d\d)|(?=[A-Z]))"),
]
ROLE_BYLINE = re.compile(r"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?:\s+in\s+[A-Z][\w -]+|\s+[\w -]*\b(?:"
                         r"correspondent|editor|reporter|writer|journalist|bureau chief))\s*$")
CAPTION = re.compile(r"\((?:[^()]*/[^()]*|[^()]*\b(?:photo|image|getty|afp|reuters|ap|file|for the)\b[^()]*)\)\s*$|"
                     r"\b(?:image|photo|photograph|photo credit|credit)\s*:|credit\.\.\.|©|"
                     r"[—–-]\s*(?:Reuters|AFP|AP|EPA|File|Dawn|Xinhua|Anadolu)\s*$|\((?:EFE|AFP|AP|EPA|Reuters)\)\s*$", re.I)
SLASH_TRAIL = re.compile(r"^[A-Z][\w&]*(?: [A-Z][\w&]*)?(?:\s+/\s+[A-Z][\w&]*(?: [A-Z][\w&]*)?)+$")
MAX_HEADER_LINES = 60
# "Salem Radio Network News Wednesday, October 8, 2025": a site's name, then the page's date
BANNER = re.compile(rf"^\s*(?:[A-Z][\w.&'’-]*\s+){{2,8}}(?:{WEEKDAY_RE},?\s+)?[A-Z][a-z]+\.?\s+\d")


@dataclass
class Header:
    title: str | None
    published: str | None
    author: str | None
    end: int  # offset where the body starts
    date_line: str = ""  # the line the date comes from
    banner: bool = False  # that line is the page's banner (site name and date, first line): maybe a republication's date


def find_date(line: str, us: bool = False) -> str | None:
    """The ISO date of the first date written in ``line`` (numeric dates day first, unless ``us``)."""
    for rx in DATES:
        for m in rx.finditer(line):
            g = m.groupdict()
            try:
                if g.get("a"):
                    a, b = int(g["a"]), int(g["b"])
                    day, month = (b, a) if (us and b <= 31 and a <= 12) or b > 12 else (a, b)
                else:
                    month = int(g["mnum"]) if g.get("mnum") else month_number(g["month"])
                    day = int(g["day"])
                return date(int(g["year"]), month, day).isoformat()
            except (ValueError, KeyError):
                continue
    return None


def _long(line: str) -> bool:
    n = len(line.split())
    return (n >= 25 and bool(re.search(r"[.!?…][\"'”’)]*\s*$", line))) or n >= 60


def _body_start(lines: list[tuple[int, int, str]]) -> int:
    """Index of the first body paragraph: a long line of sentences followed by another (a standfirst
    stands alone, with the byline and the date after it)."""
    for i, (_s, _e, line) in enumerate(lines):
        if _long(line) and (i + 1 >= len(lines) or _long(lines[i + 1][2])):
            return i
    return len(lines)


def furniture(line: str) -> bool:
    n = len(line.split())
    return n < 12 and bool(FURNITURE.search(line)) or (bool(TRAIL.match(line)) or bool(SLASH_TRAIL.match(line))) and n <= 8


def _title_like(line: str) -> bool:
    n = len(line.split())
    if n < 3 or n > 30 or furniture(line) or BYLINE.match(line) or line.rstrip().endswith(":"):
        return False
    if ROLE_BYLINE.match(line) or CAPTION.search(line):
        return False  # "Helena Markovic in Belgrade", a photo caption
    if find_date(line) and (n <= 14 or PUBLISHED.search(line) or UPDATED.search(line)):
        return False  # a date line
    if re.search(r"\b(?:\d+\s+)?(?:minutes?|hours?|days?)\s+ago\b", line, re.I):
        return False
    if line.rstrip().endswith(".") and n > 16:
        return False  # a standfirst, not a headline
    return line[:1].isupper() or line[:1] in "'‘\"“"


def _headline_score(head: list[tuple[int, int, str]], i: int, likes: list[int]) -> float:
    """How much line ``i`` looks like the headline: a headline's length, followed by a standfirst, a byline
    or a date; a section name ("Middle East Crisis") is short; a standfirst follows a headline."""
    n = len(head[i][2].split())
    nxt = head[i + 1][2] if i + 1 < len(head) else ""
    score = min(n, 14) - (8 if n <= 4 else 0) - (6 if head[i][2].rstrip().endswith(".") else 0)
    if nxt and (_anchor(nxt) or (i + 1) in likes and len(nxt.split()) > n):
        score += 6
    if (i - 1) in likes and len(head[i - 1][2].split()) >= 6 and len(head[i - 1][2].split()) < n:
        score -= 10  # a longer line right after a headline is its standfirst
    return score


ROLE_WORDS = r"(?:correspondent|editor|reporter|writer|journalist|analyst|contributor|bureau chief|staff writer)"


def _trim_author(who: str) -> str:
    """The names of a byline: "Clara Dufresne (Beirut, special correspondent)" -> "Clara Dufresne",
    "Pacific affairs reporter Lucy Tran" -> "Lucy Tran", "A in Nairobi and B in London" -> "A and B"."""
    who = re.sub(r"\s*\([^)]*\)", "", who)
    who = re.sub(rf"^(?:[A-Za-z-]+\s+){{0,3}}{ROLE_WORDS}\s+", "", who, flags=re.I)
    who = re.sub(rf",\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}{ROLE_WORDS}\b.*$", "", who, flags=re.I)
    who = re.sub(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?=\s+and\s|\s*,|\s*$)", "", who)
    return WHO_END.sub("", who).strip(" ,;.")


def _anchor(line: str) -> bool:
    """A line that comes right after the headline: a byline, a date line, "3 hours ago", a standfirst."""
    n = len(line.split())
    return bool(BYLINE.match(line)) or bool(ROLE_BYLINE.match(line)) or (bool(find_date(line)) and n <= 14) or bool(
        re.search(r"\b(?:minutes?|hours?|days?)\s+ago\b", line, re.I)) or (line.rstrip().endswith(".") and n > 16)


def read_header(lines: list[tuple[int, int, str]]) -> Header:
    """``lines``: (start, end, text) of the page's lines from where its text begins (blank ones included)."""
    content = [(s, e, t.strip()) for s, e, t in lines[:400] if t.strip()]
    head = content[: min(_body_start(content), MAX_HEADER_LINES)]
    end = head[-1][1] if head else (content[0][0] if content else 0)
    us = any(US_CLOCK.search(t) for _, _, t in head)
    # The headline is the last headline-like line before the byline, the date or the body: a site's name,
    # its motto and the section come before it.
    likes = [i for i, (_, _, t) in enumerate(head) if _title_like(t)]
    title_at = max(likes, key=lambda i: (_headline_score(head, i, likes), -i)) if likes else None
    title = head[title_at][2] if title_at is not None else None
    if title is None:
        title = next((t for _, _, t in content[:12] if _title_like(t)), content[0][2] if content else None)
    near = content[len(head) : len(head) + 5]  # a byline or date may follow the standfirst
    lines_ = [*head, *near]
    dated = [(find_date(t, us), t, i) for i, (_, _, t) in enumerate(lines_) if len(t.split()) <= 25]
    # the article's date follows its headline; a masthead's "today" comes before it
    after = [(d, t) for d, t, i in dated if d and (title_at is None or i > title_at)]
    dated = after or [(d, t) for d, t, _i in dated if d]
    pick = next(((d, t) for d, t in dated if PUBLISHED.search(t) and not UPDATED.search(t)), None)
    if pick is None:  # "Updated January 12 | Published January 11": the date after "Published"
        for _d, t in dated:
            m = PUBLISHED.search(t)
            if m and (d2 := find_date(t[m.end():], us)):
                pick = (d2, t)
                break
    if pick is None:
        pick = next(((d, t) for d, t in dated if not UPDATED.search(t)), None) or (dated[0] if dated else None)
    published, date_line = pick if pick else (None, "")
    banner = bool(date_line) and bool(head) and date_line == head[0][2] and bool(BANNER.match(date_line))
    author = None
    for _, _, t in lines_:
        m = BYLINE.match(t)
        if m and not furniture(t):
            who = _trim_author(m.group("who"))
            if who and len(who.split()) <= 12 and who[:1].isupper():
                author = who
                break
    if author is None:
        author = next((m.group("who") for _, _, t in lines_ if (m := ROLE_BYLINE.match(t))), None)
    if author is None and title_at is not None:
        # a bare name right under the headline (or its standfirst): "Jonas Brandt"
        for _, _, t in lines_[title_at + 1 : title_at + 4]:
            if NAME_LINE.match(t) and not furniture(t):
                author = t
                break
    return Header(title, published, author, end, date_line, banner)
