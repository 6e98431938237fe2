"""A small translation repository for the check tests: a Russian source, English and Chinese
translations and a glossary, written for these tests (fictional text).

Paragraphs (and the title) are numbered and carry numbers and dates, so any aligner pairs them
the same way.
Each paragraph is one line, as in the files a translation team commits: the line and column
numbers the tests expect depend on that layout.
"""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

RU = """\
Совместное заявление Российской Федерации и Китайской Народной Республики об углублении партнёрства в связи с 75-летием установления дипломатических отношений

1. По приглашению Председателя КНР Президент Российской Федерации посетил Пекин 16 мая 2024 г.

2. Стороны с удовлетворением отметили, что товарооборот между двумя странами в 2023 году достиг 240,1 млрд долларов США. Доля расчётов в национальных валютах превысила 95%.

3. Стороны будут углублять сотрудничество в рамках Шанхайской организации сотрудничества. Они поддерживают расширение БРИКС, в который 1 января 2024 года вошли новые государства.

4. Стороны договорились довести число студентов, обучающихся по программам обмена, до 2 401 человека к 2026 году.

5. В 2025 году стороны совместно отметят 80-летие Победы во Второй мировой войне.

6. Стороны подтверждают приверженность целям и принципам Устава Организации Объединённых Наций.

7. Стороны выступают против односторонних санкций, не одобренных Советом Безопасности ООН. Такие меры подрывают нормальную торговлю.

8. Следующая встреча глав государств состоится в Москве в 2025 году.
"""

EN = """\
Joint Statement of the Russian Federation and the People's Republic of China on Deepening Partnership on the 75th Anniversary of Diplomatic Relations

1. At the invitation of the President of the PRC, the President of the Russian Federation visited Beijing on 16 May 2024.

2. The sides noted with satisfaction that trade between the two countries reached $240.1 billion in 2023. The share of settlements in national currencies exceeded 95%.

3. The sides will deepen cooperation within the Shanghai Cooperation Organisation. They support the expansion of BRICS, which new states joined on 1 January 2024.

4. The sides agreed to bring the number of exchange students to 2,401 by 2026.

5. In 2025 the sides will jointly celebrate the 80th anniversary of the Victory in the Second World War.

6. The sides reaffirm their commitment to the purposes and principles of the Charter of the United Nations.

7. The sides oppose unilateral sanctions not authorised by the UN Security Council. Such measures undermine normal trade.

8. The next meeting of the heads of state will take place in Moscow in 2025.
"""

ZH = """\
中华人民共和国和俄罗斯联邦关于建交75周年之际深化伙伴关系的联合声明

1. 应中华人民共和国主席邀请，俄罗斯联邦总统于2024年5月16日访问北京。

2. 双方满意地指出，2023年两国贸易额达到2401亿美元。本币结算占比超过95%。

3. 双方将深化在上海合作组织框架内的合作。双方支持金砖国家扩员，新成员国已于2024年1月1日加入。

4. 双方商定，到2026年将交流学生人数增至2401人。

5. 2025年双方将共同庆祝第二次世界大战胜利80周年。

6. 双方重申恪守《联合国宪章》宗旨和原则。

7. 双方反对未经联合国安理会授权的单边制裁。此类措施破坏正常贸易。

8. 下一次元首会晤将于2025年在莫斯科举行。
"""

GLOSSARY = """\
[[term]]
ru = "Шанхайская организация сотрудничества"
en = ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"]
zh = "上海合作组织"

[[term]]
ru = "Совет Безопасности ООН"
en = "UN Security Council"
zh = "联合国安理会"

[[term]]
ru = "БРИКС"
en = "BRICS"
zh = "金砖国家"

[[term]]
ru = "Устав Организации Объединённых Наций"
en = "Charter of the United Nations"
zh = "联合国宪章"
"""

CONFIG = """\
[[check]]
source = "statement/ru.txt"
translations = ["statement/en.txt", { path = "statement/zh.txt", lang = "zh" }]
glossary = "glossary.toml"
lock = "stmtdiff.lock.json"
"""


def write_repo(root: Path, *, ru: str = RU, en: str = EN, zh: str = ZH) -> Path:
    """Lay the repository out under ``root``: statement/{ru,en,zh}.txt, glossary, config."""
    statement = root / "statement"
    statement.mkdir(parents=True, exist_ok=True)
    for name, text in (("ru.txt", ru), ("en.txt", en), ("zh.txt", zh)):
        (statement / name).write_text(text, encoding="utf-8")
    (root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    (root / "stmtdiff.toml").write_text(CONFIG, encoding="utf-8")
    return root


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Change one passage of statement/NAME; the passage must be there exactly once."""
    path = root / "statement" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")
