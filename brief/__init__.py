"""brief: a terminal news-briefing reader."""

__version__ = "0.1.0"

# Bumped whenever analysis output changes shape or meaning, so cached results are redone.
ENGINE_VERSION = "5"
# Bumped whenever what the cross-article steps make of the same analyses changes (stories, merged
# actors, quote groups, briefs, sources): cached briefings are linked again, analyses are kept.
LINK_VERSION = "2"
