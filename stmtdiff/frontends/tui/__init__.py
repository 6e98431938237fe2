"""The interactive terminal view (``stmtdiff tui``), built with Textual."""
