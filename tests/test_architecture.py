"""The layering holds: the engine never imports Textual, the reader never parses text."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.fail("import-linter is part of the test extra but lint-imports is missing")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_opening_a_cached_corpus_imports_no_nlp_library():
    code = (
        "import sys; import brief.cli, brief.pipeline, brief.stored_library, brief.library; "
        "print(','.join(m for m in ('sumy', 'numpy', 'nltk') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
