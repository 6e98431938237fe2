"""Where the project lives, for what stmtdiff writes about itself: the HTTP User-Agent of page
fetches and SARIF's tool information. ``tests/test_packaging.py`` keeps these equal to
pyproject.toml's ``[project.urls]``, the one place a fork changes them.

Every layer may read it: it imports nothing of stmtdiff's, so reading the version never loads the
package's public API (``stmtdiff/__init__.py`` names the front ends' renderers).
"""

from functools import cache

#: pyproject.toml ``Homepage``.
PROJECT_URL = "https://github.com/stmtdiff/stmtdiff"
#: pyproject.toml ``Documentation``: the docs/ folder, where each check rule is described.
DOCS_URL = f"{PROJECT_URL}/tree/main/docs"


@cache
def stmtdiff_version() -> str:
    """The constant the build wrote (pyproject's version hook), else the installed metadata."""
    # By name, not ``from stmtdiff._version import``: in a checkout that was never built the
    # module is absent, and import-linter would then read the import as one of the package's
    # ``__init__`` (and through it, of the front ends), breaking the layers contract.
    from importlib import import_module

    try:
        return str(import_module("stmtdiff._version").__version__)
    except ImportError:
        pass
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("stmtdiff")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"
