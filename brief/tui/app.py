"""The reader (stub)."""


def run_app(path, settings, no_cache=False) -> int:
    print("reader not built yet")
    return 0
