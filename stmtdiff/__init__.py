"""stmtdiff: line up parallel versions of a statement and show where they differ."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stmtdiff")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
