"""How well stmtdiff aligns sentences across languages, against gold alignments.

Reads the gold sets in ../shared/aligngold (skipping what is absent), aligns every document with
each method through stmtdiff's own dispatch (``pairalign.align_pair``), and prints strict and lax
precision, recall and F1 pooled over documents (vecalign's metric, ``alignmetric.py``), with the
published reference figures beside them, and the time per document.

Methods:
  translation    the recorded machine translation of the source (MAC ``NNN.trans``, Text+Berg
                 ``google.fr``, Bible ``001.trans``) aligned to the target
  semantic       the offline multilingual sentence encoder, no translation
  lexical        lexicon, anchors and length: no model, no translation
  same-language  MAC only: the English machine translation against the human English, as two
                 English versions (stmtdiff's same-language aligner)

Datasets: mac (zh→en), textberg (de→fr), bible (en→zh), un (synthetic documents from the UN test
set: ru→en, zh→en, ru→zh). ``--split dev`` runs the tuning data instead of the test sets.

Examples:
  python benchmarks/align_quality.py                          # everything on test (slow)
  python benchmarks/align_quality.py -d mac -m lexical        # one cell of the table
  python benchmarks/align_quality.py --split dev -d mac --write-beads /tmp/beads
  python benchmarks/align_quality.py -d mac --parallel         # inputs declared translations
Embeddings are cached (see stmtdiff.adapters.models.embed), so only the first semantic run is slow.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from aligndata import GOLD, LOADERS, Doc, format_bead
from alignmetric import Counts

from stmtdiff.adapters.models.dictionary import key_maker, lexicon_for
from stmtdiff.adapters.models.embed import shared_encoder
from stmtdiff.core.align.pairalign import Evidence, align_pair
from stmtdiff.core.model import MethodChoice, Version
from stmtdiff.core.text.versions import version_from_sentences

METHODS = ("translation", "semantic", "lexical", "same-language")

#: Published strict F1 (and lax F1) on the test sets, vecalign-style metric, for comparison.
REFERENCES: dict[str, list[tuple[str, float, float]]] = {
    "mac": [
        ("Gale-Church", 0.491, 0.731),
        ("Hunalign + 224k dict", 0.627, 0.850),
        ("Bleualign (Google MT)", 0.680, 0.902),
        ("Vecalign (LaBSE)", 0.886, 0.995),
        ("Bertalign (LaBSE)", 0.915, 0.997),
        ("Bertalign algo + USE[sum]", 0.834, 0.991),
    ],
    "textberg": [
        ("Gale-Church", 0.686, 0.799),
        ("Hunalign, no dict", 0.751, 0.868),
        ("Bleualign (Google MT)", 0.809, 0.950),
        ("Bertalign algo + USE[sum]", 0.892, 0.974),
    ],
    "bible": [],
    "un": [
        ("Gale-Church (ru-zh/ru-en/zh-en)", 0.851, 0.919),
        ("Bertalign algo + USE[sum] ru-zh", 0.981, 0.997),
    ],
}

#: Targets from the issue, strict F1 on the test sets.
TARGETS = {
    ("mac", "translation"): 0.92,
    ("mac", "semantic"): 0.89,
    ("mac", "lexical"): 0.65,
    ("mac", "same-language"): 0.90,
}


def versions_for(doc: Doc, method: str) -> tuple[Version, Version, str] | tuple[()]:
    """(pivot, other, method for align_pair) for one document and benchmark method."""
    if method == "same-language":
        if doc.src_trans is None:
            return ()
        pivot = version_from_sentences("src", doc.src_trans, lang=doc.tgt_lang)
        other = version_from_sentences("tgt", doc.tgt, lang=doc.tgt_lang)
        return pivot, other, "auto"
    pivot = version_from_sentences("src", doc.src, lang=doc.src_lang)
    other = version_from_sentences("tgt", doc.tgt, lang=doc.tgt_lang)
    if method == "translation":
        if doc.src_trans is None:
            return ()
        pivot = replace(pivot, translations=list(doc.src_trans), translation_lang=doc.tgt_lang)
    return pivot, other, method


def evidence() -> Evidence:
    return Evidence(encoder=shared_encoder, lexicon=lexicon_for, keys=key_maker)


def run_dataset(
    docs: list[Doc], method: str, proof: Evidence, beads_dir: Path | None, parallel: bool = False
) -> tuple[Counts, float, int] | None:
    counts = Counts()
    elapsed = 0.0
    done = 0
    for doc in docs:
        chosen = versions_for(doc, method)
        if not chosen:
            continue
        pivot, other, how = chosen
        started = time.perf_counter()
        pair = align_pair(pivot, other, method=MethodChoice(how), evidence=proof, parallel=parallel)
        elapsed += time.perf_counter() - started
        beads = [(b.src, b.tgt) for b in pair.beads]
        counts.add(beads, doc.gold)
        done += 1
        if beads_dir is not None:
            folder = beads_dir / method / doc.dataset
            folder.mkdir(parents=True, exist_ok=True)
            text = "".join(format_bead(b) + "\n" for b in beads)
            (folder / f"{doc.name}.align").write_text(text)
            gold = "".join(format_bead(b) + "\n" for b in doc.gold)
            (folder / f"{doc.name}.gold").write_text(gold)
    return (counts, elapsed, done) if done else None


def grouped(split: str, datasets: list[str]) -> Iterator[tuple[str, list[Doc]]]:
    for name in datasets:
        docs = list(LOADERS[name](split))
        if name == "un":
            for sub in sorted({d.dataset for d in docs}):
                yield sub, [d for d in docs if d.dataset == sub]
        elif docs:
            yield name, docs


def cross_check(beads_dir: Path) -> None:
    """Score the written bead files with ../shared/tools/align_score.py too."""
    tool = GOLD.parent / "tools" / "align_score.py"
    if not tool.exists():
        return
    for folder in sorted(p for p in beads_dir.glob("*/*") if p.is_dir()):
        args: list[str] = []
        for test in sorted(folder.glob("*.align")):
            args += [str(test.with_suffix(".gold")), str(test)]
        out = subprocess.run(
            [sys.executable, str(tool), *args], capture_output=True, text=True, check=True
        )
        print(f"  align_score.py {folder.parent.name}/{folder.name}: {out.stdout.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--datasets", nargs="+", default=list(LOADERS), choices=LOADERS)
    parser.add_argument("-m", "--methods", nargs="+", default=list(METHODS), choices=METHODS)
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument(
        "--parallel",
        action="store_true",
        help="declare every document a translation (stmtdiff align --parallel), as the research "
        "aligners assume; by default lengths may call a document comparable text",
    )
    parser.add_argument(
        "--write-beads", type=Path, help="write each document's beads and gold into this folder"
    )
    args = parser.parse_args(argv)
    if not GOLD.is_dir():
        print(f"no gold data at {GOLD}; nothing to do")
        return 0
    proof = evidence()
    header = f"{'dataset':<12}{'method':<15}{'P':>7}{'R':>7}{'F1':>7} |{'P':>7}{'R':>7}{'F1':>7}"
    declared = ", declared parallel" if args.parallel else ""
    print(f"split: {args.split}{declared}    strict P/R/F1 | lax P/R/F1    (pooled over documents)")
    print(header + f" {'docs':>5} {'s/doc':>7}  target")
    encoder = None
    for dataset, docs in grouped(args.split, args.datasets):
        for method in args.methods:
            result = run_dataset(docs, method, proof, args.write_beads, args.parallel)
            if result is None:
                continue
            counts, elapsed, done = result
            sp, sr, sf, lp, lr, lf = counts.scores()
            target = TARGETS.get((dataset, method))
            mark = ""
            if target is not None and args.split == "test":
                mark = f"≥{target:.2f} {'met' if sf >= target else 'NOT met'}"
            print(
                f"{dataset:<12}{method:<15}{sp:7.3f}{sr:7.3f}{sf:7.3f} |{lp:7.3f}{lr:7.3f}"
                f"{lf:7.3f} {done:5d} {elapsed / done:7.2f}  {mark}",
                flush=True,
            )
        family = dataset.split("-")[0]
        for name, strict, lax in REFERENCES.get(family, []) if args.split == "test" else []:
            print(f"{'':<12}{'ref: ' + name:<36}{strict:7.3f} |{'':14}{lax:7.3f}")
    encoder = shared_encoder()
    if encoder is not None and encoder.stats.embedded:
        stats = encoder.stats
        print(
            f"encoder: embedded {stats.embedded} texts in {stats.seconds:.1f} s "
            f"({stats.embedded / max(stats.seconds, 1e-9):.0f}/s), {stats.cached} from the cache"
        )
    if args.write_beads is not None:
        cross_check(args.write_beads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
