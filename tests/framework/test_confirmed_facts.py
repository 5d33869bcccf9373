"""The 2018 catalogue agrees with every fact confirmed from published sources.

Facts come from ../shared/reference/catalogue-evidence.md: Germany's national ROAM-X report
(wiegehtsdeminternet.de) numbers the 21 contextual and 109 core indicators 1 to 130 in framework
order, so a core indicator's German number is its place among the core indicators plus 21.
"""

import pytest

from roam.framework import load_framework

FW = load_framework("2018")

CORE_PER_THEME = {
    ("R.A", "R.B"): 4, ("R.C",): 6, ("R.D",): 3, ("R.E",): 4, ("R.F",): 5,
    ("O.A",): 2, ("O.B",): 4, ("O.C",): 4, ("O.D",): 3, ("O.E",): 4,
    ("A.A",): 4, ("A.B",): 9, ("A.C",): 5, ("A.D",): 4, ("A.E",): 4, ("A.F",): 8,
    ("M.A",): 2, ("M.B",): 4, ("M.C",): 4,
    ("X.A",): 12, ("X.B",): 3, ("X.C",): 3, ("X.D", "X.E"): 8,
}  # fmt: skip

NO_CORE = [
    "R.C.1", "R.D.1", "R.E.1", "O.A.1", "O.B.1", "O.B.2", "O.D.1", "O.D.2", "O.D.3",
    "M.B.1", "M.C.1", "X.B.1", "X.B.2",
]  # fmt: skip

MIN_QUESTIONS = {
    "R.C": 2, "R.D": 2, "R.E": 2, "O.A": 2, "O.B": 3, "O.D": 4,
    "A.C": 2, "M.B": 2, "M.C": 3, "X.B": 3,
}  # fmt: skip

# question -> (German numbers of its core indicators, key terms its text must contain)
CONFIRMED = {
    "R.A.1": ([22], ["legal framework", "human rights", "rule of law"]),
    "R.C.2": ([26, 27, 28, 29], ["block", "filter"]),
    "R.D.2": ([32], ["non-governmental organisations", "organise"]),
    "R.E.2": ([35, 36, 37], ["personal data", "law", "redress"]),
    "R.F.1": ([39, 40], ["employment", "health", "education"]),
    "O.A.2": ([44, 45], ["legal and regulatory framework", "innovate"]),
    "O.B.3": ([46, 47], ["licensing", "open-source"]),
    "O.C.1": ([50, 51], ["communications markets", "independent"]),
    "O.D.4": ([54], ["open educational resources", "open access"]),
    "O.E.1": ([57], ["open access", "publicly funded data"]),
    "A.A.1": ([61, 62], ["statistical", "internet access and use"]),
    "A.B.1": ([65, 66], ["share of the population", "internet"]),
    "A.C.1": ([74, 75], ["afford", "mobile phone"]),
    "A.C.2": ([76], ["broadband", "affordable"]),
    "A.D.1": ([79, 80], ["broadband", "urban and rural"]),
    "A.E.1": ([83, 84], ["domain", "servers"]),
    "A.F.1": ([87, 88], ["curricula", "media and information literacy"]),
    "M.A.1": ([95], ["overall", "framework", "international norms"]),
    "M.B.2": ([97, 98], ["involve other stakeholders", "national internet policy and law"]),
    "M.C.2": ([101, 102], ["international internet forums", "itu"]),
    "M.C.3": ([103, 104], ["icann", "governmental advisory committee", "constituencies"]),
    "X.A.1": ([105], ["women and girls", "monitored"]),
    "X.B.3": ([117, 118], ["children", "perceive", "use"]),
    "X.C.1": ([120], ["development", "icts"]),
    "X.D.1": ([123, 124], ["cybersecurity strategy", "computer emergency response team"]),
}

# core indicator (German number) -> key terms of its confirmed meaning
CONFIRMED_INDICATORS = {
    26: ["legal framework", "blocking", "oversight"],
    27: ["blocking", "court decisions"],
    28: ["shutdowns"],
    29: ["content restrictions", "three years"],
    32: ["organise online", "undue interference"],
    36: ["commercial use of personal data", "other countries"],
    40: ["analysed", "employment, health and education"],
    44: ["new enterprises", "academia and civil society"],
    47: ["licence", "government"],
    61: ["household surveys", "disaggregated"],
    62: ["independent household surveys"],
    74: ["entry-level mobile handset", "smartphone", "gni per capita"],
    83: ["domain names", "per 1,000"],
    84: ["secure internet servers per million"],
    87: ["school curricula", "media and information literacy", "intercultural dialogue"],
    88: ["primary, secondary and tertiary"],
    95: ["overall", "international norms"],
    97: ["consulting", "stakeholder groups", "policy processes"],
    98: ["number of non-government stakeholders", "by sex"],
    101: ["igfs per million", "by sex"],
    102: ["non-government stakeholders", "delegations to the itu"],
    103: ["governmental advisory committee"],
    104: ["icann's constituencies"],
}


def german_numbers() -> dict[int, object]:
    """German number -> catalogue entry (contextual 1-21, then core indicators in order)."""
    context = [e for e in FW.entries if e.category == "C"]
    core = [e for e in FW.entries if e.indicator.core]
    return dict(enumerate([*context, *core], start=1))


def test_german_numbering_covers_exactly_130_indicators():
    numbers = german_numbers()
    assert len(numbers) == 130
    assert [numbers[n].id for n in range(1, 22)] == [f"C.{n}" for n in range(1, 22)]


@pytest.mark.parametrize(("themes", "core"), CORE_PER_THEME.items())
def test_core_indicators_per_theme(themes, core):
    found = sum(1 for e in FW.entries if e.theme in themes and e.indicator.core)
    assert found == core, f"{'+'.join(themes)}: {found} core indicators, published {core}"


def test_theme_table_adds_up_to_109_and_per_category_split():
    assert sum(CORE_PER_THEME.values()) == 109
    per_category = {
        c: sum(1 for e in FW.entries if e.category == c and e.indicator.core) for c in "ROAMX"
    }
    assert per_category == {"R": 22, "O": 17, "A": 34, "M": 10, "X": 26}


@pytest.mark.parametrize("question", NO_CORE)
def test_questions_without_core_indicator(question):
    assert not any(i.core for i in FW.question_items[question].indicators)


@pytest.mark.parametrize(("theme", "minimum"), MIN_QUESTIONS.items())
def test_minimum_question_counts(theme, minimum):
    assert sum(1 for q in FW.questions.values() if q[0] == theme) >= minimum


@pytest.mark.parametrize(("question", "fact"), CONFIRMED.items())
def test_confirmed_question_placement_meaning_and_core(question, fact):
    numbers, terms = fact
    item = FW.question_items[question]
    text = item.text.casefold()
    missing = [term for term in terms if term not in text]
    assert not missing, f"{question} does not ask about {missing}: {item.text}"
    by_number = german_numbers()
    core_here = [n for n, e in by_number.items() if e.question == question and e.indicator.core]
    assert core_here == numbers
    assert item.provenance == "confirmed"
    assert "wiegehtsdeminternet.de" in item.source


@pytest.mark.parametrize(("number", "terms"), CONFIRMED_INDICATORS.items())
def test_confirmed_core_indicator_meaning(number, terms):
    entry = german_numbers()[number]
    assert entry.indicator.core and entry.indicator.provenance == "confirmed"
    text = entry.indicator.text.casefold()
    assert not [t for t in terms if t not in text], f"{entry.id} ({number}): {entry.indicator.text}"


def test_only_confirmed_items_say_confirmed():
    confirmed_questions = {q for q, item in FW.question_items.items() if item.confirmed}
    assert confirmed_questions == set(CONFIRMED)
    numbers = german_numbers()
    confirmed_indicators = {e.id for e in FW.entries if e.indicator.confirmed}
    expected = {numbers[n].id for n in CONFIRMED_INDICATORS} | {f"C.{n}" for n in range(1, 6)}
    assert confirmed_indicators == expected
    for entry in FW.entries:
        ind = entry.indicator
        assert ind.provenance in ("confirmed", "reconstructed")
        assert bool(ind.source) == ind.confirmed
