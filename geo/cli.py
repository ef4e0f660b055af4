"""``geo``: a thin command line over :mod:`geo.pipeline`.

Exit codes: 0 ok, 1 failure, 2 usage error (argparse).  Logs go to stderr;
the build summary to stdout.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from . import progress

log = logging.getLogger("geo")
say = print  # what a command reports on stdout; nothing under -q
FORMATS = ("gpkg", "kml", "csv", "parquet", "geojson")
LAYER_NAMES = ("bases", "incidents", "areas", "mentions", "events_country")


def parser() -> argparse.ArgumentParser:
    from . import __version__

    # -v/-q are accepted before the command and after it, on every command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help="more log output (repeatable)")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print nothing but errors")
    p = argparse.ArgumentParser(prog="geo", description="Sourced, layered maps of bases and incidents from news articles.",
                                parents=[common])
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="articles -> GeoJSON layers -> HTML map", parents=[common])
    b.add_argument("--articles", type=Path, default=Path("data/articles"), help="folder of .txt articles, or a JSONL or Parquet archive of one article per row (text, id, title, publisher, published, ...) (default: %(default)s)")
    b.add_argument("--layers", type=Path, default=Path("data/layers"), help="where the GeoJSON layers go (default: %(default)s)")
    b.add_argument("--map", type=Path, default=Path("maps/index.html"), help="the HTML map (default: %(default)s)")
    b.add_argument("--places", type=Path, action="append", default=[], metavar="FILE",
                   help="your own places: a CSV, GeoJSON or GeoPackage of points or polygons with name, aliases, kind, "
                        "source, precision (repeatable; they win over the project's lists)")
    b.add_argument("--no-map", action="store_true", help="write the layers only")
    b.add_argument("--article-maps", action="store_true",
                   help="also write one standalone map per article, for sharing (the main map shows any one article "
                        "at index.html#article=NAME)")
    b.add_argument("--no-article-maps", action="store_true", help=argparse.SUPPRESS)  # the default since story view
    b.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="processes for the per-article stage (default: 0, every core)")
    b.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where the per-article stage runs: local processes (default) or Dask tasks")
    b.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: the scheduler's address, e.g. tcp://10.0.0.5:8786 (default: a local "
                        "cluster of --jobs workers)")
    b.add_argument("--clean", action="store_true",
                   help="ignore the per-article cache: extract every article again (the output is the same)")
    a = sub.add_parser("add", help="put an article into the articles folder: a .txt, a saved .html page, or a URL",
                       parents=[common])
    a.add_argument("sources", nargs="+", metavar="FILE|URL", help="a text file (copied verbatim), a saved page or an "
                   "http(s) URL (fetched: the only command that uses the network)")
    a.add_argument("--articles", type=Path, default=Path("data/articles"), help="the articles folder (default: %(default)s)")
    e = sub.add_parser("explain", help="why a name in an article was (or was not) mapped", parents=[common])
    e.add_argument("place", help="the name as written, e.g. 'Ain al-Asad'")
    e.add_argument("--article", type=Path, required=True, help="the article file")
    x = sub.add_parser("export", parents=[common], help="the layers as GeoPackage, KML, CSV, GeoParquet or GeoJSON",
                       description="Write the layers in another format, like ogr2ogr: geo export incidents.gpkg, "
                                   "geo export - -f csv --layer incidents | head")
    x.add_argument("out", nargs="?", type=Path, metavar="OUT",
                   help="the file to write; its extension gives the format (.gpkg .kml .csv .parquet .geojson); "
                        "'-' writes GeoJSON or CSV to standard output")
    x.add_argument("-f", "--format", choices=FORMATS, metavar="FORMAT",
                   help=f"one of {', '.join(FORMATS)}; needed with '-' or an extension that says none")
    x.add_argument("-o", "--out", dest="out_option", type=Path, metavar="OUT", help=argparse.SUPPRESS)  # before 0.2: --out
    x.add_argument("--layer", choices=LAYER_NAMES, metavar="NAME",
                   help=f"only this layer: {', '.join(LAYER_NAMES)} (default: all)")
    x.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (otherwise that is an error)")
    x.add_argument("--layers", type=Path, default=Path("data/layers"), help="the GeoJSON layers (default: %(default)s)")
    v = sub.add_parser("eval", help="accuracy on the public benchmark corpora", parents=[common])
    v.add_argument("--corpus", choices=["gwn", "lgl", "trnews", "devset", "incidents", "world", "event_location", "all"],
                   default="all",
                   help="a benchmark corpus, the project's own devset (places or incidents), the world devset "
                        "(places and incidents of the world devset and of the world held-out sets already scored, each once and then used for development; geo.evaluate.WORLD_SETS), or all of them")
    v.add_argument("--benchmarks", type=Path, default=None, help="folder of GWN.xml, lgl.xml, TR-News.xml (default: ../shared/benchmarks)")
    v.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    v.add_argument("--markdown", action="store_true", help="print a Markdown table")
    v.add_argument("--heldout", action="store_true",
                    help="also score the untouched held-out sets (data/devset/heldout3.jsonl; with --corpus world, "
                        "the next world held-out set, data/devset/world_heldout<WORLD_SETS + 1>.jsonl): only to report, never while tuning")
    return p


def run() -> None:
    """The ``geo`` command (and ``python -m geo``): :func:`main`, then out at once.  Every file is written
    and closed by then; letting the interpreter free a gazetteer of a quarter of a million places one
    object at a time would add about a tenth of a second to every build.  (Under a profiler or a tracer,
    which write their results at exit, it leaves the usual way.)"""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    if sys.getprofile() is None and sys.gettrace() is None:
        os._exit(code)
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args, extra = p.parse_known_args(argv)
    if extra:  # named, whatever else is missing ("geo --bogus")
        p.error(f"unrecognised argument{'s' if len(extra) > 1 else ''}: {' '.join(extra)}")
    if args.command is None:
        p.error("choose a command: build, add, explain, export or eval (geo COMMAND --help)")
    args.quiet = getattr(args, "quiet", False)
    args.verbose = getattr(args, "verbose", 0)
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="geo: %(levelname)s: %(message)s", stream=sys.stderr)
    progress.quiet(args.quiet)
    global say
    say = (lambda *a, **k: None) if args.quiet else print
    commands = {"build": _build, "add": _add, "explain": _explain, "eval": _eval, "export": _export}
    try:
        return commands[args.command](args)
    except BrokenPipeError:  # `geo build | head`, `geo export - -f csv | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush does not fail (Python docs)
        return 0


def _add(args: argparse.Namespace) -> int:
    from .errors import GeoError
    from .text.add import add_article

    failed = 0
    for source in args.sources:
        try:
            txt, meta, missing = add_article(source, args.articles)
        except GeoError as err:
            log.error("%s", err)
            failed += 1
            continue
        say(f"added {txt} (check {txt.with_suffix('').name}.meta.json)")
        for key in ("title", "publisher", "published", "author", "url"):
            if meta.get(key):
                say(f"  {key}: {meta[key]}")
        if missing:
            say(f"  not found: {', '.join(missing)}: add them to the sidecar if you know them")
    return 1 if failed else 0


def _explain(args: argparse.Namespace) -> int:
    from .text.articles import load_article
    from .errors import GeoError
    from .places.mentions import explain
    from .places.sources import load_gazetteer

    try:
        art = load_article(args.article, args.article.parent)
    except (GeoError, OSError) as err:
        log.error("%s", err)
        return 1
    decisions = explain(art, load_gazetteer(), args.place)
    if not decisions:
        print(f"{args.place!r} does not occur as a candidate name in {args.article}")
        return 1
    for d in decisions:
        where = f"{d.place.key} {d.place.name} ({d.place.kind}, {d.place.precision}) at {d.place.point.lon}, {d.place.point.lat}" if d.place else "not mapped"
        print(f"{d.text!r} at {d.start}-{d.end}: {where}")
        print(f"  reason: {d.reason}")
        if d.place:
            print(f"  coordinates from: {d.place.source}")
        for key, name, kind, sc in d.candidates[:6]:
            print(f"  candidate {key} {name} ({kind}), base score {sc}")
        print(f"  quote: {d.sentence.text}")
    return 0


EXTENSIONS = {".gpkg": "gpkg", ".kml": "kml", ".csv": "csv", ".parquet": "parquet", ".geoparquet": "parquet",
              ".geojson": "geojson", ".json": "geojson"}


def _export(args: argparse.Namespace) -> int:
    from .errors import GeoError
    from .output.export import export

    out = args.out or args.out_option
    if out is None:
        log.error("geo export: name the file to write (geo export OUT, e.g. incidents.gpkg; '-' for standard output)")
        return 2
    stdout = str(out) == "-"
    fmt = args.format
    ext = EXTENSIONS.get(out.suffix.lower()) if not stdout else None
    if fmt is None:
        fmt = ext
    if fmt is None and stdout:
        log.error("geo export: '-' (standard output) needs -f geojson or -f csv")
        return 2
    if fmt is None:
        log.error("geo export: %s: the extension says no format; give -f %s", out, "|".join(FORMATS))
        return 2
    if ext is not None and ext != fmt:
        log.error("geo export: %s: the extension says %s but the format is %s; rename the file or drop -f", out, ext, fmt)
        return 2
    if stdout and fmt not in ("geojson", "csv"):
        log.error("geo export: '-' (standard output) takes geojson or csv, not %s; give a file name", fmt)
        return 2
    if not stdout and out.exists() and not args.overwrite:
        log.error("geo export: %s exists; add --overwrite to replace it", out)
        return 1
    try:
        path = export(fmt, args.layers, None if stdout else out, layer=args.layer)
    except GeoError as err:
        log.error("%s", err)
        return 1
    if not stdout:
        say(f"wrote {path}")
    return 0


def _heldout(args: argparse.Namespace) -> list[tuple[str, Path]]:
    """The held-out batches that are development data now always; the last, untouched one only with --heldout."""
    from .evaluate import HELDOUT

    items = list(HELDOUT.items())
    return [(label, path) for i, (label, path) in enumerate(items) if path.exists() and (i < len(items) - 1 or args.heldout)]


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import CORPORA, DEFAULT_DIR, evaluate, evaluate_devset, evaluate_incidents, markdown
    from .places.sources import load_gazetteer

    folder = args.benchmarks or DEFAULT_DIR
    names = [*CORPORA, "devset"] if args.corpus == "all" else [args.corpus]
    gaz = load_gazetteer()
    rows = []
    for name in names:
        try:
            if name == "devset":
                rows.append(evaluate_devset(gaz).row())
                rows += [evaluate_devset(gaz, path, label).row() for label, path in _heldout(args)]
            elif name == "event_location":
                from .evaluate import evaluate_event_location

                rows.append(evaluate_event_location(gaz, folder, use_parse=False).row())
                rows.append(evaluate_event_location(gaz, folder, use_parse=True).row())
            elif name == "world":
                from .evaluate import WORLD_DEV, WORLD_HELDOUT, WORLD_SETS

                if args.heldout and not WORLD_HELDOUT.exists():
                    raise FileNotFoundError(f"{WORLD_HELDOUT}: the next world held-out set is not there yet (it is made "
                                            "blind, see data/devset/README.md); run without --heldout")
                sets = list(WORLD_DEV.items()) + ([(f"world held-out {WORLD_SETS + 1}", WORLD_HELDOUT)] if args.heldout else [])
                for label, path in sets:
                    rows.append(evaluate_devset(gaz, path, f"{label} places").row())
                    rows.append(evaluate_incidents(gaz, path, label=f"{label} incidents").row())
            elif name == "incidents":
                rows.append(evaluate_incidents(gaz).row())
                rows += [evaluate_incidents(gaz, path, label=label).row() for label, path in _heldout(args)]
            else:
                rows.append(evaluate(name, gaz, folder, args.limit).row())
        except FileNotFoundError as err:
            log.error("%s", err)
            return 1
    if args.markdown:
        print(markdown(rows))
    else:
        keys = list(dict.fromkeys(k for r in rows for k in r))
        print("  ".join(f"{k:>10}" for k in keys))
        for r in rows:
            print("  ".join(f"{r.get(k, '')!s:>10}" for k in keys))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .errors import GeoError
    from .pipeline import Settings, build
    from .runner import fewer_collections

    fewer_collections()
    settings = Settings(
        articles=args.articles,
        layers=args.layers,
        map=None if args.no_map else args.map,
        per_article_maps=args.article_maps and not args.no_article_maps,
        places=tuple(args.places),
        jobs=args.jobs if args.jobs > 0 else (os.cpu_count() or 1),
        clean=args.clean,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    try:
        result = build(settings)
    except GeoError as err:
        log.error("%s", err)
        return 1
    counts = ", ".join(f"{len(v)} {k}" for k, v in result.layers.items())
    say(f"{len(result.articles)} article(s) -> {counts}")
    for path in result.files:
        say(f"  wrote {path}")
    places = [u for u in result.unresolved if u["what"] == "place"]
    if places:
        say(f"{len(places)} place name(s) not resolved (see {settings.layers / 'unresolved.csv'}; fill in a row and pass it with --places):")
        for u in places:
            say(f"  {u['name']!r} in {u['article']} at {u['name_start']}: {u['quote'][:100]}")
    unplaced = len(result.unresolved) - len(places)
    if unplaced:
        say(f"{unplaced} incident report(s) placed only at country level; see {settings.layers / 'unresolved.json'}")
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    return 1 if result.errors else 0
