"""Article records (JSON objects, front matter, sidecars): the accepted keys and their values."""

from __future__ import annotations

from datetime import date

TEXT_KEYS = ("text", "body", "content")
META_KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher"),
    "url": ("url",),
    "published": ("published", "date"),
    "author": ("author",),
}


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):  # {"name": "Reuters"}, as JSON-LD and many APIs write it
        return _as_text(value.get("name"))
    if isinstance(value, list):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    return None


def metadata(record: dict) -> dict[str, object]:
    """The metadata a record gives, under canonical keys; unknown keys are ignored."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    found: dict[str, object] = {}
    for key, names in META_KEYS.items():
        for name in names:
            value = lowered.get(name)
            if key == "published" and isinstance(value, date):
                found[key] = value
                break
            text = _as_text(value)
            if text and text.strip():
                found[key] = text
                break
    return found


def body(record: dict) -> str | None:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in TEXT_KEYS:
        value = lowered.get(name)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)  # a list of paragraphs
        if isinstance(value, str) and value.strip():
            return value
    return None
