"""Chinese segmentation: the hard cases of Xinhua readouts and joint statements, exact sentences.

Policy: a sentence ends at 。！？ (and their half-width forms), together with any closing quotes
or brackets after them; the full-width semicolon ； does not end a sentence, because the English
and Russian versions render it as ";" or ",", and sentence aligners expect clause-level units.
"""

from __future__ import annotations

import pytest

from stmtdiff.core.text.segment import segment

CASES = [
    pytest.param(
        "习近平指出，今年是中俄建交75周年。75年来，中俄关系历经风雨。",
        ["习近平指出，今年是中俄建交75周年。", "75年来，中俄关系历经风雨。"],
        id="full-stop-before-digits",
    ),
    pytest.param(
        "祝中俄友谊万古长青！两国元首共同出席音乐会。",
        ["祝中俄友谊万古长青！", "两国元首共同出席音乐会。"],
        id="exclamation",
    ),
    pytest.param(
        "中俄合作的前景如何？双方对此充满信心。",
        ["中俄合作的前景如何？", "双方对此充满信心。"],
        id="question",
    ),
    pytest.param(
        "难道这不是双赢吗？！双方都这样认为。",
        ["难道这不是双赢吗？！", "双方都这样认为。"],
        id="question-exclamation-run",
    ),
    pytest.param(
        "双方合作前景如何?答案是肯定的。",
        ["双方合作前景如何?", "答案是肯定的。"],
        id="half-width-question-mark",
    ),
    pytest.param(
        "双方要深化经贸合作；要扩大人文交流；要加强国际协作。",
        ["双方要深化经贸合作；要扩大人文交流；要加强国际协作。"],
        id="semicolon-does-not-split",
    ),
    pytest.param(
        "第一，加强战略协作；第二，深化务实合作。双方一致同意。",
        ["第一，加强战略协作；第二，深化务实合作。", "双方一致同意。"],
        id="enumeration-with-semicolons",
    ),
    pytest.param(
        "普京表示：“发展俄中关系不针对第三方。”双方同意加强合作。",
        ["普京表示：“发展俄中关系不针对第三方。”", "双方同意加强合作。"],
        id="closing-quote-after-full-stop",
    ),
    pytest.param(
        "普京表示：“……发展俄中关系不是权宜之计，不针对第三方。”习近平表示赞同。",
        ["普京表示：“……发展俄中关系不是权宜之计，不针对第三方。”", "习近平表示赞同。"],
        id="elided-quotation-ending-after-closing-quote",
    ),
    pytest.param(
        "习近平强调：“中俄关系稳定发展。这符合两国人民根本利益。”",
        ["习近平强调：“中俄关系稳定发展。", "这符合两国人民根本利益。”"],
        id="two-sentences-inside-a-quotation",
    ),
    pytest.param(
        "普京说“俄方愿同中方加强协作”。双方签署了联合声明。",
        ["普京说“俄方愿同中方加强协作”。", "双方签署了联合声明。"],
        id="full-stop-after-closing-quote",
    ),
    pytest.param(
        "普京用中文说：“谢谢！”全场响起热烈掌声。",
        ["普京用中文说：“谢谢！”", "全场响起热烈掌声。"],
        id="exclamation-inside-quote",
    ),
    pytest.param(
        "记者问：“会谈成果如何？”发言人回答：“成果丰硕。”",
        ["记者问：“会谈成果如何？”", "发言人回答：“成果丰硕。”"],
        id="question-inside-quote",
    ),
    pytest.param(
        "普京表示：“正如中国人常说的‘百闻不如一见’。”双方都笑了。",
        ["普京表示：“正如中国人常说的‘百闻不如一见’。”", "双方都笑了。"],
        id="nested-single-quotes",
    ),
    pytest.param(
        "他引用了一句话：‘路遥知马力。’会场气氛热烈。",
        ["他引用了一句话：‘路遥知马力。’", "会场气氛热烈。"],
        id="single-quote-after-full-stop",
    ),
    pytest.param(
        "他说「我们准备好了。」然后离开了会场。",
        ["他说「我们准备好了。」", "然后离开了会场。"],
        id="corner-brackets",
    ),
    pytest.param(
        "文件题为『新时代全面战略协作伙伴关系』。双方予以签署。",
        ["文件题为『新时代全面战略协作伙伴关系』。", "双方予以签署。"],
        id="white-corner-brackets",
    ),
    pytest.param(
        "“一带一路”倡议同欧亚经济联盟建设对接合作。双方对此表示满意。",
        ["“一带一路”倡议同欧亚经济联盟建设对接合作。", "双方对此表示满意。"],
        id="quoted-term-mid-sentence",
    ),
    pytest.param(
        "双方认为……这是推动合作的好机会。",
        ["双方认为……这是推动合作的好机会。"],
        id="ellipsis-inside-sentence",
    ),
    pytest.param(
        "两国在能源、农业、航天等领域合作……双方一致同意深化合作。",
        ["两国在能源、农业、航天等领域合作……双方一致同意深化合作。"],
        id="ellipsis-alone-does-not-split",
    ),
    pytest.param(
        "他说：“我们将继续努力……”会谈持续了三个小时。",
        ["他说：“我们将继续努力……”", "会谈持续了三个小时。"],
        id="ellipsis-before-closing-quote-ends-sentence",
    ),
    pytest.param(
        "一、双方同意加强政治互信。二、双方同意深化务实合作。",
        ["一、双方同意加强政治互信。", "二、双方同意深化务实合作。"],
        id="chinese-numeral-markers",
    ),
    pytest.param(
        "（一）深化能源合作。（二）扩大贸易规模。",
        ["（一）深化能源合作。", "（二）扩大贸易规模。"],
        id="parenthesised-chinese-numerals",
    ),
    pytest.param(
        "1．双方重申相互支持。2．双方同意加强协调。",
        ["1．双方重申相互支持。", "2．双方同意加强协调。"],
        id="full-width-period-markers",
    ),
    pytest.param(
        "1. 双方重申相互支持。2. 双方同意加强协调。",
        ["1. 双方重申相互支持。", "2. 双方同意加强协调。"],
        id="ascii-period-markers",
    ),
    pytest.param(
        "（3）双方将加强在金砖国家框架内的协作。（4）双方将深化上合组织合作。",
        ["（3）双方将加强在金砖国家框架内的协作。", "（4）双方将深化上合组织合作。"],
        id="parenthesised-arabic-markers",
    ),
    pytest.param(
        "双方同意：一、加强协调；二、深化合作。",
        ["双方同意：一、加强协调；二、深化合作。"],
        id="inline-enumeration",
    ),
    pytest.param(
        "双方将在G20、APEC等框架内加强协调。双方对此表示满意。",
        ["双方将在G20、APEC等框架内加强协调。", "双方对此表示满意。"],
        id="embedded-latin-acronyms",
    ),
    pytest.param(
        "今年一季度中国经济增长5.3%。俄罗斯经济增长5.4%。",
        ["今年一季度中国经济增长5.3%。", "俄罗斯经济增长5.4%。"],
        id="decimals",
    ),
    pytest.param(
        "双边贸易额增长２６.３％。双方表示满意。",
        ["双边贸易额增长２６.３％。", "双方表示满意。"],
        id="full-width-digits",
    ),
    pytest.param(
        "双方讨论了U.N.安理会改革问题。",
        ["双方讨论了U.N.安理会改革问题。"],
        id="latin-abbreviation-before-han",
    ),
    pytest.param(
        "会谈在莫斯科举行. 双方签署了协议.",
        ["会谈在莫斯科举行.", "双方签署了协议."],
        id="ascii-full-stops-with-spaces",
    ),
    pytest.param(
        "双方签署了《2030年前中俄经济合作重点方向发展规划》。规划涵盖八个领域。",
        ["双方签署了《2030年前中俄经济合作重点方向发展规划》。", "规划涵盖八个领域。"],
        id="book-title-marks",
    ),
    pytest.param(
        "（双方还就乌克兰问题交换了意见。）会谈富有成果。",
        ["（双方还就乌克兰问题交换了意见。）", "会谈富有成果。"],
        id="sentence-in-parentheses",
    ),
    pytest.param(
        "双方签署多项合作文件。（完）",
        ["双方签署多项合作文件。", "（完）"],
        id="end-tag-after-sentence",
    ),
    pytest.param(
        "5月16日，两国元首签署联合声明。2024年是中俄建交75周年。",
        ["5月16日，两国元首签署联合声明。", "2024年是中俄建交75周年。"],
        id="dates",
    ),
    pytest.param(
        "2024－2025年是中俄文化年。双方将举办系列活动。",
        ["2024－2025年是中俄文化年。", "双方将举办系列活动。"],
        id="year-range",
    ),
    pytest.param(
        "中方立场是一贯的——维护和平、促进对话。这一点不会改变。",
        ["中方立场是一贯的——维护和平、促进对话。", "这一点不会改变。"],
        id="em-dashes",
    ),
    pytest.param(
        "央视网消息（新闻联播）：5月16日上午，国家主席习近平在北京同俄罗斯总统普京举行会谈。",
        ["央视网消息（新闻联播）：5月16日上午，国家主席习近平在北京同俄罗斯总统普京举行会谈。"],
        id="source-line",
    ),
    pytest.param(
        "习近平同俄罗斯总统普京会谈\n两国元首首先举行小范围会谈。",
        ["习近平同俄罗斯总统普京会谈", "两国元首首先举行小范围会谈。"],
        id="headline-without-final-punctuation",
    ),
    pytest.param(
        "两国元首举行会谈。\u3000\u3000双方签署联合声明。",
        ["两国元首举行会谈。", "双方签署联合声明。"],
        id="full-width-spaces",
    ),
    pytest.param(
        "\ufeff两国元首举行会谈。\r\n双方签署联合声明。",
        ["两国元首举行会谈。", "双方签署联合声明。"],
        id="bom-and-crlf",
    ),
    pytest.param(
        "普京说：“Спасибо. Большое спасибо.”全场鼓掌。",
        ["普京说：“Спасибо.", "Большое спасибо.”", "全场鼓掌。"],
        id="embedded-russian-sentences",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text, "zh")] == expected
