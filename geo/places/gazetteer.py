"""The embedded, offline gazetteer: names in a trie, places as compact rows.

It is built from a list of sources (:mod:`geo.places.sources`; the world's
are :func:`geo.places.sources.world_sources`) and cached on disk under a
digest of everything it is built from.  Nothing here touches the network.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from ..model import Place
from ..paths import default_cache_dir
from ..progress import bar, notice
from ..text.normalize import norm, skeleton
from .geometry import covers, km
from .name_keys import ABBREVIATED, name_keys
from .rowstore import PlaceTable, open_table, place_row, row_place, write_rows

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent.parent / "data"
GAZETTEER_DIR = DATA / "gazetteer"
NE_DIR = DATA / "naturalearth"
PRECISIONS = ("site", "town", "district", "region", "country")
VARIANT = "~"  # marks a transliteration variant's key in the trie
# The code the cache depends on: this package and the text normalisation.
# (the lexicon files that name normalisation, transliteration and the common-word list read)
CODE = [*sorted(Path(__file__).parent.glob("*.py")), *(Path(__file__).parent.parent / "text" / n for n in (
    "normalize.py", "lexicon.py")), Path(__file__).parent.parent / "model.py",
    *(DATA / "lexicon" / f"{n}.tsv" for n in ("arabic_articles", "transliteration", "generic_words",
                                              "name_abbreviations"))]


class Source(Protocol):
    """Adds places and names to the builder (see :mod:`geo.places.sources`)."""

    def load(self, gaz: "GazetteerBuilder") -> None: ...

    def inputs(self) -> list[Path]:
        """The files it reads (the cache key hashes them)."""
        ...

    def packages(self) -> list[str]:
        """The registry packages it reads (their versions go into the cache key)."""
        ...


@dataclass
class GazetteerBuilder:
    places: dict[str, Place] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    not_places: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)  # names that are also common English words
    english: set[str] = field(default_factory=set)  # frequent English words (no spelling variant is tried for them)
    capitals: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> the capital's name (GeoNames)
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> ISO alpha-2
    rules: dict[str, str] = field(default_factory=dict)  # normalised alias -> "locative" | "after_comma"
    max_tokens: int = 1
    segments: Path | None = None  # where the big package sources keep their parsed rows (see Segment)

    def add(self, place: Place, names) -> None:
        self.add_keys(place, name_keys(place, names))

    def add_keys(self, place: Place, keys) -> None:
        """``place`` under its normalised names (:func:`name_keys`), in order."""
        self.places[place.key] = place
        for key in keys:
            bucket = self.index[key]
            if place.key not in bucket:
                bucket.append(place.key)
            self.max_tokens = max(self.max_tokens, key.count(" ") + 1)

    def add_code(self, place: Place, code: str) -> None:
        """An identifier written in capitals (an ICAO code): matched only as written, in capitals."""
        key = norm(code)
        if not key or self.index.get(key):
            return  # the code spells a name too: never shadow it
        self.index[key].append(place.key)
        self.rules[key] = "code"




class Segment:
    """One package source's places as parsed rows on disk, so that a build after a change to a curated
    or user row replays them instead of parsing the package again (GeoNames' cities500 takes 9 s and,
    decoded at once, 600 MB).  The file is named by a digest of the source, its packages' versions and
    the gazetteer code; it is written in chunks and replayed chunk by chunk, so neither writing nor
    replaying holds more than a chunk of rows besides the builder itself."""

    CHUNK = 5000

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: list[tuple] = []
        self._fh = None

    @classmethod
    def named(cls, folder: Path, name: str, source: "Source") -> "Segment":
        """The segment of ``source`` (loader ``name``) in ``folder``, named by :func:`segment_digest`."""
        return cls(folder / f"segment-{name}-{segment_digest(source)}.pickle")

    # the builder methods a package loader calls
    def add(self, place: Place, names) -> None:
        self._rows.append((place_row(place), tuple(name_keys(place, names))))
        if len(self._rows) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        pickle.dump(self._rows, self._fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._rows = []

    def write_apart(self, loader_name: str, loader) -> None:
        """Write the segment in a child process, so that parsing the package (its text, its decoded
        records) never weighs on the build's own memory; in this process when no child can start."""
        import subprocess
        import sys

        root = str(Path(__file__).resolve().parent.parent.parent)  # the folder this geo package is in
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        code = "import sys; from geo.places.sources import write_segment; write_segment(sys.argv[1], sys.argv[2])"
        try:
            done = subprocess.run([sys.executable, "-c", code, loader_name, str(self.path)], env=env, check=False)
            if done.returncode:
                log.warning("parsing %s in a child process failed (exit %s); parsing it here", loader_name, done.returncode)
        except OSError as err:
            log.warning("could not start a process for %s (%s); parsing it here", loader_name, err)
        if not self.path.exists():
            self.write(loader)

    def write(self, loader) -> None:
        """Run ``loader`` against this segment, then move the finished file into place."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".seg-")
        try:
            with os.fdopen(fd, "wb") as self._fh:
                loader(self)
                if self._rows:
                    self._flush()
            os.replace(tmp, self.path)
        finally:
            self._fh = None
            if os.path.exists(tmp):
                os.unlink(tmp)

    def replay(self, gaz: "GazetteerBuilder") -> None:
        with self.path.open("rb") as fh:
            while True:
                try:
                    chunk = pickle.load(fh)
                except EOFError:
                    return
                for row, keys in chunk:
                    gaz.add_keys(row_place(row), keys)


def segment_digest(source: "Source") -> str:
    """What a package source's segment depends on: the source, its packages' versions, the code."""
    h = hashlib.sha256(repr(source).encode())
    _code_and_packages(h, set(source.packages()))
    return h.hexdigest()[:20]


def _code_and_packages(h, packages: set[str]) -> None:
    """Feed ``h`` the gazetteer code (:data:`CODE`) and the versions of ``packages``."""
    from importlib.metadata import version

    for path in CODE:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for pkg in sorted(packages):
        h.update(f"{pkg}=={version(pkg)}".encode())


def _variant_worthy(p: Place) -> bool:
    return p.curated or p.population >= 5000 or p.kind not in ("town", "city")


class Gazetteer:
    """The gazetteer as it is used and cached: names in a marisa trie (loaded
    in milliseconds), places as compact rows made into records on demand."""

    def __init__(self, names, places: PlaceTable, not_places, common, demonyms, rules, max_tokens, english=frozenset(),
                 capitals=None) -> None:
        self.english = english
        self.capitals: dict[str, str] = capitals or {}  # ISO alpha-2 -> place key of its capital
        self.capital_keys = frozenset(self.capitals.values())
        self._units_made: dict[str, list[Place]] = {}  # country -> its first-level units, made on first use
        self.names = names  # marisa_trie.RecordTrie: normalised name -> [(place number,), ...]
        self.version = ""  # the digest of its inputs (set by load_cached): what per-article results key on
        self.places = places
        self.not_places, self.common, self.demonyms, self.rules = not_places, common, demonyms, rules
        self.max_tokens = max_tokens
        words = [np.split() for np in not_places]
        self._np_prefixes = {" ".join(w[:k]) + " " for w in words for k in range(1, len(w))}
        # the not-a-place names of more than six letters, as one regex: a longer name holding one is none either
        long = [np for np in not_places if len(np) > 6]
        self._long_not_places = re.compile("|".join(map(re.escape, sorted(long)))) if long else None

    def holds_a_not_place(self, key: str) -> bool:
        """Does the normalised name ``key`` hold a not-a-place name of more than six letters?"""
        return self._long_not_places is not None and self._long_not_places.search(key) is not None

    @classmethod
    def freeze(cls, gaz: GazetteerBuilder, spill: Path | None = None) -> "Gazetteer":
        """The gazetteer of a builder (which is spent).  With ``spill``, a folder, the place rows are written
        there before the name trie is built and read back memory-mapped, so that they are not in memory while
        the trie is (the peak of a cold build); :meth:`save` to the same folder then keeps them."""
        import marisa_trie

        capitals = {}
        for iso, name in gaz.capitals.items():
            towns = [gaz.places[k] for k in gaz.index.get(norm(name), ()) if gaz.places[k].country == iso
                     and gaz.places[k].kind in ("city", "town")]
            if towns:
                # its own name before an alternate of a bigger place ("New Delhi", not Delhi)
                capitals[iso] = max(towns, key=lambda p: (norm(p.name) == norm(name), p.population)).key
        keys = list(gaz.places)
        ids = {k: i for i, k in enumerate(keys)}
        # Only places that matter enough to be written many ways get transliteration variants: a
        # village's variant is a surname.
        worthy = {ids[k] for k, p in gaz.places.items() if _variant_worthy(p)}
        rows = [place_row(gaz.places[k]) for k in keys]
        settlements = {k: p.name for k, p in gaz.places.items() if p.kind in ("town", "city")
                       and p.name.split(" ")[0].split("-")[0].lower().rstrip(".") in ABBREVIATED}
        gaz.places = {}  # the builder is spent: its records go before the trie is built (memory)
        if spill is not None:
            spill.mkdir(parents=True, exist_ok=True)
            write_rows(spill, keys, rows)
            rows = keys = None  # (read back below, mapped)
        index = gaz.index
        # A name's first word abbreviated or written out ("St Lô" for Saint-Lô, "Saint Albans" for St Albans), where
        # no place is named so as written: a place whose own name is "St. Thomas" keeps the key to itself.
        # (a town's or city's own name only: "St Patrick's" is a church or a feast far more often than a Caribbean
        # parish, or a town of which "Saint Patrick" is an alternate name)
        spelt: dict[str, list[str]] = {}
        for name, ks in index.items():
            first, _, rest = name.partition(" ")
            if rest and first in ABBREVIATED and f"{ABBREVIATED[first]} {rest}" not in index:
                spelt.setdefault(f"{ABBREVIATED[first]} {rest}", []).extend(
                    k for k in ks if k in settlements and norm(settlements[k]) == name)
        for name, ks in spelt.items():
            if ks:
                index[name] = list(dict.fromkeys(ks))
        del settlements, spelt
        for name, ks in index.items():
            index[name] = [ids[k] for k in ks]
        del ids
        # Transliteration variants, marked with a leading VARIANT, for names that match nothing as written.
        variants: dict[str, list[int]] = {}
        for name, got in index.items():
            sk = skeleton(name)
            if sk == name or len(sk) < 4:
                continue
            got = [i for i in got if i in worthy]
            if got:
                bucket = variants.setdefault(VARIANT + sk, [])
                bucket.extend(i for i in got if i not in bucket)

        def items():
            # Insertion order is the candidate order; the trie returns values sorted, so keep the rank in the record.
            # (Each name is taken out of its table as it is handed over, so that its list is freed while the trie
            # is built: the names' order makes no difference to the trie.)
            for table, most in ((index, None), (variants, 65535)):
                while table:
                    name, got = table.popitem()
                    for rank, i in enumerate(got[:most]):
                        yield name, (rank, i)

        names = marisa_trie.RecordTrie("<HI", items())
        table = open_table(spill) if spill is not None else PlaceTable(keys, rows)
        return cls(names, table, gaz.not_places, gaz.common, gaz.demonyms, gaz.rules, gaz.max_tokens, gaz.english,
                   capitals)

    @cached_property
    def _admin1(self) -> tuple[dict[str, list[str]], dict[tuple[str, str], str]]:
        """(country -> the keys of its first-level units, (country, admin-1 code) -> the unit's name, none for
        a code several units share: Natural Earth files Tehran and Alborz both under IR26, so the outline
        decides), from one pass over the raw rows (no Place is made)."""
        units: dict[str, list[str]] = {}
        names: dict[tuple[str, str], str] = {}
        for key, row in self.places.prefixed("ne1/"):
            units.setdefault(row[3], []).append(key)
            if row[12]:
                code = (row[3], row[12])
                names[code] = row[1] if code not in names or names[code] == row[1] else ""
        return units, names

    def admin1_units(self, country: str) -> list[Place]:
        """The first-level units of a country (Natural Earth), each made once."""
        made = self._units_made.get(country)
        if made is None:
            made = self._units_made[country] = [self.places[k] for k in self._admin1[0].get(country, [])]
        return made

    def admin1_of(self, place: Place) -> str | None:
        """The name of the first-level unit ``place`` lies in (itself, for a unit): by its GeoNames
        admin-1 code, else (curated sites, airfields) the unit whose outline holds it, else the
        unit whose representative point is nearest within that unit's radius."""
        if place.precision == "region" and place.kind in ("province", "governorate"):
            return place.name
        if place.precision == "country":
            return None
        name = self._admin1[1].get((place.country, place.admin1)) if place.admin1 else None
        if name:
            return name
        units = self.admin1_units(place.country)
        for u in units:
            if u.geometry is not None and covers(u, place.point):
                return u.name
        near = [(d, u.name) for u in units if u.geometry is None
                for d in [km(u.point, place.point)] if d <= u.uncertainty_km]
        return min(near)[1] if near else None

    def has(self, key: str) -> bool:
        return key in self.names

    def variant(self, key: str) -> str:
        """The trie key of ``key``'s transliteration variant ("" when it has none)."""
        sk = VARIANT + skeleton(key)
        return sk if sk in self.names else ""

    def may_vary(self, key: str) -> bool:
        first = key.split(" ")[0]
        return (len(key) >= 5 and key not in self.common and key not in self.english and key not in self.demonyms
                and (first == key or first not in self.english))  # never "An airport" for Ann Airport

    def has_variant_prefix(self, key: str) -> bool:
        if not self.may_vary(key.split(" ")[0]) and " " not in key:
            return False
        return next(self.names.iterkeys(VARIANT + skeleton(key) + " "), None) is not None

    def has_prefix(self, prefix: str) -> bool:
        """Does any name (or not-place phrase) start with ``prefix``?"""
        return prefix in self._np_prefixes or next(self.names.iterkeys(prefix), None) is not None

    def lookup(self, key: str) -> list[Place]:
        return [self.places.place(i) for _, i in sorted(self.names.get(key, ()))]

    def lookup_all(self, key: str) -> list[Place]:
        """The places named ``key``, then those of its transliteration variant (names of 5 letters or
        more that are neither common English words nor demonyms)."""
        out = self.lookup(key)
        var = self.variant(key) if self.may_vary(key) else ""
        if var:
            seen = {p.key for p in out}
            out += [p for p in self.lookup(var) if p.key not in seen]
        return out

    def by_name(self, name: str) -> list[Place]:
        return self.lookup(norm(name))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.names.save(str(folder / "names.marisa"))
        if self.places._keys_file != folder / "keys.pickle":  # (rows spilled there by freeze are there already)
            write_rows(folder, list(self.places._keys), self.places._rows)
        # written last: its presence says the folder is whole (load_cached)
        with (folder / "meta.pickle").open("wb") as fh:
            pickle.dump((self.not_places, self.common, self.demonyms, self.rules, self.max_tokens, self.english,
                         self.capitals), fh, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, folder: Path) -> "Gazetteer":
        """The cached gazetteer, its names and places memory-mapped (:mod:`geo.places.rowstore`)."""
        import marisa_trie

        names = marisa_trie.RecordTrie("<HI")
        names.mmap(str(folder / "names.marisa"))
        with (folder / "meta.pickle").open("rb") as fh:
            not_places, common, demonyms, rules, max_tokens, english, capitals = pickle.load(fh)
        return cls(names, open_table(folder), not_places, common, demonyms, rules, max_tokens, english, capitals)


def cache_key(sources: list[Source]) -> str:
    """A digest of everything the gazetteer is built from: sources, their files and packages, the code."""
    h = hashlib.sha256()
    pkgs = {"wordfreq"}
    for src in sources:
        h.update(repr(src).encode())
        pkgs.update(src.packages())
        for path in src.inputs():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    _code_and_packages(h, pkgs)
    return h.hexdigest()[:20]


def build(sources: list[Source], segments: Path | None = None) -> GazetteerBuilder:
    """Run every source in order: the first to name a place wins ties.  With ``segments``, the big
    package sources keep their parsed rows there (:class:`Segment`)."""
    gaz = GazetteerBuilder(segments=segments)
    for src in bar(sources, "gazetteer", slow=True):
        src.load(gaz)
    gaz.index = dict(gaz.index)
    log.info("gazetteer: %d places, %d names", len(gaz.places), len(gaz.index))
    return gaz


KEEP_VERSIONS = 3  # a build with --places and one without each keep their own cache


def keep_newest(folders: list[Path], count: int) -> None:
    """Remove all but the ``count`` most recently modified of ``folders`` (cache versions)."""
    for old in sorted(folders, key=lambda p: p.stat().st_mtime, reverse=True)[count:]:
        shutil.rmtree(old, ignore_errors=True)


def prune(cdir: Path, keep: Path) -> None:
    """Remove all but the newest cache versions (about 40 MB each) and the temporary folders of builds
    killed more than an hour ago (a younger one may be another process's, still writing)."""
    import time

    keep_newest([p for p in cdir.glob("gazetteer-*") if p != keep], KEEP_VERSIONS - 1)
    for tmp in cdir.glob(".gaz-*"):
        if time.time() - tmp.stat().st_mtime > 3600:
            shutil.rmtree(tmp, ignore_errors=True)


def load_cached(sources: list[Source], cache_dir: Path | None = None, cached_only: bool = False) -> Gazetteer:
    """The gazetteer of these sources, from the on-disk cache when its inputs are unchanged.

    The cache folder is named by a digest of every input (curated CSVs,
    Natural Earth extracts, package versions, the code), so editing a CSV
    row rebuilds it.  ``GEO_NO_CACHE=1`` skips the cache.  With ``cached_only``
    a missing cache is a FileNotFoundError instead (a helper process never builds it).
    """
    if os.environ.get("GEO_NO_CACHE"):
        gaz = Gazetteer.freeze(build(sources))
        gaz.version = cache_key(sources)
        return gaz
    cdir = cache_dir or default_cache_dir()
    path = cdir / f"gazetteer-{cache_key(sources)}"
    if (path / "meta.pickle").exists():
        try:
            gaz = Gazetteer.load(path)
            gaz.version = path.name
            log.info("gazetteer: %d places from cache %s", len(gaz.places), path)
            return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as err:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
    if cached_only:
        raise FileNotFoundError(path / "meta.pickle")
    notice(f"building the gazetteer cache in {path.parent} (once per version of its inputs; about 17 s; after a curated or user row changed, about 8 s)")
    tmp = None
    try:
        # The temporary folder sits inside the cache folder, so the rename stays on one filesystem.
        cdir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=cdir, prefix=".gaz-"))
    except OSError as err:
        log.warning("could not write gazetteer cache %s: %s", path, err)
    gaz = Gazetteer.freeze(build(sources, segments=cdir / "segments"), spill=tmp)
    gaz.version = path.name  # what the per-article cache keys on (geo/runner.py)
    if tmp is None:
        return gaz
    try:
        gaz.save(tmp)
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp, path)
        prune(cdir, keep=path)
        gaz = Gazetteer.load(path)  # (its rows mapped from where they are now)
        gaz.version = path.name
    except OSError as err:
        log.warning("could not write gazetteer cache %s: %s", path, err)
        gaz.places._keys  # (read while the spilled rows' folder is still there; the mapped rows stay readable)
        shutil.rmtree(tmp, ignore_errors=True)
    return gaz
