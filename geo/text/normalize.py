"""Name normalisation shared by the gazetteer index and the text matcher.

``norm("Jurf al-Sakhar") == norm("Jurf Al Sakhar") == "jurf sakhar"``:
case, diacritics, apostrophes (' ’ ʿ ʾ `), hyphens and the Arabic article
(al-, el-, ar-, as-, ash-, ad-, an-, at-, az-, adh-, ath-) are folded away.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import alternation, rows, words

APOSTROPHES = "'’‘ʿʾ`´ʻ"
_APOS_RE = re.compile(f"[{APOSTROPHES}]")
ARABIC_ARTICLES = words("arabic_articles")
ARTICLE_RE = re.compile(rf"^(?:{alternation(ARABIC_ARTICLES)})-(?=\w)", re.I)
STANDALONE_ARTICLES = {"al", "el"}
_NON_WORD = re.compile(r"[\W_]+", re.U)
TOKEN_RE = re.compile(r"\w+(?:[-'’‘ʿʾ`][\w]+)*", re.U)


def fold(s: str) -> str:
    """Lowercase, strip diacritics and apostrophes."""
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("đ", "d").replace("ł", "l")
    return _APOS_RE.sub("", s.lower())  # lower again: NFKD can yield capitals


@lru_cache(maxsize=500_000)
def norm_token(tok: str) -> str:
    """Normalise one word as it appears in text ("al-Asad" -> "asad", "Iraq's" -> "iraq")."""
    t = re.sub(r"[’'‘]s$", "", tok)
    t = ARTICLE_RE.sub("", t)
    t = fold(t)
    t = " ".join(_NON_WORD.sub(" ", t).split())
    return "" if t in STANDALONE_ARTICLES else t


@lru_cache(maxsize=500_000)
def norm(name: str) -> str:
    """Normalise a whole name for lookup."""
    parts = [norm_token(t) for t in TOKEN_RE.findall(name.replace("–", "-").replace("‐", "-"))]
    return " ".join(p for p in parts if p)


TRANSLITERATION = rows("transliteration", 2)
_DOUBLED = re.compile(r"(\w)\1+")
_CONNECTOR = re.compile(r"(?<= )e(?= )")


@lru_cache(maxsize=500_000)
def skeleton(key: str) -> str:
    """A normalised name with transliteration variants folded (``data/lexicon/transliteration.tsv``):
    ``skeleton(norm("Khmeimim")) == skeleton(norm("Hmeimim"))``."""
    s = key
    for a, b in TRANSLITERATION:
        s = s.replace(a, b)
    return _CONNECTOR.sub("i", _DOUBLED.sub(r"\1", s))


def latin(s: str) -> bool:
    """Is ``s`` written in the Latin script (with the apostrophes of transliterated Arabic)?"""
    return all(ord(ch) < 0x250 or ch in "ʿʾ’‘" for ch in s)
