"""The per-article cache: where each article's result is kept, under what key, and how.

A result is cached under a digest of the article's file and sidecar bytes, its name, the code and
data the extraction reads (:func:`code_version`) and the gazetteer's version, in the packs
(:class:`ResultStore`) of a folder of that code and gazetteer version (the newest three are kept:
:func:`version_dir`).  Gazetteer places in
it are named by key (:class:`CachePickler`).  Each file's content digest is remembered by its size,
modification time and inode (``digests.pickle``), so an unchanged folder is not read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import mmap
import os
import pickle
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Place
from .places.gazetteer import Gazetteer, keep_newest
from .text.articles import META_SUFFIX

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
FORMAT = "5"  # bump when geo.runner.ArticleResult (or how it is pickled) changes shape
SEEN_FILE = "digests.pickle"  # each file's content digest by its size, modification time and inode


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of everything the per-article stage reads besides the article and the gazetteer."""
    h = hashlib.sha256(FORMAT.encode())
    files = [*sorted((ROOT / "geo").rglob("*.py")), *sorted((ROOT / "data" / "lexicon").glob("*")),
             *sorted((ROOT / "data" / "models").glob("*"))]
    for f in files:
        if f.is_file():
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def item_key(item: tuple, version: str, seen: dict | None = None, now: dict | None = None,
             read: tuple | None = None) -> str:
    """The cache key of one article: the code and gazetteer version, its name, its bytes and its
    sidecar's.  ``seen`` holds each file's content digest by its size, modification time and inode
    from the build before, so that an unchanged folder of 5,000 articles is not read again to learn
    it is unchanged; ``now`` receives this build's (only the files that are still there).  ``read``:
    the file's (signature, digest) as the worker that extracted it read it, taken as it is."""
    h = hashlib.sha256(version.encode())
    if item[0] == "row":
        row = item[1]
        h.update(f"row\0{row.name}\0{json.dumps(row.meta, sort_keys=True)}\0".encode())
        h.update(row.text.encode("utf-8"))
        return h.hexdigest()
    _, path, folder = item
    h.update(str(path.relative_to(folder)).encode())
    if read is not None:
        if now is not None:
            now[str(path)] = read
        digest = read[1]
    else:
        digest = content_digest(path, seen or {}, now if now is not None else {})
    h.update(b"\0" + digest.encode())
    return h.hexdigest()


def content_digest(path: Path, seen: dict, now: dict) -> str:
    hit = seen.get(str(path))
    sig = _signature(path)
    if hit is None or hit[0] != sig:
        hit = (sig, _digest(path))
    now[str(path)] = hit
    return hit[1]


def file_digest(path: Path) -> tuple:
    """(signature, content digest) of an article's file and its sidecar, as ``digests.pickle`` keeps them."""
    return _signature(path), _digest(path)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX)


def _signature(path: Path) -> tuple:
    st = path.stat()
    try:
        ss = _sidecar(path).stat()
        side_sig = (ss.st_size, ss.st_mtime_ns, ss.st_ino)
    except FileNotFoundError:
        side_sig = None
    return (st.st_size, st.st_mtime_ns, st.st_ino, side_sig)


def _digest(path: Path) -> str:
    h = hashlib.sha256(path.read_bytes())
    try:
        h.update(b"\0" + _sidecar(path).read_bytes())
    except FileNotFoundError:
        pass
    return h.hexdigest()


def load_seen(cdir: Path) -> dict:
    try:
        with (cdir / SEEN_FILE).open("rb") as fh:
            seen = pickle.load(fh)
        return seen if isinstance(seen, dict) else {}
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}


def save_seen(cdir: Path, seen: dict) -> None:
    try:
        cdir.mkdir(parents=True, exist_ok=True)
        _write_pickle(cdir / SEEN_FILE, seen)
    except OSError as err:
        log.warning("could not save the article digests in %s: %s", cdir, err)


def changed_since(folder: Path, when_ns: int) -> bool:
    """Has a file been added to or removed from ``folder`` or a folder in it since ``when_ns`` (the
    folders' modification times; a file rewritten in place does not count)?"""
    for top, _dirs, _files in os.walk(folder):
        try:
            if os.stat(top).st_mtime_ns > when_ns:
                return True
        except OSError:
            return True
    return False


class CachePickler(pickle.Pickler):
    """A cached result names each gazetteer place by its key: the entry is keyed on the gazetteer's
    version, so the key finds the same record again, and reading 5,000 results makes no place twice
    (nor a country's outline once per article)."""

    def __init__(self, fh, gaz: Gazetteer) -> None:
        super().__init__(fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.gaz = gaz

    def persistent_id(self, obj):
        if type(obj) is not Place or obj.key not in self.gaz.places:
            return None
        p = self.gaz.places[obj.key]  # (a worker's result holds copies of the same records)
        # (a copy the extraction made wider or coarser is not the record: it is kept whole)
        same = p is obj or (p.point == obj.point and p.name == obj.name and p.source == obj.source
                            and p.uncertainty_km == obj.uncertainty_km and p.precision == obj.precision)
        return obj.key if same else None


class CacheUnpickler(pickle.Unpickler):
    def __init__(self, fh, gaz: Gazetteer) -> None:
        super().__init__(fh)
        self.gaz = gaz

    def persistent_load(self, key: str) -> Place:
        return self.gaz.places[key]


class ResultStore:
    """One code and gazetteer version's cached results, in packs: a build that extracts writes its
    results end to end as one pack file (``<name>.pack``), with an index of it (``<name>.index``: each
    key's offset and length), rather than a file a result (10,000 small files written, and 5,000 opened
    to read them back, at 5,000 articles).  A key in several indexes is read from the newest pack (the
    names sort by time); a pack no index reads from any more is removed, and the packs are merged into
    one when there are more than :data:`MAX_PACKS` or their dead bytes outweigh the live ones."""

    def __init__(self, vdir: Path, gaz: Gazetteer) -> None:
        self.vdir, self.gaz = vdir, gaz
        self._where: dict[str, tuple[str, int, int]] = {}  # key -> (pack name, offset, length)
        self._sizes: dict[str, int] = {}  # pack name -> its bytes
        self._maps: dict[str, Any] = {}
        self._out = None  # (file, its temporary path, name, index) of this build's pack, once it adds one
        for index in sorted(vdir.glob("*" + INDEX)) if vdir.is_dir() else []:
            name = index.name[: -len(INDEX)]
            try:
                with index.open("rb") as fh:
                    entries = pickle.load(fh)
                self._sizes[name] = (vdir / (name + PACK)).stat().st_size
                self._where.update((k, (name, int(off), int(n))) for k, (off, n) in entries.items())
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError) as err:
                log.warning("cached results %s unreadable (%s); their articles are extracted again", index, err)

    def __contains__(self, key: str) -> bool:
        return key in self._where

    @property
    def empty(self) -> bool:
        return not self._where

    def _bytes(self, key: str) -> memoryview:
        name, off, n = self._where[key]
        data = self._maps.get(name)
        if data is None:
            with (self.vdir / (name + PACK)).open("rb") as fh:
                data = self._maps[name] = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
        if off + n > len(data):
            raise ValueError(f"{self.vdir / (name + PACK)} is shorter than its index says")
        return data[off : off + n]

    def load(self, key: str):
        """The result cached under ``key`` (KeyError when there is none; another error when it is damaged)."""
        return CacheUnpickler(io.BytesIO(self._bytes(key)), self.gaz).load()

    def add(self, key: str, result, data: bytes | None = None) -> None:
        """Cache one result (``data``: the bytes a worker already pickled it to, the same way); written
        at once to this build's pack, which :meth:`close` makes readable."""
        try:
            self._append(key, dumps(result, self.gaz) if data is None else data)
        except OSError as err:
            log.warning("could not cache the result for %s in %s: %s", result.article.name, self.vdir, err)
            self._drop()

    def _append(self, key: str, data: bytes) -> None:
        if self._out is None:
            self.vdir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.vdir, prefix=".tmp-")
            self._out = (os.fdopen(fd, "wb"), Path(tmp), f"{time.time_ns():020d}-{os.getpid()}", {})
        fh, _tmp, _name, index = self._out
        index[key] = (fh.tell(), len(data))
        fh.write(data)

    def _drop(self) -> None:
        if self._out is not None:
            fh, tmp, _name, _index = self._out
            fh.close()
            tmp.unlink(missing_ok=True)  # (a disk full mid-write leaves no half pack behind)
            self._out = None

    def _publish(self) -> None:
        """This build's pack made readable: the pack first, then its index (an index finds its pack)."""
        fh, tmp, name, index = self._out
        self._out = None
        fh.close()
        os.replace(tmp, self.vdir / (name + PACK))
        _write_pickle(self.vdir / (name + INDEX), index)
        self._sizes[name] = sum(n for _off, n in index.values())
        self._where.update((k, (name, off, n)) for k, (off, n) in index.items())

    def close(self) -> None:
        """What this build added made readable, then the packs tidied."""
        if self._out is None:
            return
        try:
            self._publish()
            self._tidy()
        except (OSError, ValueError) as err:  # (ValueError: a pack another build cut short)
            log.warning("could not cache or tidy the results in %s: %s", self.vdir, err)
            self._drop()

    def _tidy(self) -> None:
        live: dict[str, int] = dict.fromkeys(self._sizes, 0)
        for name, _off, n in self._where.values():
            live[name] += n
        for name in [p for p, n in live.items() if n == 0]:  # (every entry of it is in a newer pack)
            self._forget(name)
            del live[name]
        for tmp in self.vdir.glob(".tmp-*"):  # (a pack left half written by a build killed an hour ago or more)
            with contextlib.suppress(FileNotFoundError):  # (or one another build has just published)
                if time.time() - tmp.stat().st_mtime > 3600:
                    tmp.unlink()
        dead = sum(self._sizes[p] for p in live) - sum(live.values())
        if len(live) > MAX_PACKS or dead > sum(live.values()):
            self._merge(set(live))

    def _merge(self, names: set[str]) -> None:
        """One pack of every live result in ``names``, in key order, then those packs removed (a build
        reading them meanwhile finds them gone and extracts those articles again)."""
        for key in sorted(self._where):
            if self._where[key][0] in names:
                self._append(key, bytes(self._bytes(key)))
        if self._out is not None:
            self._publish()
        for name in names:
            self._forget(name)

    def _forget(self, name: str) -> None:
        self._sizes.pop(name, None)
        self._maps.pop(name, None)
        (self.vdir / (name + INDEX)).unlink(missing_ok=True)  # (the index first: no index finds a pack that is gone)
        (self.vdir / (name + PACK)).unlink(missing_ok=True)


PACK, INDEX = ".pack", ".index"
MAX_PACKS = 16  # more packs in a version's folder are merged into one


def _write_pickle(path: Path, obj) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps(result, gaz: Gazetteer) -> bytes:
    buf = io.BytesIO()
    CachePickler(buf, gaz).dump(result)
    return buf.getvalue()


KEEP_VERSIONS = 3  # code and gazetteer versions whose cached results are kept


def version_path(cdir: Path, version: str) -> Path:
    """Where one code and gazetteer version's cached results are (:func:`version_dir` makes it)."""
    return cdir / version[:20]


def version_dir(cdir: Path, version: str) -> Path:
    """The folder of one code and gazetteer version's cached results.  Made anew, it prunes the folders
    of all but the newest versions, and the entries of the earlier flat layout (every entry of an older
    version is dead: nothing reads it again)."""
    vdir = version_path(cdir, version)
    if vdir.is_dir():
        return vdir
    try:
        vdir.mkdir(parents=True, exist_ok=True)
        keep_newest([p for p in cdir.iterdir() if p.is_dir() and p != vdir], KEEP_VERSIONS - 1)
        for entry in os.scandir(cdir):
            if entry.is_file() and len(entry.name) == 64:  # (a result of the flat layout: its key, in hex)
                os.unlink(entry.path)
    except OSError as err:
        log.warning("could not prune the article cache %s: %s", cdir, err)
    return vdir
