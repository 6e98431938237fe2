"""Time reading large plain-text inputs: 5 MB of UTF-8 (ru/zh/en) and of Windows-1251 Russian.

The budget the unit tests used to assert with a clock (moved here, since a busy machine made them
fail): UTF-8 well under a second, Windows-1251 (which needs encoding detection) a few seconds.

    python benchmarks/ingest_speed.py [--megabytes 5 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from stmtdiff.adapters.ingest import load_document

RU = "Стороны подтвердили приверженность принципам равноправия и взаимного уважения.\n"
ZH = "双方同意扩大贸易、能源、农业和人文领域合作，推动两国关系持续健康稳定发展。\n"
EN = "The sides reaffirmed their commitment to equality and mutual respect.\n"


def best_of(runs: int, path: Path) -> tuple[float, str]:
    """Fastest of ``runs`` loads, and the encoding the loader settled on."""
    timings, encoding = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        encoding = load_document(str(path)).encoding or ""
        timings.append(time.perf_counter() - started)
    return min(timings), encoding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, nargs="+", default=[5, 20])
    args = parser.parse_args()
    print(f"{'MB':>4} {'kind':<14} {'encoding':<9} {'best of 3 s':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.megabytes:
            size = megabytes * 1_000_000
            mixed = RU + ZH + EN
            samples = {
                "utf-8 ru/zh/en": (mixed * (size // len(mixed.encode()) + 1)).encode(),
                "windows-1251": (RU * (size // len(RU.encode("cp1251")) + 1)).encode("cp1251"),
            }
            for kind, data in samples.items():
                path = Path(folder) / "input.txt"
                path.write_bytes(data)
                seconds, encoding = best_of(3, path)
                print(f"{megabytes:>4} {kind:<14} {encoding:<9} {seconds:>11.3f}")


if __name__ == "__main__":
    main()
