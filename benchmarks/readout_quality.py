"""How well stmtdiff matches the facts of two accounts of one event (``--readouts``).

(a) The real Kremlin/Xinhua pair of the 24 Feb 2025 phone call in ../shared/corpus, against
links made by hand (benchmarks/gold/phone-call-2025-02-24.links, written before the tool ran
on the pair). (b) Accounts built from the dev sets (MAC-Dev zh/en, Text+Berg dev, UN dev): each
document is cut into pieces of ``PIECE`` gold beads; each side independently drops about 20% of
the facts (gold beads), and about 15% of the other side's facts move elsewhere; the gold links
follow from the construction (seeded).

Printed per set and pooled: link precision, recall and F1, strict (exact groups) and lax (some
shared pair), and one-side-only precision, recall and F1 (sentences reported without a
counterpart, against the truth). Usage: ``python benchmarks/readout_quality.py [--split dev]``.

Dev figures (history and what was tried: docs/alignment.md): real call link strict F1 0.167,
lax 0.833, one-side-only 0.750; constructed, pooled, strict 0.777, lax 0.932, one-side-only
0.746 (MAC-Dev 0.634 / 0.869 / 0.601, Text+Berg 0.736 / 0.975 / 0.799, UN 0.948 / 0.982 / 0.912).
Held out (``--split test``: the same construction from MAC-Test, Text+Berg test and UN test,
measured once, nothing tuned on it): pooled 0.855 / 0.946 / 0.809 (MAC-Test 0.838 / 0.944 /
0.759, Text+Berg test 0.777 / 0.916 / 0.740, UN test 0.945 / 0.975 / 0.919).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aligndata import LOADERS, Doc
from alignmetric import Bead, Counts

from stmtdiff.adapters.ingest import load_document
from stmtdiff.adapters.models.langprofiles import install
from stmtdiff.adapters.offline import offline_evidence
from stmtdiff.core.align.pairalign import Evidence, account_links
from stmtdiff.core.align.readouts import MatchParams
from stmtdiff.core.text.scripts import BaseLang, base_language
from stmtdiff.core.text.versions import make_version

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_LINKS = Path(__file__).resolve().parent / "gold"
#: Gold beads per constructed account: readouts run to a few dozen sentences.
PIECE = 30
#: Share of facts each side drops, and share of the other side's facts moved.
DROP = 0.2
MOVE = 0.15
#: Pieces per set at most (keeps a run to a few minutes on two cores).
MAX_PIECES = 40


@dataclass
class Score:
    links: Counts = field(default_factory=Counts)
    alone_hit: int = 0
    alone_pred: int = 0
    alone_gold: int = 0

    def add(self, pred: Sequence[Bead], gold: Sequence[Bead], sizes: tuple[int, int]) -> None:
        self.links.add(pred, gold)
        truth = _alone(gold, sizes)
        found = _alone(pred, sizes)
        self.alone_hit += len(truth & found)
        self.alone_pred += len(found)
        self.alone_gold += len(truth)

    def merge(self, other: Score) -> None:
        for name in ("p_strict", "p_lax", "p_total", "r_strict", "r_lax", "r_total"):
            setattr(self.links, name, getattr(self.links, name) + getattr(other.links, name))
        self.alone_hit += other.alone_hit
        self.alone_pred += other.alone_pred
        self.alone_gold += other.alone_gold

    def line(self, name: str) -> str:
        sp, sr, sf, lp, lr, lf = self.links.scores()
        ap = self.alone_hit / self.alone_pred if self.alone_pred else 0.0
        ar = self.alone_hit / self.alone_gold if self.alone_gold else 0.0
        af = 2 * ap * ar / (ap + ar) if ap + ar else 0.0
        return (
            f"{name:<16} links strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | "
            f"lax P {lp:.3f} R {lr:.3f} F1 {lf:.3f} | "
            f"one-side-only P {ap:.3f} R {ar:.3f} F1 {af:.3f} "
            f"(gold links {self.links.r_total}, alone {self.alone_gold})"
        )


def _alone(links: Iterable[Bead], sizes: tuple[int, int]) -> set[tuple[int, int]]:
    linked = {(0, i) for src, tgt in links if src and tgt for i in src}
    linked |= {(1, j) for src, tgt in links if src and tgt for j in tgt}
    every = {(0, i) for i in range(sizes[0])} | {(1, j) for j in range(sizes[1])}
    return every - linked


def groups(pairs: Iterable[tuple[int, int]]) -> list[Bead]:
    """Connected groups of linked (pivot, other) sentence pairs."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    pairs = list(pairs)
    for i, j in pairs:
        parent[find((0, i))] = find((1, j))
    out: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for i, j in pairs:
        src, tgt = out.setdefault(find((0, i)), (set(), set()))
        src.add(i)
        tgt.add(j)
    return sorted((tuple(sorted(s)), tuple(sorted(t))) for s, t in out.values())


def construct(doc: Doc, rng: random.Random) -> Iterable[tuple[list[str], list[str], list[Bead]]]:
    """Accounts built from a document's pieces, with their gold links."""
    beads = doc.gold
    for start in range(0, len(beads), PIECE):
        piece = beads[start : start + PIECE]
        src: list[str] = []
        units: list[tuple[list[str], int | None]] = []  # other side's facts, with pivot link
        gold_src: dict[int, list[int]] = {}
        for k, (bs, bt) in enumerate(piece):
            keep_src = bool(bs) and rng.random() >= DROP
            keep_tgt = bool(bt) and rng.random() >= DROP
            if keep_src:
                gold_src[k] = list(range(len(src), len(src) + len(bs)))
                src.extend(doc.src[i] for i in bs)
            if keep_tgt:
                units.append(([doc.tgt[j] for j in bt], k))
        moved = [u for u in units if rng.random() < MOVE]
        for unit in moved:
            units.remove(unit)
            units.insert(rng.randrange(len(units) + 1), unit)
        tgt: list[str] = []
        gold: list[Bead] = []
        for texts, fact in units:
            ids = tuple(range(len(tgt), len(tgt) + len(texts)))
            tgt.extend(texts)
            if fact is not None and fact in gold_src:
                gold.append((tuple(gold_src[fact]), ids))
        if src and tgt:
            yield src, tgt, gold


@dataclass
class Account:
    """Two accounts of one event with their gold links (``name``: the set it comes from)."""

    name: str
    src: list[str]
    tgt: list[str]
    src_lang: BaseLang
    tgt_lang: BaseLang
    gold: list[Bead]


def accounts(split: str) -> Iterator[Account]:
    """The constructed accounts of a split's sets, at most ``MAX_PIECES`` per set (seeded)."""
    for name in ("mac", "textberg", "un"):
        rng = random.Random(f"readouts-{split}-{name}")
        count = 0
        for doc in LOADERS[name](split):
            for src, tgt, gold in construct(doc, rng):
                if count >= MAX_PIECES:
                    break
                count += 1
                yield Account(
                    name, src, tgt, base_language(doc.src_lang), base_language(doc.tgt_lang), gold
                )


def constructed(split: str, evidence: Evidence, params: MatchParams) -> dict[str, Score]:
    results: dict[str, Score] = {}
    for item in accounts(split):
        pred = account_links(item.src, item.tgt, item.src_lang, item.tgt_lang, evidence, params)
        results.setdefault(item.name, Score()).add(
            [(x.pivot, x.other) for x in pred], item.gold, (len(item.src), len(item.tgt))
        )
    return results


def read_gold(path: Path) -> tuple[dict[str, tuple[str, int, int]], list[tuple[str, str]]]:
    """Units (id -> side, start, end) and links (unit, unit) of a hand-made .links file."""
    units: dict[str, tuple[str, int, int]] = {}
    links: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        if line[0] == "unit":
            units[line[2]] = (line[1], int(line[3]), int(line[4]))
        elif line[0] == "link":
            links.append((line[1], line[2]))
    return units, links


def _unit_of(start: int, end: int, side: str, units: dict[str, tuple[str, int, int]]) -> str:
    best = max(
        (u for u, (s, _, _) in units.items() if s == side),
        key=lambda u: min(end, units[u][2]) - max(start, units[u][1]),
    )
    return best


def real_call() -> Account | None:
    """The real call of 24 Feb 2025 (Kremlin pivot, Xinhua other) with the hand-made links;
    None when ../shared/corpus is absent."""
    folder = CORPUS / "cn-ru-2025-02-24-phone-call"
    gold_file = GOLD_LINKS / "phone-call-2025-02-24.links"
    if not folder.is_dir():
        return None
    units, gold_links = read_gold(gold_file)
    versions = []
    for name in ("ru-kremlin.txt", "zh-xinhua-via-cctv-xwlb.txt"):
        document = load_document(str(folder / name))
        versions.append(make_version(name, document.text))
    ru, zh = versions
    # Each tool sentence stands for the hand-made unit it overlaps most; gold links between
    # units become links between the tool's sentences.
    ru_unit = [_unit_of(s.start, s.end, "ru", units) for s in ru.sentences]
    zh_unit = [_unit_of(s.start, s.end, "zh", units) for s in zh.sentences]
    pairs = [
        (i, j)
        for a, b in gold_links
        for i, u in enumerate(ru_unit)
        if u == a
        for j, v in enumerate(zh_unit)
        if v == b
    ]
    return Account(
        "phone-call",
        [s.text for s in ru.sentences],
        [s.text for s in zh.sentences],
        ru.base_lang,
        zh.base_lang,
        groups(pairs),
    )


def real_pair(evidence: Evidence, params: MatchParams) -> Score | None:
    call = real_call()
    if call is None:
        return None
    pred = account_links(call.src, call.tgt, call.src_lang, call.tgt_lang, evidence, params)
    score = Score()
    score.add([(x.pivot, x.other) for x in pred], call.gold, (len(call.src), len(call.tgt)))
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--skip-real", action="store_true", help="constructed accounts only")
    args = parser.parse_args(argv)
    install()  # the readouts' languages are detected, as the command line does
    evidence = offline_evidence()
    params = MatchParams()
    pooled = Score()
    if not args.skip_real:
        real = real_pair(evidence, params)
        if real is None:
            print("real pair: ../shared/corpus absent, skipped")
        else:
            print(real.line("phone-call"))
    for name, score in constructed(args.split, evidence, params).items():
        print(score.line(name))
        pooled.merge(score)
    print(pooled.line("constructed"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
