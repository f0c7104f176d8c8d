"""The warm path (issue 5): opening a cached corpus paints its list before anything that can wait.

These check what a test can see, not timings: which libraries are imported before the first
painted row, that the settings need no pydantic until something is checked, and that the
corpus re-check starts only once the cached list has painted.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.config import ConfigError, Settings, _defaults, _model, load_settings

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sumy", "numpy", "nltk")

# Runs the reader headless on a corpus and, at its first painted story row, prints which of the
# named modules are imported.
_FIRST_PAINT = """
import os, sys
from pathlib import Path
from brief.config import load_settings
from brief.tui.app import corpus_app
from brief.tui.widgets.virtual_list import VirtualList

names = sys.argv[2].split(",")
original = VirtualList.render_line

def render_line(self, y):
    strip = original(self, y)
    if len(self.source):
        print("imported:" + ",".join(m for m in names if m in sys.modules), flush=True)
        os._exit(0)
    return strip

VirtualList.render_line = render_line
corpus_app(Path(sys.argv[1]), load_settings()).run(headless=True, size=(120, 40))
"""


def _imported_at_first_paint(corpus: Path, names: tuple[str, ...]) -> set[str]:
    result = subprocess.run([sys.executable, "-c", _FIRST_PAINT, str(corpus), ",".join(names)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, env=dict(os.environ),
                            stdin=subprocess.DEVNULL, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("imported:")]
    assert lines, f"no row painted (exit {result.returncode}): {result.stderr[-2000:]}"
    return {m for m in lines[0].removeprefix("imported:").split(",") if m}


@pytest.fixture
def cached_corpus(tmp_path, seeds_path) -> Path:
    """The seeds corpus with its briefing in this test's cache (BRIEF_CACHE_DIR, see conftest)."""
    from brief.pipeline import default_store, refresh_library

    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    library, _ = refresh_library(corpus, Settings(), default_store())
    assert len(library.story_rows)
    return corpus


def test_reader_modules_import_no_pydantic_and_no_nlp():
    """What `brief` imports to start the reader on a cached corpus (before the cache is read)."""
    code = (
        "import sys; import brief.cli, brief.tui.app, brief.stored_library, brief.library; "
        "from brief.config import load_settings; from brief.tui.app import BriefApp; "
        "BriefApp(settings=load_settings()); "
        "print(','.join(m for m in ('pydantic', 'brief.models', 'brief.tui.views', "
        "'sumy', 'numpy', 'nltk') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_first_paint_of_a_cached_corpus_imports_no_nlp_library(cached_corpus):
    assert _imported_at_first_paint(cached_corpus, HEAVY) == set()


def test_first_paint_of_a_cached_corpus_imports_no_pydantic(cached_corpus):
    assert _imported_at_first_paint(cached_corpus, ("pydantic", "brief.models")) == set()


# Settings ------------------------------------------------------------------------------
def test_default_settings_are_the_models_defaults():
    model = _model()()
    assert list(_defaults()) == list(type(model).model_fields)
    assert Settings().model_dump() == model.model_dump()
    # The corpus manifest hashes this string: it must not change, or every cache is rebuilt.
    assert Settings().model_dump_json() == model.model_dump_json()
    assert Settings().boilerplate_patterns is not Settings().boilerplate_patterns


def test_settings_are_checked_as_the_model_checks_them(tmp_path):
    from pydantic import ValidationError

    assert Settings(workers=2, summary_ratio=0.5).workers == 2
    assert Settings(corpus="~/news").corpus == Path("~/news")
    with pytest.raises(ValidationError):
        Settings(workers=0)
    with pytest.raises(ValidationError):
        Settings(colour="red")
    settings = Settings(boilerplate_patterns=["Beta.*"])
    assert pickle.loads(pickle.dumps(settings)) == settings != Settings()
    assert settings.model_copy(update={"theme": "brief-light"}).theme == "brief-light"
    assert Settings.model_validate({"summary_method": "lsa"}).summary_method == "lsa"

    path = tmp_path / "config.toml"
    path.write_text('summary_sentences = 0\nbogus = 1\n')
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "'summary_sentences'" in str(error.value) and "unknown key 'bogus'" in str(error.value)
    path.write_text('theme = "brief-light"\nworkers = 3\n')
    assert load_settings(path) == Settings(theme="brief-light", workers=3)


# The corpus check waits for the paint ----------------------------------------------------
async def test_corpus_check_starts_after_the_cached_list_has_painted():
    from test_tui_support import make_library

    from brief.tui.app import BriefApp

    library = make_library()
    seen: list[tuple[bool, int]] = []
    app: BriefApp

    def loader(progress):
        seen.append((app._painted.is_set(), len(app.main.vlist.source)))
        return None

    app = BriefApp(settings=Settings(), loader=loader, cached=lambda: library, corpus_label="test")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert seen == [(True, len(library.story_rows))]


async def test_a_cached_corpus_is_on_the_first_frame(cached_corpus, monkeypatch):
    """The cache is opened from before Textual starts: the main screen has the list when it is
    mounted, with no "Opening…" stage and no second showing once the corpus is found unchanged."""
    from brief.tui import app as app_module
    from brief.tui.app import BriefApp, corpus_app
    from brief.tui.screens.main import MainScreen

    monkeypatch.setattr(app_module, "OPEN_WAIT", 60.0)  # however slow the test machine is
    stages: list[str] = []
    shown: list[object] = []
    monkeypatch.setattr(MainScreen, "show_progress", lambda self, stage, done, total: stages.append(stage))
    show = BriefApp._show_library
    monkeypatch.setattr(BriefApp, "_show_library", lambda self, library: shown.append(library) or show(self, library))
    app = corpus_app(cached_corpus, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.main.library is not None and len(app.main.vlist.source)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app._painted.is_set()
    assert stages == [] and shown == []
