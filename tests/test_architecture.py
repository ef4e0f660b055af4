"""The layout holds: stages import only earlier stages, no cycles, no private names
across modules, no module over 500 lines."""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parent.parent / "geo"
# Data flows one way: a module may import its own stage and the stages before it.
STAGE = {"errors": 0, "model": 0, "progress": 0, "text": 1, "places": 2, "events": 3, "output": 4,
         "beside": 0, "paths": 0, "cache": 5, "pipeline": 5, "runner": 5, "evaluate": 5, "cli": 6, "__init__": 6, "__main__": 7}


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(GEO.parent).with_suffix("").parts): p for p in sorted(GEO.rglob("*.py"))}


def imports(name: str, path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import of a geo module, at any depth."""
    pkg = name.split(".")[:-1] if not path.name == "__init__.py" else name.split(".")
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[: len(pkg) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "geo" or target.startswith("geo."):
                names = [a.name for a in node.names]
                mods = modules()
                # "from . import dates" imports a module
                subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in mods]
                out += [(s, []) for s in subs] or [(target, names)]
    return out


def stage(module: str) -> int:
    part = module.split(".")[1] if "." in module else "__init__"
    return STAGE[part]


def test_no_module_is_over_500_lines():
    long = {n: len(p.read_text().splitlines()) for n, p in modules().items() if len(p.read_text().splitlines()) > 500}
    assert long == {}


def test_stages_import_only_earlier_stages():
    bad = [(n, t) for n, p in modules().items() for t, _ in imports(n, p) if stage(t) > stage(n)]
    assert bad == []


def test_no_private_name_is_imported_from_another_module():
    bad = [(n, t, x) for n, p in modules().items() for t, names in imports(n, p) for x in names if x.startswith("_") and not x.endswith("__")]
    assert bad == []


def test_no_import_cycle():
    mods = modules()
    graph = {n: {t if t in mods else t + ".__init__" for t, _ in imports(n, p)} & set(mods) for n, p in mods.items()}
    seen: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        if seen.get(n) == 1:
            raise AssertionError("import cycle: " + " -> ".join([*path, n]))
        if seen.get(n) == 2:
            return
        seen[n] = 1
        for t in sorted(graph[n]):
            if not t.endswith("__init__"):
                visit(t, [*path, n])
        seen[n] = 2

    for n in sorted(graph):
        visit(n, [])
