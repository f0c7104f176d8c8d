"""brief: a terminal news-briefing reader."""

__version__ = "0.1.0"

# Bumped whenever analysis output changes shape or meaning, so cached results are redone.
ENGINE_VERSION = "5"
