"""Gold alignment sets from ../shared/aligngold as documents, plus synthetic UN documents.

Each loader yields ``Doc``s; a missing dataset yields nothing. ``split`` is "dev" or "test":
tuning uses dev only, and the reported figures are test. The UN test set has no split of its
own, so its documents are split by document symbol (a stable hash), and the synthetic documents
built from each half are perturbed with a fixed seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "aligngold"

Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Doc:
    dataset: str
    name: str
    src: list[str]
    tgt: list[str]
    src_lang: str
    tgt_lang: str
    gold: list[Bead]
    #: Machine translation of ``src`` into ``tgt_lang``, line by line (when recorded).
    src_trans: list[str] | None = None


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def parse_beads(text: str) -> list[Bead]:
    beads: list[Bead] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        left, right = line.split(":")[:2]
        src = tuple(int(x) for x in left.strip("[] ").split(",") if x.strip())
        tgt = tuple(int(x) for x in right.strip("[] ").split(",") if x.strip())
        if src or tgt:
            beads.append((src, tgt))
    return beads


def format_bead(bead: Bead) -> str:
    return f"[{','.join(map(str, bead[0]))}]:[{','.join(map(str, bead[1]))}]"


def mac(split: str) -> Iterator[Doc]:
    if split == "dev":
        base = GOLD / "mac-dev-zh-en" / "data" / "mac" / "dev"
        if not base.is_dir():
            return
        for gold in sorted((base / "gold").glob("*.align")):
            name = gold.stem
            yield Doc(
                "mac",
                name,
                read_lines(base / "zh" / name),
                read_lines(base / "en" / name),
                "zh",
                "en",
                parse_beads(gold.read_text()),
                read_lines(base / "zh" / f"{name}.trans"),
            )
        return
    base = GOLD / "mac-test-zh-en"
    if not base.is_dir():
        return
    text = base / "corpus" / "mac" / "test" / "split"
    for gold in sorted((base / "eval" / "mac" / "test" / "gold").glob("*.align")):
        name = gold.stem
        yield Doc(
            "mac",
            name,
            read_lines(text / f"{name}.zh"),
            read_lines(text / f"{name}.en"),
            "zh",
            "en",
            parse_beads(gold.read_text()),
            read_lines(text / f"{name}.trans"),
        )


#: Article lengths of eval1989 (= test0..test6), for splitting the Google MT file.
_TEXTBERG_TEST_LINES = (137, 293, 95, 107, 36, 126, 197)


def textberg(split: str) -> Iterator[Doc]:
    base = GOLD / "textberg-de-fr" / "bleualign_data"
    if not base.is_dir():
        return
    mt_dir = GOLD / "textberg-de-fr" / "bleualign_eval" / "eval"
    names = ["dev"] if split == "dev" else [f"test{k}" for k in range(7)]
    mt_parts: list[list[str]] = []
    mt_file = mt_dir / ("eval1957.google.fr" if split == "dev" else "eval1989.google.fr")
    if mt_file.exists():
        lines = read_lines(mt_file)
        if split == "dev":
            mt_parts = [lines]
        else:
            start = 0
            for count in _TEXTBERG_TEST_LINES:
                mt_parts.append(lines[start : start + count])
                start += count + 1
    for index, name in enumerate(names):
        src = read_lines(base / f"{name}.de")
        trans = mt_parts[index] if index < len(mt_parts) else None
        if trans is not None and len(trans) != len(src):
            trans = None
        yield Doc(
            "textberg",
            name,
            src,
            read_lines(base / f"{name}.fr"),
            "de",
            "fr",
            parse_beads((base / f"{name}.defr").read_text()),
            trans,
        )


def bible(split: str) -> Iterator[Doc]:
    base = GOLD / "bible-en-zh" / "data" / "bible"
    if split != "test" or not base.is_dir():
        return
    yield Doc(
        "bible",
        "001",
        read_lines(base / "en" / "001"),
        read_lines(base / "zh" / "001"),
        "en",
        "zh",
        parse_beads((base / "gold" / "001.align").read_text()),
        [line.replace(" ", "") for line in read_lines(base / "en" / "001.trans")],
    )


UN_DIR = GOLD / "unpc-v1.0-testset-ru-zh-en" / "testsets" / "testset"
UN_PAIRS = (("ru", "en"), ("zh", "en"), ("ru", "zh"))
#: Lines per synthetic document (before perturbation).
UN_DOC_LINES = 60


def un_documents(split: str) -> list[dict[str, list[str]]]:
    """Runs of UN lines from the same source documents, in document order, per language.

    A source document symbol belongs to dev when the first byte of its hash is even.
    """
    if not UN_DIR.is_dir():
        return []
    langs = {lang: read_lines(UN_DIR / f"UNv1.0.testset.{lang}") for lang in ("ru", "zh", "en")}
    ids = read_lines(UN_DIR / "UNv1.0.testset.ids")
    order: list[tuple[str, int, int, int]] = []
    for index, line in enumerate(ids):
        fields = line.split()
        symbol = fields[0]
        en = next(f for f in fields if f.startswith("en:")).split(":")
        order.append((symbol, int(en[1]), int(en[2]), index))
    order.sort()
    wanted = 0 if split == "dev" else 1
    chosen = [
        index
        for symbol, _, _, index in order
        if hashlib.sha256(symbol.encode()).digest()[0] % 2 == wanted
    ]
    docs = []
    for start in range(0, len(chosen) - UN_DOC_LINES + 1, UN_DOC_LINES):
        part = chosen[start : start + UN_DOC_LINES]
        docs.append({lang: [lines[i] for i in part] for lang, lines in langs.items()})
    return docs


def perturb(
    src: list[str],
    tgt: list[str],
    langs: tuple[str, str],
    rng: random.Random,
    spare: list[str],
) -> tuple[list[str], list[str], list[Bead]]:
    """Drop, insert and merge lines of a 1-1 parallel pair so 1-0, 0-1, 2-1 and 1-2 occur.

    Per source line: 5% lose their target (1-0), 8% are joined by the next line in the target
    only (2-1), 8% in the source only (1-2); after any line, 5% get an unrelated target line
    from another document inserted (0-1).
    """
    src_joiner, tgt_joiner = ("" if lang == "zh" else " " for lang in langs)
    out_src: list[str] = []
    out_tgt: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < len(src):
        roll = rng.random()
        a, b = len(out_src), len(out_tgt)
        if roll < 0.05:
            gold.append(((a,), ()))
            out_src.append(src[i])
            i += 1
        elif roll < 0.13 and i + 1 < len(src):
            gold.append(((a, a + 1), (b,)))
            out_src.extend([src[i], src[i + 1]])
            out_tgt.append(tgt[i] + tgt_joiner + tgt[i + 1])
            i += 2
        elif roll < 0.21 and i + 1 < len(src):
            gold.append(((a,), (b, b + 1)))
            out_src.append(src[i] + src_joiner + src[i + 1])
            out_tgt.extend([tgt[i], tgt[i + 1]])
            i += 2
        else:
            gold.append(((a,), (b,)))
            out_src.append(src[i])
            out_tgt.append(tgt[i])
            i += 1
        if rng.random() < 0.05 and spare:
            gold.append(((), (len(out_tgt),)))
            out_tgt.append(rng.choice(spare))
    return out_src, out_tgt, gold


def un(split: str, pairs: tuple[tuple[str, str], ...] = UN_PAIRS) -> Iterator[Doc]:
    docs = un_documents(split)
    for src_lang, tgt_lang in pairs:
        rng = random.Random(f"{split}-{src_lang}-{tgt_lang}")
        spare = [line for doc in docs for line in doc[tgt_lang]]
        for index, doc in enumerate(docs):
            src, tgt, gold = perturb(doc[src_lang], doc[tgt_lang], (src_lang, tgt_lang), rng, spare)
            yield Doc(
                f"un-{src_lang}-{tgt_lang}", f"{index:03d}", src, tgt, src_lang, tgt_lang, gold
            )


LOADERS = {"mac": mac, "textberg": textberg, "bible": bible, "un": un}
