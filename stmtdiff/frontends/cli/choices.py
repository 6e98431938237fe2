"""The command line's choices as plain strings, so ``--help`` declares them without importing
the enums, dataclasses and settings they come from (``dataclasses`` and ``inspect`` alone cost
``--help`` ~7 ms, a third of bare Python's start). Each tuple equals its home's values:
``tests/test_startup.py`` compares them, so a new method, engine or rule cannot be left out.
"""

#: ``stmtdiff.core.model.METHODS``: the values of ``MethodChoice``.
METHODS = ("auto", "translation", "semantic", "lexical")
#: ``stmtdiff.adapters.translate.settings.ENGINES``.
ENGINES = ("google", "microsoft", "mymemory", "libre", "deepl")
#: The keys of ``stmtdiff.core.check.findings.RULES``, in their order.
RULES = (
    "missing",
    "extra",
    "numbers",
    "untranslated",
    "glossary",
    "stale",
    "length",
    "punctuation",
)
#: The values of ``stmtdiff.core.check.findings.Severity``, and the one ``check`` fails on.
SEVERITIES = ("error", "warning")
DEFAULT_FAIL_ON = "error"
#: ``stmtdiff.adapters.ingest.fetchlog.FETCHLOG_NAME``, named in ``fetch --help``.
FETCHLOG_NAME = "stmtdiff.fetched.toml"
