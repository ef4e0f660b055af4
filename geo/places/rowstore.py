"""The gazetteer's places as stored in its cache: memory-mapped, read a row at a time.

Each place is a compact row (:func:`place_row`), pickled on its own; the rows lie
end to end in ``rows.bin``, their offsets in ``rows.idx`` and each place key's row number in a
marisa trie (``keys.marisa``).  Opening them maps the files and reads nothing: a build that needs a
few thousand of a quarter of a million places (a worker, an incremental build) reads those rows
only, and every process on the machine shares the pages.  ``keys.pickle`` keeps the keys in row
order, for the rare pass over all of them.
"""

from __future__ import annotations

import mmap
import pickle
from array import array
from collections.abc import Mapping
from pathlib import Path

from ..model import LngLat, Place


def place_row(p: Place) -> tuple:
    return (p.key, p.name, p.kind, p.country, p.point.lon, p.point.lat, p.precision, p.uncertainty_km,
            p.source, p.population, p.aliases, p.geometry.wkb if p.geometry is not None else None, p.admin1,
            p.curated)


def row_place(row: tuple) -> Place:
    key, name, kind, country, lon, lat, prec, unc, source, pop, aliases, wkb, admin1, curated = row
    geom = None
    if wkb is not None:
        from shapely import wkb as shapely_wkb

        geom = shapely_wkb.loads(wkb)
    return Place(key, name, kind, country, LngLat(lon, lat), prec, unc, source, pop, aliases, geom, admin1, curated)


def write_rows(folder: Path, keys: list[str], rows) -> None:
    """Store ``rows`` (any sequence of row tuples, in the order of ``keys``) in ``folder``."""
    import marisa_trie

    offsets = array("Q", [0])
    with (folder / "rows.bin").open("wb") as fh:
        for row in rows:
            offsets.append(offsets[-1] + fh.write(pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)))
    with (folder / "rows.idx").open("wb") as fh:
        offsets.tofile(fh)
    marisa_trie.RecordTrie("<I", ((k, (i,)) for i, k in enumerate(keys))).save(str(folder / "keys.marisa"))
    with (folder / "keys.pickle").open("wb") as fh:
        pickle.dump(keys, fh, protocol=pickle.HIGHEST_PROTOCOL)


class MappedRows:
    """The rows of ``rows.bin``, by number, unpickled on demand."""

    def __init__(self, folder: Path) -> None:
        with (folder / "rows.bin").open("rb") as fh:
            size = fh.seek(0, 2)
            self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._offsets = array("Q")
        with (folder / "rows.idx").open("rb") as fh:
            self._offsets.frombytes(fh.read())
        if len(self._offsets) < 1 or self._offsets[-1] != size:
            raise ValueError(f"{folder / 'rows.idx'} does not match {folder / 'rows.bin'}")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> tuple:
        if not 0 <= i < len(self):
            raise IndexError(i)
        return pickle.loads(self._data[self._offsets[i] : self._offsets[i + 1]])

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class MappedIds:
    """Place key -> row number, from ``keys.marisa`` (memory-mapped)."""

    def __init__(self, folder: Path) -> None:
        import marisa_trie

        self._trie = marisa_trie.RecordTrie("<I")
        self._trie.mmap(str(folder / "keys.marisa"))

    def __getitem__(self, key: str) -> int:
        return self._trie[key][0][0]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def prefixed(self, prefix: str) -> list[tuple[int, str]]:
        """(row number, key) of every key that begins with ``prefix``, in row order."""
        return sorted((rec[0], key) for key, rec in self._trie.items(prefix))


class PlaceTable(Mapping):
    """Place records by key, made on first use from compact rows: lists (a gazetteer just built) or
    the cache's mapped files (:func:`open_table`)."""

    def __init__(self, keys: list[str] | None, rows, ids=None, keys_file: Path | None = None) -> None:
        self._keys_list = keys
        self._keys_file = keys_file
        self._rows = rows
        self._ids = ids if ids is not None else {k: i for i, k in enumerate(keys or [])}
        self._made: dict[int, Place] = {}

    @property
    def _keys(self) -> list[str]:
        if self._keys_list is None:
            with self._keys_file.open("rb") as fh:
                self._keys_list = pickle.load(fh)
        return self._keys_list

    def place(self, i: int) -> Place:
        p = self._made.get(i)
        if p is None:
            p = self._made[i] = row_place(self._rows[i])
        return p

    def __getitem__(self, key: str) -> Place:
        return self.place(self._ids[key])

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._rows)

    def prefixed(self, prefix: str) -> list[tuple[str, tuple]]:
        """(key, raw row) of every place whose key begins with ``prefix``, in row order (no Place is made)."""
        if isinstance(self._ids, MappedIds):
            return [(k, self._rows[i]) for i, k in self._ids.prefixed(prefix)]
        return [(k, row) for k, row in zip(self._keys, self._rows) if k.startswith(prefix)]


def open_table(folder: Path) -> PlaceTable:
    return PlaceTable(None, MappedRows(folder), MappedIds(folder), keys_file=folder / "keys.pickle")
