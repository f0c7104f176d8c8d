"""Briefs per actor and per source (stub)."""

from __future__ import annotations

from brief.models import ActorBrief, Briefing


def build_briefs(briefing: Briefing) -> None:
    for actor in briefing.actors:
        briefing.actor_briefs[actor.id] = ActorBrief(actor_id=actor.id, said=list(actor.quote_ids))
