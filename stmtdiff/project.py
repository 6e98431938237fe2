"""Where the project lives, for what stmtdiff writes about itself: the HTTP User-Agent of page
fetches and SARIF's tool information. ``tests/test_packaging.py`` keeps these equal to
pyproject.toml's ``[project.urls]``, the one place a fork changes them."""

#: pyproject.toml ``Homepage``.
PROJECT_URL = "https://github.com/stmtdiff/stmtdiff"
#: pyproject.toml ``Documentation``: the docs/ folder, where each check rule is described.
DOCS_URL = f"{PROJECT_URL}/tree/main/docs"
