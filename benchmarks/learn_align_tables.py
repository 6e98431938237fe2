"""Learn the cross-language aligner's tables from DEV data only, and write them into the package.

- ``stmtdiff/core/align/lengthtable.py``: Gale–Church length ratio and variance per language
  pair, measured on the 1-1 gold beads of MAC-Dev (zh-en), Text+Berg dev (de-fr) and the dev half
  of the UN test set (ru, zh, en; see benchmarks/aligndata.py for the split).
- ``stmtdiff/data/lexicon-{ru-en,ru-zh,zh-en}.tsv``: word pairs that co-occur in the UN dev
  sentence pairs far more than chance (Dice coefficient over lexicon keys), the best few per
  word. The test half of the UN set and every other test set are never read.

Run: python benchmarks/learn_align_tables.py
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from aligndata import ROOT, Doc, mac, textberg, un_documents

from stmtdiff.adapters.models.dictionary import key_maker

#: A pair must co-occur in this many sentence pairs, with at least this Dice coefficient.
MIN_PAIRS = 3
MIN_DICE = 0.3
#: Translations kept per word.
PER_WORD = 3


def length_stats(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, int]:
    """(ratio, variance per source character, number of pairs) of parallel sentence pairs."""
    lengths = [(len(a), len(b)) for a, b in pairs if a and b]
    ratio = sum(b for _, b in lengths) / sum(a for a, _ in lengths)
    variance = sum((b - ratio * a) ** 2 / a for a, b in lengths) / len(lengths)
    return ratio, variance, len(lengths)


def gold_pairs(docs: Iterable[Doc]) -> list[tuple[str, str]]:
    pairs = []
    for doc in docs:
        for src, tgt in doc.gold:
            if len(src) == 1 and len(tgt) == 1:
                pairs.append((doc.src[src[0]], doc.tgt[tgt[0]]))
    return pairs


def dice_lexicon(
    pairs: list[tuple[str, str]], src_lang: str, tgt_lang: str
) -> list[tuple[str, str, float, int]]:
    src_keys, tgt_keys = key_maker(src_lang), key_maker(tgt_lang)
    count_a: Counter[str] = Counter()
    count_b: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for a_text, b_text in pairs:
        a_set = set(src_keys.keys(a_text))
        b_set = set(tgt_keys.keys(b_text))
        count_a.update(a_set)
        count_b.update(b_set)
        joint.update((a, b) for a in a_set for b in b_set)
    best: dict[str, list[tuple[float, str, int]]] = {}
    for (a, b), together in joint.items():
        if together < MIN_PAIRS or a == b or a[0].isdigit() or b[0].isdigit():
            continue
        dice = 2 * together / (count_a[a] + count_b[b])
        if dice >= MIN_DICE:
            best.setdefault(a, []).append((dice, b, together))
    rows = []
    for a, options in sorted(best.items()):
        for dice, b, together in sorted(options, reverse=True)[:PER_WORD]:
            rows.append((a, b, round(dice, 3), together))
    return rows


def main() -> None:
    un_dev = un_documents("dev")
    sentence_pairs = {
        ("zh", "en"): gold_pairs(mac("dev")),
        ("de", "fr"): gold_pairs(textberg("dev")),
    }
    for a, b in (("ru", "en"), ("zh", "en"), ("ru", "zh")):
        pairs = [p for doc in un_dev for p in zip(doc[a], doc[b], strict=True)]
        sentence_pairs.setdefault((a, b), [])
        if (a, b) == ("zh", "en"):
            sentence_pairs[("zh", "en")] += pairs
        else:
            sentence_pairs[(a, b)] = pairs
    lines = [
        '"""Length ratio and variance per language pair (written by '
        'benchmarks/learn_align_tables.py)."""',
        "",
        "#: (source, target) -> (target characters per source character, variance per source",
        "#: character), measured on dev data: MAC-Dev, Text+Berg dev, UN dev half.",
        "LENGTHS: dict[tuple[str, str], tuple[float, float]] = {",
    ]
    for (a, b), pairs in sorted(sentence_pairs.items()):
        ratio, variance, count = length_stats(pairs)
        back_ratio, back_variance, _ = length_stats([(y, x) for x, y in pairs])
        lines.append(f'    ("{a}", "{b}"): ({ratio:.4f}, {variance:.3f}),  # {count} pairs')
        lines.append(f'    ("{b}", "{a}"): ({back_ratio:.4f}, {back_variance:.3f}),')
    lines.append("}")
    (ROOT / "stmtdiff" / "core" / "align" / "lengthtable.py").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )
    data = ROOT / "stmtdiff" / "data"
    data.mkdir(exist_ok=True)
    for a, b in (("ru", "en"), ("ru", "zh"), ("zh", "en")):
        pairs = [p for doc in un_dev for p in zip(doc[a], doc[b], strict=True)]
        rows = dice_lexicon(pairs, a, b)
        header = (
            f"# {a}\t{b}\tdice\tpairs — learned by benchmarks/learn_align_tables.py from "
            f"{len(pairs)} sentence pairs of the UN Parallel Corpus v1.0 test set (dev half; "
            "Ziemski et al. 2016)\n"
        )
        body = "".join(f"{x}\t{y}\t{d}\t{n}\n" for x, y, d, n in rows)
        (data / f"lexicon-{a}-{b}.tsv").write_text(header + body, encoding="utf-8")
        print(f"{a}-{b}: {len(rows)} word pairs from {len(pairs)} sentence pairs")
    print("lengths:", *lines[5:-1], sep="\n")


if __name__ == "__main__":
    main()
