"""Words with offsets, as the place matcher sees them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicon import rows
from .normalize import ARTICLE_RE, TOKEN_RE, norm_token

# "London-based", "Iran-backed": the second half describes the place before it.
HYPHEN_SUFFIX = frozenset(w for w, _tags in rows("hyphen_suffixes", 2))
POSSESSIVE = re.compile(r"[’'‘]s$")


class Token(NamedTuple):  # (a tuple: made for every word, at a third of a dataclass's cost)
    start: int
    end: int  # excludes a trailing possessive 's
    text: str
    norm: str
    capitalised: bool  # first letter upper case, after an Arabic article ("al-Qaim")
    possessive: bool = False  # written with a trailing 's ("Cox’s", "Iraq's")


def capitalised(text: str) -> bool:
    if text[:1].isupper():
        return True
    m = ARTICLE_RE.match(text)
    return bool(m) and text[m.end() : m.end() + 1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words with offsets.  "London-based" and "Amsterdam-London" split at the
    hyphen; "al-Asad" and "Behesht-e-Zahra" stay whole."""
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        tok = m.group(0)
        if "-" in tok:
            parts = tok.split("-")
            if all(p[:1].isupper() for p in parts) and not ARTICLE_RE.match(tok) or parts[-1].lower() in HYPHEN_SUFFIX:
                pos = m.start()
                for part in parts:
                    if part and part.lower() not in HYPHEN_SUFFIX:
                        out.append(_word(pos, part))
                    pos += len(part) + 1
                continue
        out.append(_word(m.start(), tok))
    return out


def _word(at: int, tok: str) -> Token:
    """The token of the word ``tok`` written at offset ``at``."""
    length, word, nrm, cap, possessive = _shape(tok)
    return Token(at, at + length, word, nrm, cap, possessive)


@lru_cache(maxsize=100_000)
def _shape(tok: str) -> tuple[int, str, str, bool, bool]:
    """A word's length and text without a possessive 's, its normal form, whether it is capitalised and
    whether it had the 's (words repeat: each is worked out once)."""
    pm = POSSESSIVE.search(tok)
    word = tok[: pm.start()] if pm else tok
    return len(word), word, norm_token(tok), capitalised(word), pm is not None


def title_case(tokens: list[Token]) -> bool:
    """A headline in title case: most long words capitalised."""
    long = [t for t in tokens if len(t.text) > 3]
    return len(long) >= 3 and sum(t.capitalised for t in long) / len(long) > 0.75


def gap(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens."""
    return text[a.end : b.start]


def sentence_initial(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 3) : tok.start]
    return tok.start == 0 or before.strip() == "" and "\n" in before or before.rstrip()[-1:] in {".", "?", "!", "“", '"', "'", "‘"}
