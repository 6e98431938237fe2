"""English segmentation: the hard cases of joint statements and readouts, exact sentences each."""

from __future__ import annotations

import pytest

from stmtdiff.core.text.segment import segment

CASES = [
    pytest.param(
        "Mr. Wang Yi met Mr. Sergey Lavrov in Beijing. The ministers discussed bilateral ties.",
        [
            "Mr. Wang Yi met Mr. Sergey Lavrov in Beijing.",
            "The ministers discussed bilateral ties.",
        ],
        id="title-mr-never-ends-a-sentence",
    ),
    pytest.param(
        "Dr. Li Hui and Prof. Ivanov briefed the delegations. Both spoke highly of the results.",
        [
            "Dr. Li Hui and Prof. Ivanov briefed the delegations.",
            "Both spoke highly of the results.",
        ],
        id="titles-dr-prof",
    ),
    pytest.param(
        "Amb. Zhang Hanhui presented his credentials. The ceremony took place in the Kremlin.",
        [
            "Amb. Zhang Hanhui presented his credentials.",
            "The ceremony took place in the Kremlin.",
        ],
        id="title-amb",
    ),
    pytest.param(
        "The U.S. Congress was not consulted. China expressed concern.",
        ["The U.S. Congress was not consulted.", "China expressed concern."],
        id="us-before-proper-noun-stays-inside",
    ),
    pytest.param(
        "The ministers criticised the sanctions imposed by the U.S. They called for dialogue.",
        ["The ministers criticised the sanctions imposed by the U.S.", "They called for dialogue."],
        id="us-ends-sentence-before-pronoun",
    ),
    pytest.param(
        "Both sides support the central role of the U.N. in world affairs. They oppose hegemony.",
        [
            "Both sides support the central role of the U.N. in world affairs.",
            "They oppose hegemony.",
        ],
        id="un-before-lowercase",
    ),
    pytest.param(
        "The U.N. Security Council should play its role. The parties agreed.",
        ["The U.N. Security Council should play its role.", "The parties agreed."],
        id="un-security-council",
    ),
    pytest.param(
        "The sides oppose any interference in the internal affairs of the U.K. and the EU.",
        ["The sides oppose any interference in the internal affairs of the U.K. and the EU."],
        id="uk-mid-sentence",
    ),
    pytest.param(
        "U.S.-China relations were also discussed. Russia's position is well known.",
        ["U.S.-China relations were also discussed.", "Russia's position is well known."],
        id="us-china-hyphenated",
    ),
    pytest.param(
        "New areas, e.g. artificial intelligence, will be explored. The sides welcomed this.",
        ["New areas, e.g. artificial intelligence, will be explored.", "The sides welcomed this."],
        id="eg-inside-sentence",
    ),
    pytest.param(
        "They discussed the core issue, i.e. Taiwan, at length.",
        ["They discussed the core issue, i.e. Taiwan, at length."],
        id="ie-before-capital-stays-inside",
    ),
    pytest.param(
        "Resolution No. 2231 was discussed. The sides called for its full implementation.",
        [
            "Resolution No. 2231 was discussed.",
            "The sides called for its full implementation.",
        ],
        id="no-before-number",
    ),
    pytest.param(
        "The treaty was signed on Jan. 16, 2001, in Moscow. It remains the cornerstone of ties.",
        [
            "The treaty was signed on Jan. 16, 2001, in Moscow.",
            "It remains the cornerstone of ties.",
        ],
        id="month-abbreviation-before-day",
    ),
    pytest.param(
        "Under Art. 51 of the Charter, states may act in self-defence. The sides noted this.",
        [
            "Under Art. 51 of the Charter, states may act in self-defence.",
            "The sides noted this.",
        ],
        id="article-abbreviation",
    ),
    pytest.param(
        "The talks began at 10 a.m. and ended at 1 p.m. The leaders then met the press.",
        ["The talks began at 10 a.m. and ended at 1 p.m.", "The leaders then met the press."],
        id="am-pm-inside-and-at-end",
    ),
    pytest.param(
        "The call took place at 3 p.m. Beijing time on Monday.",
        ["The call took place at 3 p.m. Beijing time on Monday."],
        id="pm-before-place-name",
    ),
    pytest.param(
        "The meeting ended at 5 p.m.",
        ["The meeting ended at 5 p.m."],
        id="pm-at-end-of-text",
    ),
    pytest.param(
        "The forum will be held in St. Petersburg in June. President Xi was invited.",
        ["The forum will be held in St. Petersburg in June.", "President Xi was invited."],
        id="st-petersburg",
    ),
    pytest.param(
        "Trade grew by 3.5% to $240.1 billion in 2023. Both sides welcomed the figure.",
        ["Trade grew by 3.5% to $240.1 billion in 2023.", "Both sides welcomed the figure."],
        id="decimals-and-money",
    ),
    pytest.param(
        "Version 2.0 of the roadmap was adopted. It covers the years 2025-2030.",
        ["Version 2.0 of the roadmap was adopted.", "It covers the years 2025-2030."],
        id="version-number",
    ),
    pytest.param(
        "1. The sides reaffirmed their commitment to the UN Charter. "
        "2. They agreed to deepen cooperation.",
        [
            "1. The sides reaffirmed their commitment to the UN Charter.",
            "2. They agreed to deepen cooperation.",
        ],
        id="numbered-paragraphs-keep-their-marker",
    ),
    pytest.param(
        "12. The sides will hold regular consultations.",
        ["12. The sides will hold regular consultations."],
        id="two-digit-paragraph-number",
    ),
    pytest.param(
        "(3) The parties will strengthen coordination within BRICS. (4) They will cooperate "
        "in the SCO.",
        [
            "(3) The parties will strengthen coordination within BRICS.",
            "(4) They will cooperate in the SCO.",
        ],
        id="parenthesised-numbers",
    ),
    pytest.param(
        "2) The sides noted progress in energy. 3) They agreed on new projects.",
        ["2) The sides noted progress in energy.", "3) They agreed on new projects."],
        id="number-with-closing-parenthesis",
    ),
    pytest.param(
        "The sides agreed on three points: 1) trade; 2) energy; 3) security.",
        ["The sides agreed on three points: 1) trade; 2) energy; 3) security."],
        id="inline-list-is-one-sentence",
    ),
    pytest.param(
        "II. Economic cooperation",
        ["II. Economic cooperation"],
        id="roman-numeral-heading",
    ),
    pytest.param(
        "As set out in paragraph 2. The sides will review it in 2025.",
        ["As set out in paragraph 2.", "The sides will review it in 2025."],
        id="number-ending-a-sentence-is-not-a-marker",
    ),
    pytest.param(
        "The parties agreed to... uphold the purposes of the Charter.",
        ["The parties agreed to... uphold the purposes of the Charter."],
        id="ellipsis-inside-sentence",
    ),
    pytest.param(
        "The list of joint projects goes on… The sides will review it next year.",
        ["The list of joint projects goes on…", "The sides will review it next year."],
        id="ellipsis-before-capital-ends-sentence",
    ),
    pytest.param(
        "“We are ready to work together,” the minister said. “Dialogue is the only way.”",
        ["“We are ready to work together,” the minister said.", "“Dialogue is the only way.”"],
        id="curly-quotes",
    ),
    pytest.param(
        "He said: “The door to dialogue remains open.” The talks lasted three hours.",
        ["He said: “The door to dialogue remains open.”", "The talks lasted three hours."],
        id="closing-quote-after-period",
    ),
    pytest.param(
        "He said: “The door remains open. The talks will go on.” The minister left.",
        ["He said: “The door remains open.", "The talks will go on.”", "The minister left."],
        id="sentences-inside-a-quotation",
    ),
    pytest.param(
        "“Who benefits from confrontation?” asked the minister. Nobody answered.",
        ["“Who benefits from confrontation?” asked the minister.", "Nobody answered."],
        id="question-in-quote-before-lowercase",
    ),
    pytest.param(
        "He called it ‘a new era.’ The press agreed.",
        ["He called it ‘a new era.’", "The press agreed."],
        id="single-curly-quotes",
    ),
    pytest.param(
        "Long live the friendship between our peoples! The audience applauded.",
        ["Long live the friendship between our peoples!", "The audience applauded."],
        id="exclamation",
    ),
    pytest.param(
        "What comes next?! The sides will decide.",
        ["What comes next?!", "The sides will decide."],
        id="question-exclamation-run",
    ),
    pytest.param(
        "The sides held talks (the second this year). They issued a joint statement.",
        ["The sides held talks (the second this year).", "They issued a joint statement."],
        id="parenthesis-before-period",
    ),
    pytest.param(
        "The talks were constructive. (A joint statement was adopted.) The visit ended Friday.",
        [
            "The talks were constructive.",
            "(A joint statement was adopted.)",
            "The visit ended Friday.",
        ],
        id="sentence-in-parentheses",
    ),
    pytest.param(
        "They discussed energy, transport, agriculture, etc. The sides signed 12 documents.",
        ["They discussed energy, transport, agriculture, etc.", "The sides signed 12 documents."],
        id="etc-ends-sentence",
    ),
    pytest.param(
        "Energy, transport, etc. were discussed in detail.",
        ["Energy, transport, etc. were discussed in detail."],
        id="etc-inside-sentence",
    ),
    pytest.param(
        "The message was delivered by V. Putin's aide. He confirmed the dates.",
        ["The message was delivered by V. Putin's aide.", "He confirmed the dates."],
        id="initial-before-surname",
    ),
    pytest.param(
        "Trade in approx. five sectors grew.",
        ["Trade in approx. five sectors grew."],
        id="approx-before-lowercase",
    ),
    pytest.param(
        "The delegation included officials from the U.S.",
        ["The delegation included officials from the U.S."],
        id="abbreviation-at-end-of-text",
    ),
    pytest.param(
        "The answer was no. The sides disagreed.",
        ["The answer was no.", "The sides disagreed."],
        id="word-no-is-not-the-abbreviation",
    ),
    pytest.param(
        "Russia–China Joint Statement on Multipolarity\nThe sides held talks in Moscow.",
        ["Russia–China Joint Statement on Multipolarity", "The sides held talks in Moscow."],
        id="headline-without-final-punctuation",
    ),
    pytest.param(
        "The sides held talks.\r\nThey agreed on a plan.",
        ["The sides held talks.", "They agreed on a plan."],
        id="crlf-line-break",
    ),
    pytest.param(
        "\ufeffThe sides held talks. They agreed.",
        ["The sides held talks.", "They agreed."],
        id="byte-order-mark",
    ),
    pytest.param(
        "The sides held talks.\tThey agreed.\u00a0Both were satisfied.",
        ["The sides held talks.", "They agreed.", "Both were satisfied."],
        id="tab-and-no-break-space",
    ),
    pytest.param(
        "The full text is on kremlin.ru and fmprc.gov.cn. It was published on Friday.",
        ["The full text is on kremlin.ru and fmprc.gov.cn.", "It was published on Friday."],
        id="web-addresses-inside-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text, "en")] == expected
