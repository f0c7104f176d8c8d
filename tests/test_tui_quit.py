"""Quitting while the corpus is still being analysed in the background ends the process at once."""

from __future__ import annotations

import subprocess
import sys
import time

SCRIPT = r"""
import functools, sys, time
from pathlib import Path
import brief.tui.app as reader

class QuittingApp(reader.BriefApp):
    async def on_mount(self):
        await super().on_mount()
        self.set_timer(0.5, self.exit)

reader.BriefApp.run_async = functools.partialmethod(reader.BriefApp.run_async, headless=True)

def slow_app(path, settings, no_cache=False):
    def loader(progress):
        time.sleep(60)  # a long re-analysis
    return QuittingApp(loader=loader)

reader.corpus_app = slow_app
print("code", reader.run_app(Path("."), None), flush=True)
"""


def test_quit_does_not_wait_for_background_analysis(tmp_path):
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=50,
                            cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert time.monotonic() - start < 30
    assert result.returncode == 0, result.stderr[-2000:]
