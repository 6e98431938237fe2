"""The cold-run ratio: a cross-language alignment from an empty cache against embedding once.

Takes the first ``--sentences`` lines of two languages of the UN dev documents
(../shared/aligngold, Russian and Chinese by default). Each round, with the model loaded and the
lexicons prepared (their cost is a fixed one, timed in the last line):

  once   the encoder (``UseEncoder.encode``) embeds every sentence of both versions once
  cold   ``pairalign.align_pair(method="semantic")`` with a fresh, empty embedding cache:
         sentences, runs, edge clauses, the first pass and the banded search

and prints both, the ratio cold / once (issue 18's target: at most 1.5) and the machine's
1-minute load beside them, then the same in this process's CPU seconds: on a shared machine the
load moves wall time, while with one BLAS thread (``OPENBLAS_NUM_THREADS=1``) the CPU ratio
barely moves. Then the medians over ``--runs`` rounds. Last, the whole process:
``stmtdiff align --method semantic`` with STMTDIFF_MODEL_CACHE and XDG_CACHE_HOME pointing at an
empty temporary folder (model load, CC-CEDICT preparation and all), then again with that folder
warm.

    python benchmarks/encoder_speed.py [--sentences 500] [--pair ru zh] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from aligndata import un_documents

from stmtdiff.adapters.models.dictionary import key_maker, lexicon_for
from stmtdiff.adapters.models.embed import USE_MODEL, CachingEncoder, EmbeddingCache, UseEncoder
from stmtdiff.core.align.pairalign import Evidence, align_pair
from stmtdiff.core.model import MethodChoice
from stmtdiff.core.text.versions import version_from_sentences


def load() -> str:
    return f"load {os.getloadavg()[0]:4.1f}"


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def cold_round(
    use: UseEncoder, src: list[str], tgt: list[str], langs: list[str]
) -> tuple[float, float, int]:
    """Wall and CPU seconds of one alignment from an empty cache, and how many texts the
    model read (a figure the machine's load does not move)."""
    with tempfile.TemporaryDirectory() as folder:
        encoder = CachingEncoder(use, USE_MODEL, EmbeddingCache(Path(folder) / "e.sqlite3"))
        evidence = Evidence(encoder=lambda: encoder, lexicon=lexicon_for, keys=key_maker)
        pivot = version_from_sentences("src", src, lang=langs[0])
        other = version_from_sentences("tgt", tgt, lang=langs[1])
        seconds, cpu = timed(
            lambda: align_pair(pivot, other, method=MethodChoice.SEMANTIC, evidence=evidence)
        )
        assert encoder.cache is not None
        encoder.cache.close()
    return seconds, cpu, encoder.stats.embedded


def whole_process(src: list[str], tgt: list[str], langs: list[str]) -> None:
    """Wall time of ``stmtdiff align`` from an empty cache folder, then warm."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, lines in (("src", src), ("tgt", tgt)):
            path = Path(folder) / f"{name}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(str(path))
        env = dict(os.environ, STMTDIFF_MODEL_CACHE=f"{folder}/models", XDG_CACHE_HOME=folder)
        command = [sys.executable, "-m", "stmtdiff", "align", "--segmented", "--method"]
        command += ["semantic", "--src-lang", langs[0], "--tgt-lang", langs[1], *paths]
        for state in ("empty cache", "warm cache"):
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            seconds = time.perf_counter() - started
            print(f"whole process, `stmtdiff align --method semantic`, {state}: {seconds:5.1f} s")
            print(f"  ({load()})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--pair", nargs=2, default=["ru", "zh"], choices=("ru", "zh", "en"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = un_documents("dev")
    if not docs:
        print("no UN test set in ../shared/aligngold; nothing to do")
        return 0
    src, tgt = (
        [line for doc in docs for line in doc[lang]][: args.sentences] for lang in args.pair
    )
    use = UseEncoder()
    use.encode(["warm-up"])
    use.composer()
    lexicon_for(*args.pair)
    key_maker(args.pair[0])
    key_maker(args.pair[1])
    print(f"UN dev, {len(src)} {args.pair[0]} and {len(tgt)} {args.pair[1]} sentences")
    onces, colds, cpu_ratios = [], [], []
    for _ in range(args.runs):
        once, once_cpu = timed(lambda: (use.encode(src), use.encode(tgt)))
        print(f"once {once:6.2f} s, cpu {once_cpu:6.2f} s  ({load()})", flush=True)
        cold, cold_cpu, texts = cold_round(use, src, tgt, args.pair)
        print(
            f"cold {cold:6.2f} s, cpu {cold_cpu:6.2f} s  ({load()})   ratio {cold / once:.2f},"
            f" cpu {cold_cpu / once_cpu:.2f}",
            flush=True,
        )
        per = texts / (len(src) + len(tgt))
        print(f"     the model read {texts} texts, {per:.2f} per sentence", flush=True)
        onces.append(once)
        colds.append(cold)
        cpu_ratios.append(cold_cpu / once_cpu)
    once, cold = statistics.median(onces), statistics.median(colds)
    ratio = statistics.median(c / o for c, o in zip(colds, onces, strict=True))
    print(
        f"median of {args.runs}: once {once:.2f} s, cold {cold:.2f} s, cold-run ratio {ratio:.2f}"
        f" (cpu {statistics.median(cpu_ratios):.2f})"
    )
    whole_process(src, tgt, args.pair)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
