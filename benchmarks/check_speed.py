"""Time `stmtdiff check` on a 2,000-sentence Russian source with English and Chinese translations.

The target (issue 7) is under 2 s for the whole check. Prints the in-process time of the command
(load, segment, align both translations, run every check with a glossary, render JSON) and the
wall time of a fresh `python -m stmtdiff check` process, which adds interpreter and import time.
The translations carry a few planted defects so every check has work to do.

    python benchmarks/check_speed.py [--sentences 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from stmtdiff.cli import main

# (ru, en, zh) templates; {n} is a count, {p} a percentage, {y} a year.
TEMPLATES = [
    (
        "Стороны отметили, что товарооборот в {y} году вырос на {p}%.",
        "The sides noted that trade grew by {p}% in {y}.",
        "双方指出，{y}年贸易额增长{p}%。",
    ),
    (
        "Стороны будут расширять сотрудничество в рамках Шанхайской организации сотрудничества.",
        "The sides will expand cooperation within the Shanghai Cooperation Organisation.",
        "双方将扩大在上海合作组织框架内的合作。",
    ),
    (
        "В программах обмена примут участие {n} студентов.",
        "{n} students will take part in the exchange programmes.",
        "{n}名学生将参加交流项目。",
    ),
    (
        "Стороны выступают против односторонних санкций, не одобренных Советом Безопасности ООН.",
        "The sides oppose unilateral sanctions not authorised by the UN Security Council.",
        "双方反对未经联合国安理会授权的单边制裁。",
    ),
    (
        "Стороны подтверждают приверженность принципам Устава ООН.",
        "The sides reaffirm their commitment to the principles of the UN Charter.",
        "双方重申恪守《联合国宪章》原则。",
    ),
    (
        "Стороны договорились провести {n} совместных мероприятий до {y} года.",
        "The sides agreed to hold {n} joint events by {y}.",
        "双方商定到{y}年举办{n}场联合活动。",
    ),
    (
        "Стороны поддерживают расширение БРИКС и укрепление его роли.",
        "The sides support the expansion of BRICS and a stronger role for it.",
        "双方支持金砖国家扩员并加强其作用。",
    ),
    (
        "Доля расчётов в национальных валютах превысила {p}%.",
        "The share of settlements in national currencies exceeded {p}%.",
        "本币结算占比超过{p}%。",
    ),
]

GLOSSARY = """\
[[term]]
ru = "Шанхайская организация сотрудничества"
en = "Shanghai Cooperation Organisation"
zh = "上海合作组织"

[[term]]
ru = "Совет Безопасности ООН"
en = "UN Security Council"
zh = "联合国安理会"

[[term]]
ru = "БРИКС"
en = "BRICS"
zh = "金砖国家"
"""


#: What make_statement(2000) plants: 4 wrong numbers in English, 4 sentences dropped from each.
PLANTED = "numbers 4, missing 8"


def make_statement(sentences: int, seed: int = 11) -> tuple[str, str, str]:
    """Source and translations in numbered paragraphs of four sentences, defects planted."""
    rng = random.Random(seed)
    paragraphs: tuple[list[str], list[str], list[str]] = ([], [], [])
    for start in range(0, sentences, 4):
        texts: tuple[list[str], list[str], list[str]] = ([], [], [])
        for k in range(start, min(start + 4, sentences)):
            values = {
                "n": rng.randint(20, 9000),
                "p": rng.randint(5, 95),
                "y": rng.randint(2025, 2040),
            }
            planted = k % 500 == 250  # a wrong percentage in English
            template = TEMPLATES[0] if planted else rng.choice(TEMPLATES)
            ru, en, zh = (t.format(**values) for t in template)
            if planted:
                en = en.replace(f"{values['p']}%", f"{values['p'] + 1}%")
            texts[0].append(ru)
            if k % 500 == 400:
                continue  # a sentence dropped from both translations
            texts[1].append(en)
            texts[2].append(zh)
        number = start // 4 + 1
        paragraphs[0].append(f"{number}. " + " ".join(texts[0]))
        paragraphs[1].append(f"{number}. " + " ".join(texts[1]))
        paragraphs[2].append(f"{number}. " + "".join(texts[2]))
    return tuple("\n\n".join(p) + "\n" for p in paragraphs)  # type: ignore[return-value]


def run_once() -> tuple[float, int]:
    args = ["check", "ru.txt", "en.txt", "zh.txt", "--glossary", "glossary.toml"]
    args += ["--format", "json", "-o", "report.json"]
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return time.perf_counter() - started, code


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = make_statement(options.sentences)
        for name, text in zip(("ru.txt", "en.txt", "zh.txt"), texts, strict=True):
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
        os.chdir(folder)
        times = []
        for _ in range(options.runs):
            seconds, code = run_once()
            times.append(seconds)
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "stmtdiff",
                "check",
                "ru.txt",
                "en.txt",
                "zh.txt",
                "--glossary",
                "glossary.toml",
                "--format",
                "json",
                "-o",
                "fresh.json",
            ],
            check=False,
            capture_output=True,
        )
        fresh = time.perf_counter() - started
    checks = data["checks"]
    print(f"source sentences: {checks[0]['source_sentences']}, translations: {len(checks)}")
    for check in checks:
        method, confidence = check["method"], check["confidence"]
        print(f"  {check['translation']}: aligned by {method}, confidence {confidence}")
    rules = Counter(f["rule"] for f in data["findings"])
    print(f"findings: {dict(sorted(rules.items()))} (exit {code}; planted: {PLANTED})")
    print(f"in-process check: best {min(times):.2f} s, worst {max(times):.2f} s of {options.runs}")
    print(f"fresh process (python -m stmtdiff check): {fresh:.2f} s")


if __name__ == "__main__":
    main_benchmark()
