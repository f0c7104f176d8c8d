"""sumy summarizers rewritten with numpy: same picks as sumy's, a fraction of the time."""

from brief.analysis.summarizers.graph import FastReductionSummarizer, FastTextRankSummarizer

__all__ = ["FastReductionSummarizer", "FastTextRankSummarizer"]
