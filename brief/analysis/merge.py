"""Merging per-article actors into corpus actors.

Places and organisations merge by their canonical name (the lexicon's, else the name itself).
People merge by surname key (spelling-tolerant: Zelenskyy / Zelensky) and then only with
agreement: the same first name (allowing transliteration, nicknames, initials), or, for a
surname given alone, a shared role or shared company (other actors, story terms) with exactly
one of the candidates. Nothing is compared across the whole corpus: people are bucketed by
surname key first, so the work grows with the size of a bucket, not with the corpus squared.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from brief.analysis.names import first_name_forms, name_key, organizations, places, plain_key
from brief.analysis.roles import role_key, specific_roles
from brief.models import Actor, ActorKind, Article, ArticleAnalysis, LocalActor, Quote

_TOP_TERMS = 12


@dataclass
class MergeResult:
    """Corpus actors, quotes with `speaker_id`, and "article_id:local_key" -> Actor.id.

    Unpacks as `(actors, quotes)` for callers that want only those two.
    """

    actors: list[Actor]
    quotes: list[Quote]
    local_actor_ids: dict[str, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator:
        return iter((self.actors, self.quotes))


@dataclass
class _Local:
    article_id: str
    actor: LocalActor
    mentions: int
    context: frozenset[str]  # keys of the other actors in the article
    terms: frozenset[str]

    @property
    def compound(self) -> str:
        return f"{self.article_id}:{self.actor.key}"


@dataclass
class _Cluster:
    members: list[_Local] = field(default_factory=list)
    first_forms: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    context: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)

    def add(self, local: _Local) -> None:
        self.members.append(local)
        if local.actor.first_name:
            self.first_forms |= _first_forms(local.actor.first_name)
        self.roles |= {role_key(r) for r in local.actor.roles}
        self.context.update(local.context)
        self.terms.update(local.terms)


def _first_forms(first: str) -> set[str]:
    return set(first_name_forms(first)) | {name_key(first)}


def _canonical(local: LocalActor) -> str | None:
    for name in (local.name, *local.aliases):
        if name in places():
            return places()[name]
        if name in organizations():
            return organizations()[name]
    return None


def _identity(local: LocalActor) -> str:
    """The key an actor is known by among the others of its article (for shared company)."""
    if local.kind == "person":
        return "p:" + name_key(local.name.split()[-1])
    return "n:" + plain_key(_canonical(local) or local.name)


def _is_word_name(local: LocalActor) -> bool:
    return bool(local.name) and local.name[0].isalpha() and not local.name.startswith("@")


class ActorMerger:
    def merge(self, articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> MergeResult:
        locals_: list[_Local] = []
        for article in articles:
            analysis = analyses.get(article.id)
            if analysis is None:
                continue
            counts = Counter(m.actor_key for m in analysis.mentions)
            identities = {a.key: _identity(a) for a in analysis.actors}
            terms = frozenset(t for t, _ in sorted(analysis.terms.items(), key=lambda kv: -kv[1])[:_TOP_TERMS])
            for local in analysis.actors:
                context = frozenset(v for k, v in identities.items() if k != local.key)
                locals_.append(_Local(article.id, local, counts.get(local.key, 0), context, terms))

        clusters = self._cluster(locals_)
        actors, local_ids = self._actors(clusters)
        by_id = {a.id: a for a in actors}
        quotes: list[Quote] = []
        for article in articles:
            analysis = analyses.get(article.id)
            if analysis is None:
                continue
            for quote in analysis.quotes:
                q = quote.model_copy()
                q.speaker_id = local_ids.get(f"{article.id}:{q.speaker_key}") if q.speaker_key else None
                if q.speaker_id:
                    by_id[q.speaker_id].quote_ids.append(q.id)
                quotes.append(q)
        return MergeResult(actors=actors, quotes=quotes, local_actor_ids=local_ids)

    # -- clustering ------------------------------------------------------------------------------

    def _cluster(self, locals_: list[_Local]) -> list[_Cluster]:
        named: dict[str, _Cluster] = {}  # places, organisations, others: by canonical name
        people: dict[str, list[_Local]] = defaultdict(list)  # by surname key
        bare_words: list[_Local] = []  # one-word 'other' names that may be a surname
        for local in locals_:
            actor = local.actor
            if actor.kind == "person" and _is_word_name(actor):
                people[name_key(actor.name.split()[-1])].append(local)
            elif actor.kind == "other" and _is_word_name(actor) and " " not in actor.name and not _canonical(actor):
                bare_words.append(local)
            else:
                key = f"{actor.kind}:{plain_key(_canonical(actor) or actor.name)}"
                named.setdefault(key, _Cluster()).add(local)

        out = list(named.values())
        person_clusters: dict[str, list[_Cluster]] = {}
        for surname, members in people.items():
            person_clusters[surname] = self._people(members)
        for local in bare_words:
            key = name_key(local.actor.name)
            target = self._best(person_clusters.get(key, []), local) if key in person_clusters else None
            if target is not None:
                target.add(local)
            else:
                named.setdefault(f"other:{plain_key(local.actor.name)}", _Cluster()).add(local)
                if named[f"other:{plain_key(local.actor.name)}"] not in out:
                    out.append(named[f"other:{plain_key(local.actor.name)}"])
        for clusters in person_clusters.values():
            out.extend(clusters)
        return out

    def _people(self, members: list[_Local]) -> list[_Cluster]:
        """One surname bucket: full names by agreeing first names, then bare surnames by evidence."""
        clusters: list[_Cluster] = []
        by_form: dict[str, _Cluster] = {}
        with_first = [m for m in members if m.actor.first_name and len(plain_key(m.actor.first_name)) > 1]
        initials = [m for m in members if m.actor.first_name and len(plain_key(m.actor.first_name)) == 1]
        bare = [m for m in members if not m.actor.first_name]
        for local in with_first:
            forms = _first_forms(local.actor.first_name or "")
            cluster = next((by_form[f] for f in forms if f in by_form), None)
            if cluster is None:
                cluster = _Cluster()
                clusters.append(cluster)
            cluster.add(local)
            for f in cluster.first_forms:
                by_form.setdefault(f, cluster)
        for local in initials:
            letter = plain_key(local.actor.first_name or "")
            fits = [c for c in clusters if any(f.startswith(letter) for f in c.first_forms)]
            if len(fits) == 1:
                fits[0].add(local)
            else:
                cluster = _Cluster()
                cluster.add(local)
                clusters.append(cluster)
        for local in bare:
            target = self._best(clusters, local)
            if target is None:
                target = _Cluster()
                clusters.append(target)
            target.add(local)
        return clusters

    @staticmethod
    def _best(clusters: list[_Cluster], local: _Local) -> _Cluster | None:
        """The one cluster a bare surname shares a role or company with, if exactly one does best."""
        if not clusters:
            return None
        roles = {role_key(r) for r in local.actor.roles}
        own = plain_key(local.actor.name.split()[-1])[:5]  # the name itself is no evidence
        terms = [t for t in local.terms if own not in t.replace(" ", "")]
        scored = []
        for cluster in clusters:
            score = 2 * len(roles & cluster.roles)
            score += sum(1 for c in local.context if cluster.context.get(c))
            score += 1 if sum(1 for t in terms if cluster.terms.get(t)) >= 2 else 0
            scored.append((score, cluster))
        scored.sort(key=lambda sc: -sc[0])
        best_score = scored[0][0]
        if best_score <= 0:
            return None
        if len(scored) > 1 and scored[1][0] == best_score:
            return None
        return scored[0][1]

    # -- corpus actors --------------------------------------------------------------------------

    def _actors(self, clusters: list[_Cluster]) -> tuple[list[Actor], dict[str, str]]:
        actors: list[Actor] = []
        local_ids: dict[str, str] = {}
        used: set[str] = set()
        for cluster in clusters:
            members = cluster.members
            kinds = Counter(m.actor.kind for m in members)
            kind: ActorKind = "person" if kinds.get("person") else kinds.most_common(1)[0][0]
            name = self._name(members, kind)
            base = "a" + hashlib.sha1(f"{kind}:{plain_key(name)}".encode()).hexdigest()[:10]
            actor_id, n = base, 2
            while actor_id in used:
                actor_id, n = f"{base}-{n}", n + 1
            used.add(actor_id)
            aliases: list[str] = []
            roles: list[str] = []
            role_keys: set[str] = set()
            role_sources: list[dict[str, str]] = []
            article_ids: list[str] = []
            for m in members:
                for alias in (m.actor.name, *m.actor.aliases):
                    if alias not in aliases:
                        aliases.append(alias)
                for role in m.actor.roles:
                    k = role_key(role)
                    if k not in role_keys:
                        role_keys.add(k)
                        roles.append(role)
                    source = {"role": role, "article_id": m.article_id}
                    if source not in role_sources:
                        role_sources.append(source)
                if m.article_id not in article_ids:
                    article_ids.append(m.article_id)
                local_ids[m.compound] = actor_id
            actors.append(Actor(
                id=actor_id, name=name, kind=kind, aliases=aliases, roles=specific_roles(roles),
                role_sources=role_sources,
                article_ids=article_ids, mention_count=sum(m.mentions for m in members),
            ))
        actors.sort(key=lambda a: (-a.mention_count, a.name))
        return actors, local_ids

    @staticmethod
    def _name(members: list[_Local], kind: ActorKind) -> str:
        """The fullest form, the commonest among the fullest, the first seen among equals."""
        if kind in ("place", "organization"):
            canonical = next((c for c in (_canonical(m.actor) for m in members) if c), None)
            seen = [alias for m in members for alias in (m.actor.name, *m.actor.aliases)]
            if canonical and canonical in seen:
                return canonical
        names = [m.actor.name for m in members]
        counts = Counter(names)
        order = {n: i for i, n in reversed(list(enumerate(names)))}
        return max(counts, key=lambda n: (len(n.split()) if not n.startswith("@") else 0, counts[n], -order[n]))
