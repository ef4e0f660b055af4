"""System tools some tests drive (Debian's gdal-bin and chromium).

``.ci/run`` installs them (and python3-qgis) and sets ``GEO_REQUIRE_SYSTEM_TOOLS=1``, so in CI a
missing tool fails the test.  On a machine with only Python and pip those
tests skip with the command that installs the tool.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def need(tool: str, package: str) -> str:
    path = tool if os.path.isabs(tool) and os.path.exists(tool) else shutil.which(tool)
    if path:
        return path
    msg = f"{tool} not found: apt-get install {package} (.ci/run does)"
    if os.environ.get("GEO_REQUIRE_SYSTEM_TOOLS"):
        pytest.fail(msg)
    pytest.skip(msg)
