"""What every front end says about a comparison, in words and marks: one vocabulary for the
terminal, HTML, Markdown and the TUI (styles and colours stay with each front end)."""
