"""``stmtdiff check``: findings for translations that fell out of step with their source.

The modules here are pure (no I/O, no rich): ``numbers``, ``glossary``, ``lock`` and ``config``
parse and compare; ``rules`` runs the checks on an aligned pair; ``report_*`` turn a
``CheckReport`` into JSON, JUnit XML, GitHub workflow commands or SARIF.
"""
