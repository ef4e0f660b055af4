"""Writing output files atomically: a temporary file next to the target, then a rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError


def atomic_file(out: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` with a temporary path next to ``out``, then rename it into place.

    A reader never sees a half-written file; on failure the temporary file is removed.
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix or ".tmp")
        os.close(fd)
        os.unlink(tmp)  # some writers (GDAL) refuse to open an existing file
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err.strerror}); check the folder exists and is writable") from err
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err.strerror}); check the folder exists and is writable") from err
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF line ends, mode 644) to ``path`` atomically."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)

    atomic_file(path, write)


LAYER_FILES = ("*.geojson", "unresolved.json", "unresolved.csv", "events")


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second concurrent build fails at once with a clear message."""
    import fcntl

    folder.parent.mkdir(parents=True, exist_ok=True)
    lock = folder.parent / f".{folder.name}.lock"
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise OutputError(f"{folder}: another build is writing it now (lock {lock}); wait for it to finish, "
                              "then run again") from err
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def write_set(folder: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write ``files`` (name -> text, or bytes; a name may hold "/" for a subfolder) as the whole content
    of ``folder``, switched in in one step.

    Everything goes into a fresh folder beside it, which then takes its place: on Linux by
    exchanging the two atomically (``renameat2(RENAME_EXCHANGE)``), so a reader sees the complete
    old set or the complete new set, never a mix.  Temporary folders of killed builds are removed
    (the caller holds :func:`build_lock`).
    """
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    if folder.exists():
        foreign = sorted(p.name for p in folder.iterdir() if not any(p.match(g) for g in LAYER_FILES))
        if foreign:
            raise OutputError(f"{folder}: holds files the build does not write ({', '.join(foreign[:5])}); "
                              "the build replaces the whole folder: choose an empty folder or the layers folder")
    for stale in [*parent.glob(f".{folder.name}.new-*"), *parent.glob(f".{folder.name}.old-*")]:
        shutil.rmtree(stale, ignore_errors=True)
    try:
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.new-"))
        for name, text in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                (tmp / name).write_bytes(text)
            else:
                with open(tmp / name, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
            os.chmod(tmp / name, 0o644)
        for sub in tmp.rglob("*"):
            if sub.is_dir():
                os.chmod(sub, 0o755)
        os.chmod(tmp, 0o755)
        if folder.exists():
            if not _exchange(tmp, folder):
                old = parent / f".{folder.name}.old-{os.getpid()}"
                os.rename(folder, old)
                os.rename(tmp, folder)
                tmp = old
            shutil.rmtree(tmp, ignore_errors=True)  # the old set, now at the temporary name
        else:
            os.rename(tmp, folder)
    except OSError as err:
        raise OutputError(f"{folder}: cannot write the layers ({err.strerror}); check the folder is writable") from err
    return [folder / name for name in files]


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
