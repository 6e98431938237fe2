"""Front-end renderers: each turns a ``Comparison`` into text for one output format."""
