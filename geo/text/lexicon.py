"""The project's vocabulary, read from ``data/lexicon/*.tsv`` by one loader.

Every file starts with ``#`` lines that say what it holds and how it was
made, then one row per line, fields separated by tabs.  A new phrasing, cue
word or weight is a row in one of these files, not a code change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "lexicon"


@lru_cache(maxsize=None)
def rows(name: str, columns: int = 1, folder: Path = LEXICON_DIR) -> tuple[tuple[str, ...], ...]:
    """The rows of ``<name>.tsv``, each with exactly ``columns`` fields (the last may be empty)."""
    path = folder / f"{name}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LexiconError(f"{path}: cannot read the lexicon file ({err.strerror}); reinstall or restore it") from err
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"{path}:1: a lexicon file starts with '#' lines saying what it holds and how it was made")
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) == columns - 1:
            fields.append("")
        if len(fields) != columns:
            raise LexiconError(f"{path}:{n}: expected {columns} tab-separated field(s), got {len(fields)}: {line!r}")
        out.append(tuple(f.strip() for f in fields))
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """The one-column file ``<name>.tsv`` as a tuple of words, in file order."""
    return tuple(r[0] for r in rows(name))


def mapping(name: str) -> dict[str, str]:
    """A two-column file as a dict (first column -> second)."""
    return dict(rows(name, 2))


def tagged(name: str, tag: str) -> tuple[str, ...]:
    """Words of a two-column ``word<TAB>tags`` file that carry ``tag`` (tags comma-separated)."""
    return tuple(w for w, tags in rows(name, 2) if tag in tags.split(","))


def alternation(items) -> str:
    """A regex alternation of literal phrases, longest first ("air base" before "air")."""
    return "|".join(re.escape(w) for w in sorted(items, key=lambda w: (-len(w), w)))


def _letters(test) -> str:
    """The letters of Latin-1, Latin Extended-A and -B and Latin Extended Additional that pass ``test``, as
    the ranges of a character class."""
    codes = [c for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if test(chr(c))]
    runs: list[list[int]] = []
    for c in codes:
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


# A row's "[A-Z]" and "[a-z]" are any capital or small letter of the Latin script, not only ASCII's: the
# "Battle of Ürümqi", "took Łódź", "the siege of Šabac" are read as "the Battle of Urumqi" is.
CAPITALS = "A-Z" + _letters(str.isupper)
SMALLS = "a-z" + _letters(str.islower)


def pattern(rx: str, flags: int = re.I) -> re.Pattern[str]:
    """A regex row of the lexicon, compiled, with :data:`CAPITALS` and :data:`SMALLS` for its ASCII classes."""
    return re.compile(rx.replace("[A-Z]", f"[{CAPITALS}]").replace("[a-z]", f"[{SMALLS}]"), flags)


class LazyPattern:
    """A row of :func:`pattern` compiled when first searched (a row a screen cuts to its ways may never be)."""

    __slots__ = ("pattern", "flags", "_rx")

    def __init__(self, rx: str, flags: int = re.I):
        self.pattern = rx.replace("[A-Z]", f"[{CAPITALS}]").replace("[a-z]", f"[{SMALLS}]")
        self.flags, self._rx = flags, None

    def compiled(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    def search(self, text: str, *pos: int) -> re.Match[str] | None:
        return self.compiled().search(text, *pos)

    def finditer(self, text: str, *pos: int):
        return self.compiled().finditer(text, *pos)


def weights(name: str = "weights") -> dict[str, float]:
    return {k: float(v) for k, v in rows(name, 2)}


MIN_SCREEN_LITERAL = 3  # shorter words are in nearly every sentence: no use as a screen


def _commonness(word: str) -> float:
    """How common a literal is likely to be in text: the shorter, the commoner (too short: useless)."""
    w = word.strip()
    return 99.0 if len(w) < MIN_SCREEN_LITERAL else -len(w)


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains (None when some way to match
    needs no such string), worked out from the parsed pattern, so that a new row of a lexicon keeps it
    exact: "\\b(?:clash(?:es|ed)?|gun ?battles?)\\b" needs "clash" or "battle".  Of the sets a pattern
    offers, the one whose commonest member is rarest."""
    import re._constants as C
    import re._parser as P

    def req(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None

        def consider(cands: frozenset[str] | None) -> None:
            nonlocal best
            if cands and (best is None or max(map(_commonness, cands)) < max(map(_commonness, best))):
                best = cands

        run = ""
        for op, av in items:
            if op is C.LITERAL:
                run += chr(av).lower()
                continue
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the literal run goes on
                continue
            consider(frozenset([run]) if run else None)
            run = ""
            if op is C.BRANCH:
                subs = [req(b) for b in av[1]]
                consider(None if any(x is None for x in subs) else frozenset().union(*subs))
            elif op is C.SUBPATTERN:
                consider(req(av[-1]))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
                consider(req(av[2]))
        consider(frozenset([run]) if run else None)
        return best

    return req(P.parse(pattern, flags))


def _trie(literals) -> str:
    """The literals as one prefix-tree regex (which Python's engine runs fast); at a position it matches the
    longest literal that begins there."""
    trie: dict = {}
    for w in literals:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


class RowScreen:
    """Which of many regexes (the rows of lexicon files) may match a text, found in one pass: every literal
    one of which a row's matches need (:func:`required_literals`) is looked for at once, at every position
    of the LOWER-CASED text, and only the rows whose literal is there are worth a search.  Exact: a row it
    leaves out cannot match (a row with no such literal is always in).  The same pass finds the literals of
    each row's ways of matching (:meth:`narrowed`).  All of it is worked out when a text is first screened,
    not when the rows are loaded."""

    def __init__(self, patterns: list[re.Pattern[str] | LazyPattern]):
        self._patterns = patterns
        self._finder: re.Pattern[str] | None = None  # (made last, on first use: see _prepare)
        self._narrowed: dict[tuple[int, tuple[int, ...]], Narrowed] = {}

    def _prepare(self) -> None:
        needs = [required_literals(rx.pattern, rx.flags) for rx in self._patterns]
        self._rows_of: dict[str, set[int]] = {}
        for i, need in enumerate(needs):
            for w in need or ():
                self._rows_of.setdefault(w, set()).add(i)
        self._always = frozenset(i for i, need in enumerate(needs) if need is None)
        self._ways = [_Ways.of(rx) if need is not None else None for rx, need in zip(self._patterns, needs)]
        literals = sorted(set(self._rows_of).union(*(n for w in self._ways if w for n in w.needs)))
        known = set(literals)
        # at each position the finder gives the longest literal there; the shorter ones there are its prefixes
        self._within = {w: tuple(w[:i] for i in range(1, len(w) + 1) if w[:i] in known) for w in literals}
        # (the finder last: a thread that finds it made finds the rest made too)
        self._finder = re.compile(f"(?=({_trie(literals)}))") if literals else re.compile("(?!)")

    def _screen(self, low: str) -> tuple[list[int], set[str]]:
        """(the indexes, in order, of the rows that may match, the literals found) of lower-cased text ``low``."""
        if self._finder is None:
            self._prepare()
        found: set[str] = set()
        for m in self._finder.finditer(low):
            if m.group(1):
                found.update(self._within[m.group(1)])
        at = set(self._always)
        for w in found:
            at |= self._rows_of.get(w, set())
        return sorted(at), found

    def rows(self, low: str) -> tuple[int, ...]:
        """The indexes, in order, of the rows that may match the text whose lower-cased form is ``low``."""
        return tuple(self._screen(low)[0])

    def narrowed(self, low: str) -> tuple[tuple[int, Narrowed | re.Pattern[str] | LazyPattern], ...]:
        """(index, what to search) of each row that may match the text whose lower-cased form is ``low``: the
        row cut to its ways of matching whose literal is there (:class:`Narrowed`, or the one way itself: the
        same matches; a long row of many ways is searched only for the few a sentence may hold), or the whole
        row when one of its ways needs no literal.  A row none of whose ways may match is left out."""
        at, found = self._screen(low)
        out = []
        for i in at:
            ways = self._ways[i]
            if ways is None:
                out.append((i, self._patterns[i]))
                continue
            pick = tuple(k for k, need in enumerate(ways.needs) if not need.isdisjoint(found))
            if len(pick) == 1:
                out.append((i, ways.compiled(pick[0])))
            elif pick:
                if (i, pick) not in self._narrowed:
                    self._narrowed[(i, pick)] = Narrowed(self._patterns[i].pattern, tuple(ways.compiled(k) for k in pick))
                out.append((i, self._narrowed[(i, pick)]))
        return tuple(out)


def alternatives(rx: str) -> list[str]:
    """The top-level ways of a regex: "a|b(?:c|d)|[|]e" gives "a", "b(?:c|d)", "[|]e"."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (rx[i + 1 : i + 2] == "^")
            i += rx[i : i + 1] == "]"  # ("[]...]": a first "]" is a member)
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(rx[start:i])
            start = i + 1
        i += 1
    return [*out, rx[start:]]


class _Ways:
    """A row's top-level ways of matching, each with the literals one of which it needs, compiled on first use."""

    def __init__(self, texts: list[str], needs: list[frozenset[str]], flags: int):
        self.texts, self.needs, self.flags = texts, needs, flags
        self._compiled: dict[int, re.Pattern[str]] = {}

    def compiled(self, k: int) -> re.Pattern[str]:
        if k not in self._compiled:
            self._compiled[k] = re.compile(self.texts[k], self.flags)
        return self._compiled[k]

    @classmethod
    def of(cls, rx: re.Pattern[str] | LazyPattern) -> _Ways | None:
        """None when the row is one way, or one of its ways needs no literal (it may match anywhere, or empty)."""
        texts = alternatives(rx.pattern)
        needs = [required_literals(t, rx.flags) for t in texts]
        if len(texts) < 2 or any(not n for n in needs):
            return None
        return cls(texts, needs, rx.flags)


class Narrowed:
    """Some of a row's ways, searched as the whole row would be: the leftmost match of any of them, the
    first way in the row's order where two begin at one place (Python's alternation), so a way whose
    literal the text lacks, which cannot match, is left out with no change to any match."""

    __slots__ = ("pattern", "_ways")

    def __init__(self, pattern: str, ways: tuple[re.Pattern[str], ...]):
        self.pattern, self._ways = pattern, ways

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        best = None
        for rx in self._ways:
            m = rx.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str):
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()  # (every way needs a literal: no match is empty)
