"""Length ratio and variance per language pair (written by benchmarks/learn_align_tables.py)."""

#: (source, target) -> (target characters per source character, variance per source
#: character), measured on dev data: MAC-Dev, Text+Berg dev, UN dev half.
LENGTHS: dict[tuple[str, str], tuple[float, float]] = {
    ("de", "fr"): (1.0243, 3.175),  # 246 pairs
    ("fr", "de"): (0.9762, 2.977),
    ("ru", "en"): (0.8875, 3.767),  # 1920 pairs
    ("en", "ru"): (1.1268, 5.434),
    ("ru", "zh"): (0.2394, 0.704),  # 1920 pairs
    ("zh", "ru"): (4.1775, 37.594),
    ("zh", "en"): (3.7581, 28.223),  # 2752 pairs
    ("en", "zh"): (0.2661, 0.698),
}
