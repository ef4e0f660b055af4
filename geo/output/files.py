"""Writing output files atomically: a temporary file next to the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
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
