"""Words with offsets, as the place matcher sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words
from .normalize import ARTICLE_RE, TOKEN_RE, norm_token

# "London-based", "Iran-backed": the second half describes the place before it.
HYPHEN_SUFFIX = frozenset(words("hyphen_suffixes"))
POSSESSIVE = re.compile(r"[’'‘]s$")


@dataclass(frozen=True)
class Token:
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
        parts = tok.split("-")
        if len(parts) > 1 and (
            all(p[:1].isupper() for p in parts) and not ARTICLE_RE.match(tok) or parts[-1].lower() in HYPHEN_SUFFIX
        ):
            pos = m.start()
            for part in parts:
                if part and part.lower() not in HYPHEN_SUFFIX:
                    out.append(_token(text, pos, pos + len(part)))
                pos += len(part) + 1
            continue
        out.append(_token(text, m.start(), m.end()))
    return out


def _token(text: str, start: int, stop: int) -> Token:
    tok = text[start:stop]
    pm = POSSESSIVE.search(tok)
    end = stop - (len(pm.group(0)) if pm else 0)
    word = text[start:end]
    return Token(start, end, word, norm_token(tok), capitalised(word), pm is not None)


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
