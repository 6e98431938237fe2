"""Time `stmtdiff check` on a 2,000-sentence Russian source with English and Chinese translations.

Prints the wall time of a fresh `python -m stmtdiff check` process with every cache folder empty
(issue 18's target: at most 60 s), then with the caches warm, then the in-process time of the
command (load, segment, align both translations, run every check with a glossary, render JSON):
medians of ``--runs``, each run beside the machine's load (the machine is shared; a figure
measured at load 4 is not one measured quiet).
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
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from stmtdiff.frontends.cli.main import main

# Sentences are subject + verb + object, each a (ru, en, zh) triple: 5 x 5 x 8 combinations with
# varying numbers, so that, as in a real statement, few sentences repeat. {n} is a count, {p} a
# percentage, {y} a year, {b} billions of dollars ({b10}: the same in units of 亿).
SUBJECTS = [
    ("Стороны", "The sides", "双方"),
    ("Россия и Китай", "Russia and China", "中俄两国"),
    ("Главы государств", "The heads of state", "两国元首"),
    ("Министры иностранных дел", "The foreign ministers", "两国外长"),
    ("Деловые круги двух стран", "The business communities of the two countries", "两国工商界"),
]
VERBS = [
    ("поддерживают", "support", "支持"),
    ("приветствуют", "welcome", "欢迎"),
    ("высоко оценивают", "highly appreciate", "高度评价"),
    ("выступают за", "stand for", "主张"),
    ("отмечают", "note", "注意到"),
]
OBJECTS = [
    (
        "рост товарооборота на {p}% в {y} году",
        "the {p}% growth of trade in {y}",
        "{y}年贸易额增长{p}%",
    ),
    (
        "расширение Шанхайской организации сотрудничества",
        "the expansion of the Shanghai Cooperation Organisation",
        "上海合作组织扩员",
    ),
    ("проведение {n} совместных мероприятий", "holding {n} joint events", "举办{n}场联合活动"),
    ("сотрудничество в Арктике", "cooperation in the Arctic", "北极合作"),
    ("обмен {n} студентами к {y} году", "exchanging {n} students by {y}", "到{y}年交流{n}名学生"),
    ("укрепление роли БРИКС", "a stronger role for BRICS", "加强金砖国家作用"),
    (
        "реформу Совета Безопасности ООН",
        "the reform of the UN Security Council",
        "联合国安理会改革",
    ),
    (
        "инвестиции в размере {b} млрд долларов",
        "investment of {b} billion dollars",
        "{b10}亿美元投资",
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
                "b": rng.randint(2, 90),
            }
            values["b10"] = values["b"] * 10
            planted = k % 500 == 250  # a wrong percentage in English
            subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
            thing = OBJECTS[0] if planted else rng.choice(OBJECTS)
            ru, en = (f"{subject[i]} {verb[i]} {thing[i]}.".format(**values) for i in (0, 1))
            zh = f"{subject[2]}{verb[2]}{thing[2]}。".format(**values)
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


def load() -> str:
    """The machine's 1-minute load: other work on a shared machine slows every figure."""
    return f"load {os.getloadavg()[0]:.1f}"


def run_once(method: str) -> tuple[float, int]:
    args = ["check", "ru.txt", "en.txt", "zh.txt", "--glossary", "glossary.toml"]
    args += ["--method", method, "--format", "json", "-o", "report.json"]
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return time.perf_counter() - started, code


def run_fresh(method: str, env: dict[str, str]) -> float:
    """Wall time of a new ``python -m stmtdiff check`` process."""
    command = [sys.executable, "-m", "stmtdiff", "check", "ru.txt", "en.txt", "zh.txt"]
    command += ["--glossary", "glossary.toml", "--method", method]
    command += ["--format", "json", "-o", "fresh.json"]
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, env=env)
    return time.perf_counter() - started


def report(label: str, times: list[float], loads: list[str]) -> None:
    each = ", ".join(f"{t:.2f} s ({w})" for t, w in zip(times, loads, strict=True))
    print(f"{label}: median {statistics.median(times):.2f} s of {len(times)}: {each}")


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--method", default="auto", help="alignment method (default: auto)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = make_statement(options.sentences)
        for name, text in zip(("ru.txt", "en.txt", "zh.txt"), texts, strict=True):
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
        os.chdir(folder)
        # Every cache (embeddings, CC-CEDICT, translations) in a folder that starts empty.
        os.environ.update(STMTDIFF_MODEL_CACHE=f"{tmp}/cache/models", XDG_CACHE_HOME=f"{tmp}/cache")
        env = dict(os.environ)
        cold = run_fresh(options.method, env)
        cold_load = load()
        fresh, fresh_loads = [], []
        for _ in range(options.runs):
            fresh.append(run_fresh(options.method, env))
            fresh_loads.append(load())
        times, loads = [], []
        for _ in range(options.runs):
            seconds, code = run_once(options.method)
            times.append(seconds)
            loads.append(load())
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    checks = data["checks"]
    print(f"source sentences: {checks[0]['source_sentences']}, translations: {len(checks)}")
    for check in checks:
        method, confidence = check["method"], check["confidence"]
        print(f"  {check['translation']}: aligned by {method}, confidence {confidence}")
    rules = Counter(f["rule"] for f in data["findings"])
    print(f"findings: {dict(sorted(rules.items()))} (exit {code}; planted: {PLANTED})")
    print(f"fresh process, empty cache folder: {cold:.2f} s ({cold_load})")
    report("fresh process, warm cache", fresh, fresh_loads)
    report("in-process check, warm cache", times, loads)


if __name__ == "__main__":
    main_benchmark()
