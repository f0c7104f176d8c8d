"""Build benchmark corpora of distinct articles recombined from the real BBC paragraphs.

    python bench/make_corpora.py --sizes 1000 10000 100000 [--out bench/corpora]

Each article keeps a real BBC article's title and most of its paragraphs (in their order) and
borrows one paragraph from another article of the same category, so every file is distinct but
reads like news; it gets a date in 2004-2005 and one of a few outlets, as Markdown front matter.
Written under bench/corpora/N/ (ignored by git); an existing complete corpus is reused.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta

from common import CORPORA, ROOT, require

OUTLETS = ["BBC News", "The Daily Ledger", "Northern Post", "Wire Report", "City Herald",
           "The Evening Courier", "Global Dispatch", "Metro Times"]


def load_bbc() -> list[dict]:
    path = require(CORPORA / "bbc-news-summary" / "bbc_news_summary.jsonl")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def paragraphs(record: dict) -> list[str]:
    return [p.strip() for p in record["text"].split("\n\n") if p.strip()]


def build(size: int, out_root, records: list[dict]) -> None:
    out = out_root / str(size)
    marker = out / ".complete"
    if marker.exists():
        print(f"{out}: already built")
        return
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(size)
    by_category: dict[str, list[dict]] = {}
    for r in records:
        by_category.setdefault(r["category"], []).append(r)
    start = date(2004, 1, 1)
    for i in range(size):
        base = records[i % len(records)]
        paras = paragraphs(base)
        keep = [p for j, p in enumerate(paras) if j == 0 or rng.random() > 0.2]
        donor = rng.choice(by_category[base["category"]])
        donor_paras = paragraphs(donor)[1:] or paragraphs(donor)
        keep.insert(rng.randint(1, len(keep)), rng.choice(donor_paras))
        published = start + timedelta(days=rng.randint(0, 700))
        outlet = OUTLETS[(i // len(records) + rng.randint(0, 1)) % len(OUTLETS)]
        title = base["title"].replace('"', "'")
        body = "\n\n".join(keep)
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:06d}.md").write_text(
            f'---\ntitle: "{title}"\nsource: "{outlet}"\npublished: {published.isoformat()}\n---\n\n{body}\n',
            encoding="utf-8",
        )
    marker.write_text("ok\n")
    print(f"{out}: {size} articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", default=str(ROOT / "bench" / "corpora"))
    args = parser.parse_args()
    records = load_bbc()
    from pathlib import Path

    for size in args.sizes:
        build(size, Path(args.out), records)


if __name__ == "__main__":
    main()
