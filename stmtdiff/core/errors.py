"""The one exception type front ends turn into a one-line message and exit code 2."""


class StmtdiffError(Exception):
    """A problem with the user's input or environment, phrased for the user.

    Front ends print ``str(error)`` on one line and exit with status 2; they never show a traceback.
    """
