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
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, NamedTuple

from brief.analysis.collector import collector_paused
from brief.analysis.digest import LinkedQuote
from brief.analysis.names import (
    address_gender,
    first_name_forms,
    gender_of,
    is_unresolved,
    name_key,
    organizations,
    places,
    plain_key,
    surname_index,
)
from brief.analysis.roles import role_key, specific_roles
from brief.models import Actor, ActorKind, Article, ArticleAnalysis, LocalActor, Quote

if TYPE_CHECKING:
    from brief.analysis.digest import ArticleDigest

_TOP_TERMS = 12
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")


class LocalActorIds(Mapping):
    """"article_id:local_key" -> Actor.id, held as one small dict per article: the same lookups
    without a 30-character key string for each of the 1.5 million local actors of 100,000 articles
    (and in the form the cache keeps them). Article ids never hold a colon (see `article_id`)."""

    __slots__ = ("by_article", "_count")

    def __init__(self) -> None:
        self.by_article: dict[str, dict[str, str]] = {}
        self._count = 0

    def set(self, article_id: str, key: str, actor_id: str) -> None:
        own = self.by_article.get(article_id)
        if own is None:
            own = self.by_article[article_id] = {}
        if key not in own:
            self._count += 1
        own[key] = actor_id

    def get(self, compound: str, default=None):
        article_id, _, key = compound.partition(":")
        own = self.by_article.get(article_id)
        return default if own is None else own.get(key, default)

    def __getitem__(self, compound: str) -> str:
        found = self.get(compound)
        if found is None:
            raise KeyError(compound)
        return found

    def __contains__(self, compound: object) -> bool:
        return isinstance(compound, str) and self.get(compound) is not None

    def __iter__(self) -> Iterator[str]:
        for article_id, own in self.by_article.items():
            for key in own:
                yield f"{article_id}:{key}"

    def __len__(self) -> int:
        return self._count

    def to_dict(self) -> dict[str, str]:
        return {f"{article_id}:{key}": actor_id for article_id, own in self.by_article.items()
                for key, actor_id in own.items()}


@dataclass
class MergeResult:
    """Corpus actors, quotes with `speaker_id`, and "article_id:local_key" -> Actor.id.

    Unpacks as `(actors, quotes)` for callers that want only those two.
    """

    actors: list[Actor]
    quotes: list[Quote] | list[LinkedQuote]
    local_actor_ids: LocalActorIds = field(default_factory=LocalActorIds)

    def __iter__(self) -> Iterator:
        return iter((self.actors, self.quotes))


@dataclass(slots=True)
class _Local:
    article_id: str
    actor: LocalActor
    mentions: int
    context: frozenset[str]  # identities of the actors in the article (its own included)
    terms: frozenset[str]

    @property
    def compound(self) -> str:
        return f"{self.article_id}:{self.actor.key}"


@dataclass(slots=True)
class _Cluster:
    members: list[_Local] = field(default_factory=list)
    first_forms: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)

    def add(self, local: _Local, evidence: bool = True) -> None:
        self.members.append(local)
        if not evidence:
            return  # places and bodies merge by name: no need to keep their company
        actor = local.actor
        if actor.first_name:
            self.first_forms |= _first_forms(actor.first_name)
        gender = _actor_gender(actor.first_name, actor.aliases)
        if gender:
            self.genders.add(gender)
        if actor.roles:
            self.roles |= _role_keys(actor.roles)
        self.context |= local.context
        self.terms |= local.terms


_NO_EVIDENCE: frozenset[str] = frozenset()


def _drop_evidence(clusters: list[_Cluster]) -> None:
    """Once the clusters are made, only their members are needed to name them: the sets of company,
    terms and forms they were merged on are dropped before the actors are made (at 100,000 articles
    that evidence is several hundred megabytes, and with the new actors it made the peak)."""
    for cluster in clusters:
        cluster.first_forms = cluster.roles = cluster.context = cluster.terms = cluster.genders = _NO_EVIDENCE
        for local in cluster.members:
            local.context = local.terms = _NO_EVIDENCE


def _gender(local: LocalActor) -> str:
    """'m'/'f' from the given name or a form of address among the aliases ('Mrs Howard')."""
    found = gender_of(local.first_name)
    if found:
        return found
    for alias in local.aliases:
        found = address_gender(alias.split()[0]) if " " in alias else ""
        if found:
            return found
    return ""


def _kind(members: list[_Local]) -> ActorKind:
    """A person if anyone saw a person; else the commonest of place/organisation; 'other' last."""
    if len(members) == 1:
        return members[0].actor.kind
    kinds: dict[str, int] = {}
    for m in members:
        kind = m.actor.kind
        kinds[kind] = kinds.get(kind, 0) + 1
    if kinds.get("person"):
        return "person"
    typed = [(n, k) for k, n in kinds.items() if k != "other"]
    return max(typed)[1] if typed else "other"


_QUOTE_FIELDS = tuple(Quote.model_fields)


def _top_terms(analysis: ArticleDigest) -> frozenset[str]:
    """The article's `_TOP_TERMS` heaviest terms (ties: the first listed)."""
    weights = list(analysis.term_weights)
    if weights == sorted(weights, reverse=True):  # as `article_terms` lists them: heaviest first
        return frozenset(analysis.term_keys[:_TOP_TERMS])
    return frozenset(t for t, _ in sorted(analysis.terms.items(), key=lambda kv: -kv[1])[:_TOP_TERMS])


def _middle(local: LocalActor) -> str:
    """Initials of the names between the first and the last: 'George H.W. Bush' -> 'hw'."""
    words = local.name.split()[1:-1]
    return "".join(w[0].lower() for part in words for w in part.replace(".", " ").split() if w[0].isupper())


@lru_cache(maxsize=65536)
def _first_forms(first: str) -> set[str]:
    """(Memoised: callers must not change the set.)"""
    return set(first_name_forms(first)) | {name_key(first)}


@lru_cache(maxsize=65536)
def _actor_gender(first_name: str | None, aliases: tuple[str, ...]) -> str:
    return _gender(_Named(first_name, aliases))


class _Named(NamedTuple):
    first_name: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=65536)
def _role_key(role: str) -> str:
    return role_key(role)


@lru_cache(maxsize=65536)
def _role_keys(roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_role_key(r) for r in roles)


@lru_cache(maxsize=65536)
def _own_key(name: str) -> str:
    return plain_key(_family(name))[:5]


@lru_cache(maxsize=65536)
def _middle_of(name: str) -> str:
    return _middle(_Name(name))


class _Name(NamedTuple):
    name: str


def _canonical(local: LocalActor) -> str | None:
    for name in (local.name, *local.aliases):
        if name in places():
            return places()[name]
        if name in organizations():
            return organizations()[name]
    return None


def _family(name: str) -> str:
    """The family name of a person's name: last, or first in 'Ban Ki-moon'."""
    words = name.split()
    return words[surname_index(words)] if words else name


def _identity(local: LocalActor) -> str:
    """The key an actor is known by among the others of its article (for shared company)."""
    if local.kind == "person":
        return "p:" + name_key(_family(local.name))
    return _KIND_PREFIX[local.kind] + plain_key(_canonical(local) or local.name)


_KIND_PREFIX = {"person": "p:", "place": "l:", "organization": "o:", "other": "x:"}


_PEER_TITLES = frozenset("prince princess king queen pope lord lady baron baroness emperor empress sheikh".split())


def _peer_title(local: LocalActor) -> str | None:
    """'Prince Charles', 'Lord Falconer': a title with one name is its own key ('Ray Charles' is
    someone else), whatever the word would be as a surname."""
    if local.kind != "person" or local.first_name or " " in local.name:
        return None
    for alias in local.aliases:
        words = alias.split()
        if len(words) == 2 and words[0].lower() in _PEER_TITLES and words[1] == local.name:
            return f"titled:{words[0].lower()}:{plain_key(local.name)}"
    return None


def _name_shaped(name: str) -> bool:
    """Two or three capitalised words, the way a person is named ('Mitt Romney')."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].replace("'", "").replace("-", "").isalpha()
                                        and not w.isupper() for w in words)


def _is_word_name(local: LocalActor) -> bool:
    return bool(local.name) and local.name[0].isalpha() and not local.name.startswith("@")


class _Evidence:
    """An index of a list of person clusters: the clusters holding each role key and each identity
    that counts as company (`is_evidence`), kept up to date as clusters join the list (`track`) and
    grow (`grow`, before `add`), so a bare surname is scored only against the clusters it shares
    something with, not against every cluster of its surname."""

    def __init__(self, clusters: list[_Cluster], is_evidence) -> None:
        self.clusters = clusters
        self.is_evidence = is_evidence
        self.position: dict[int, int] = {}  # id(cluster) -> its place in `clusters`
        self.by_role: dict[str, list[int]] = defaultdict(list)
        self.by_identity: dict[str, list[int]] = defaultdict(list)
        for cluster in clusters:
            self.track(cluster)

    def track(self, cluster: _Cluster) -> None:
        """`cluster`, just appended to the list."""
        place = self.position[id(cluster)] = len(self.position)
        for role in cluster.roles:
            self.by_role[role].append(place)
        for identity in cluster.context:
            if self.is_evidence(identity):
                self.by_identity[identity].append(place)

    def grow(self, cluster: _Cluster, local: _Local) -> None:
        """What `cluster.add(local)` is about to give the cluster."""
        place = self.position.get(id(cluster))
        if place is None:
            return  # not of this list
        for role in _role_keys(local.actor.roles):
            if role not in cluster.roles:
                self.by_role[role].append(place)
        for identity in local.context:
            if identity not in cluster.context and self.is_evidence(identity):
                self.by_identity[identity].append(place)

    def sharing(self, roles: frozenset[str], identities: set[str]) -> list[_Cluster]:
        """The clusters holding one of `roles` or `identities`, in list order."""
        places: set[int] = set()
        for role in roles:
            places.update(self.by_role.get(role, ()))
        for identity in identities:
            places.update(self.by_identity.get(identity, ()))
        return [self.clusters[p] for p in sorted(places)]


_INDEXED = 16  # clusters of a surname from which scoring through an index beats scoring them all

_NAMED, _UNRESOLVED, _PERSON, _BARE = range(4)


def _route(actor: LocalActor) -> tuple[int, str | None]:
    """Where `_cluster` sends an actor, and by what key: a function of the actor alone."""
    titled = _peer_title(actor)
    if titled:
        return _NAMED, titled
    if is_unresolved(actor.key):
        return _UNRESOLVED, None
    if actor.kind == "person" and _is_word_name(actor):
        return _PERSON, name_key(_family(actor.name))
    if actor.kind == "other" and _is_word_name(actor) and not _canonical(actor) and (
            " " not in actor.name or _name_shaped(actor.name)):
        return _BARE, None
    return _NAMED, plain_key(_canonical(actor) or actor.name)


class ActorMerger:
    def merge(self, articles: list[Article], analyses: dict[str, ArticleAnalysis | ArticleDigest],
              quote_models: bool = True) -> MergeResult:
        """Without `quote_models` the quotes are `LinkedQuote` records, for a caller that writes them
        out rather than keeps them."""
        with collector_paused():
            return self._merge(articles, analyses, quote_models)

    def _merge(self, articles: list[Article], analyses: dict[str, ArticleAnalysis | ArticleDigest],
               quote_models: bool = True) -> MergeResult:
        from brief.analysis.digest import digests_of

        analyses = digests_of(articles, analyses)
        locals_: list[_Local] = []
        df: dict[str, int] = {}  # in how many articles each actor identity appears
        identity_of: dict[ArticleDigest | LocalActor, str] = {}  # the same actor recurs across articles
        for article in articles:
            analysis = analyses.get(article.id)
            if analysis is None:
                continue
            article_id = article.id
            counts = analysis.mention_counts
            found = []
            for a in analysis.actors:
                identity = identity_of.get(a)
                if identity is None:
                    identity = identity_of[a] = _identity(a)
                found.append(identity)
            identities = frozenset(found)
            for identity in identities:
                df[identity] = df.get(identity, 0) + 1
            terms = _top_terms(analysis)
            for local in analysis.actors:
                locals_.append(_Local(article_id, local, counts.get(local.key, 0), identities, terms))
        self.df = Counter(df)
        self._rare_memo: dict[str, bool] = {}
        self._identity_of = identity_of

        self.n_articles = len(articles)
        clusters = self._cluster(locals_)
        del locals_, identity_of, df
        _drop_evidence(clusters)
        self.df, self._rare_memo, self._identity_of = Counter(), {}, {}
        actors, local_ids = self._actors(clusters)
        by_id = {a.id: a for a in actors}
        quotes: list = []
        validate = Quote.model_validate
        for article in articles:
            analysis = analyses.get(article.id)
            if analysis is None:
                continue
            article_id = article.id
            for values in analysis.quotes:
                # the Quote that `analysis.quote_models()` would give, with its speaker_id set
                if quote_models:
                    data = dict(zip(_QUOTE_FIELDS, values))
                    speaker_key = data["speaker_key"]
                    speaker_id = data["speaker_id"] = local_ids.get(f"{article_id}:{speaker_key}") if speaker_key else None
                    q = validate(data)
                else:
                    q = LinkedQuote(values)
                    speaker_key = q.speaker_key
                    speaker_id = q.speaker_id = local_ids.get(f"{article_id}:{speaker_key}") if speaker_key else None
                if speaker_id:
                    by_id[speaker_id].quote_ids.append(q.id)
                quotes.append(q)
        return MergeResult(actors=actors, quotes=quotes, local_actor_ids=local_ids)

    # -- clustering ------------------------------------------------------------------------------

    def _cluster(self, locals_: list[_Local]) -> list[_Cluster]:
        named: dict[str, _Cluster] = {}  # places, organisations, others, titled people: by name
        people: dict[str, list[_Local]] = defaultdict(list)  # by surname key
        bare_words: list[_Local] = []  # one-word 'other' names that may be a surname
        routes: dict[ArticleDigest | LocalActor, tuple[int, str | None]] = {}
        for local in locals_:
            actor = local.actor
            route = routes.get(actor)
            if route is None:
                route = routes[actor] = _route(actor)
            how, key = route
            if how == _NAMED:
                cluster = named.get(key)
                if cluster is None:
                    cluster = named[key] = _Cluster()
                cluster.members.append(local)  # add(local, evidence=False)
            elif how == _PERSON:
                people[key].append(local)
            elif how == _BARE:
                bare_words.append(local)  # may be a surname, or a person's name typed 'other' here
            else:
                # a surname its article could not give to one of two people: it joins no one
                named.setdefault(f"unresolved:{local.article_id}:{actor.key}", _Cluster()).add(local, evidence=False)

        person_clusters = {surname: self._people(members) for surname, members in people.items()}
        evidence_of: dict[str, _Evidence] = {}  # surname -> the index of its clusters, once asked
        for local in bare_words:
            words = local.actor.name.split()
            surname = name_key(words[-1])
            clusters = person_clusters.get(surname, [])
            evidence = evidence_of.get(surname)
            if len(words) > 1:
                # 'Mitt Romney' typed 'other' in one article: the Mitt Romney that others call a person
                forms = _first_forms(words[0])
                fits = [c for c in clusters if c.first_forms & forms]
                target = fits[0] if len(fits) == 1 else None
            else:
                if evidence is None and len(clusters) >= _INDEXED:
                    evidence = evidence_of[surname] = _Evidence(clusters, self._is_evidence)
                target = self._best(clusters, local, evidence)
            if target is not None:
                if evidence is not None:
                    evidence.grow(target, local)
                target.add(local)
            else:
                named.setdefault(plain_key(local.actor.name), _Cluster()).add(local, evidence=False)
        self._join_acronyms(named)
        self._join_handles(named, person_clusters)
        out = list(named.values())
        for clusters in person_clusters.values():
            out.extend(clusters)
        return out

    @staticmethod
    def _join_acronyms(named: dict[str, _Cluster]) -> None:
        """'NHS' alone in one article is the 'National Health Service (NHS)' of another."""
        for key in list(named):
            cluster = named.get(key)
            if cluster is None:
                continue
            acronyms = {plain_key(a) for m in cluster.members for a in m.actor.aliases
                        if _ACRONYM.match(a) and plain_key(a) != key}
            for other in acronyms:
                if other in named and named[other] is not cluster:
                    for local in named.pop(other).members:
                        cluster.add(local, evidence=False)

    @staticmethod
    def _join_handles(named: dict[str, _Cluster], person_clusters: dict[str, list[_Cluster]]) -> None:
        """A handle seen alone ('@michaelgwaltz') joins the one person whose surname it holds and whose
        first name (or its nickname family, or initial) comes before the surname."""
        by_surname: dict[str, list[_Cluster]] = defaultdict(list)
        for clusters in person_clusters.values():
            for cluster in clusters:
                if cluster.first_forms:
                    surname = plain_key(_family(cluster.members[0].actor.name))
                    if len(surname) >= 3:
                        by_surname[surname].append(cluster)
        for key in [k for k, c in named.items() if c.members[0].actor.name.startswith("@")]:
            body = key
            found = []
            for i in range(len(body)):
                for j in range(i + 3, len(body) + 1):
                    for cluster in by_surname.get(body[i:j], ()):
                        before = body[:i]
                        if not before or any(before.startswith(f) for f in cluster.first_forms if len(f) >= 2) or (
                                len(before) <= 2 and any(f.startswith(before[0]) for f in cluster.first_forms)):
                            if cluster not in found:
                                found.append(cluster)
            if len(found) == 1:
                for local in named.pop(key).members:
                    found[0].add(local)

    def _people(self, members: list[_Local]) -> list[_Cluster]:
        """One surname bucket: full names by agreeing first names, then bare surnames by evidence."""
        clusters: list[_Cluster] = []
        by_form: dict[tuple[str, str], _Cluster] = {}
        # the clusters of by_form's keys (f, any middle), in the order the keys were added
        by_first: dict[str, list[_Cluster]] = {}
        with_first: list[_Local] = []
        initials: list[_Local] = []
        bare: list[_Local] = []
        for m in members:
            first = m.actor.first_name
            if not first:
                bare.append(m)
            elif len(plain_key(first)) > 1:
                with_first.append(m)
            elif len(plain_key(first)) == 1:
                initials.append(m)
        # those with a middle name or initial first, so that 'George H.W. Bush' and 'George W. Bush'
        # stay two and a plain 'George Bush' can then join one of them
        with_first.sort(key=lambda m: not _middle_of(m.actor.name))
        for local in with_first:
            forms = _first_forms(local.actor.first_name or "")
            middle = _middle_of(local.actor.name)
            known = list({id(by_form[(f, middle)]): by_form[(f, middle)] for f in forms if (f, middle) in by_form}.values())
            if not known and not middle:
                known = list({id(c): c for f in forms for c in by_first.get(f, ())}.values())
            if len(known) == 1 or (known and middle):
                cluster = known[0]
            else:  # 'George Bush' with both a 'George H.W.' and a 'George W.': only on evidence
                cluster = self._best(known, local) if known else None
            if cluster is None:
                cluster = _Cluster()
                clusters.append(cluster)
            cluster.add(local)
            for f in cluster.first_forms:
                key = (f, middle)
                if key not in by_form:
                    by_form[key] = cluster
                    by_first.setdefault(f, []).append(cluster)
        for local in initials:
            letter = plain_key(local.actor.first_name or "")
            fits = [c for c in clusters if any(f.startswith(letter) for f in c.first_forms)]
            if len(fits) == 1:
                fits[0].add(local)
            else:
                cluster = _Cluster()
                cluster.add(local)
                clusters.append(cluster)
        evidence = _Evidence(clusters, self._is_evidence) if len(bare) > 1 and len(clusters) >= _INDEXED else None
        for local in bare:
            target = self._best(clusters, local, evidence)
            if target is None:
                target = _Cluster()
                clusters.append(target)
                if evidence is not None:
                    evidence.track(target)
            if evidence is not None:
                evidence.grow(target, local)
            target.add(local)
        return clusters

    def _rare(self, identity: str) -> bool:
        return self.df.get(identity, 0) <= max(3, self.n_articles // 50)

    def _is_evidence(self, identity: str) -> bool:
        """Company that tells: people, bodies and things named in few articles, not 'US' or 'London'."""
        if identity.startswith("l:"):
            return False
        rare = self._rare_memo.get(identity)
        if rare is None:
            rare = self._rare_memo[identity] = self._rare(identity)
        return rare

    def _best(self, clusters: list[_Cluster], local: _Local, evidence: _Evidence | None = None) -> _Cluster | None:
        """The one cluster a bare surname shares a role or company with, if exactly one does best.
        With `evidence` (an index of `clusters`), only the clusters sharing a role or some company are
        scored: any other scores at most 1, and a best under 2 is none."""
        if not clusters:
            return None
        actor = local.actor
        roles = _role_keys(actor.roles)
        own = _own_key(actor.name)  # the name itself is no evidence
        terms = {t for t in local.terms if own not in t.replace(" ", "")}
        # company that tells: people, bodies and things named in few articles, not 'US' or 'London'
        me = self._identity_of.get(actor) or _identity(actor)
        rare = self._rare_memo
        context = set()
        for c in local.context:
            if c != me and not c.startswith("l:"):
                is_rare = rare.get(c)
                if is_rare is None:
                    is_rare = rare[c] = self._rare(c)
                if is_rare:
                    context.add(c)
        if not roles and not context:
            return None  # the terms alone score at most 1: no cluster can reach 2
        gender = _actor_gender(actor.first_name, actor.aliases)
        # The first cluster of the best score, unless another has it too; a best under 2 is none, so
        # clusters under 2 are passed over (one with no role or company shared scores at most 1).
        best: _Cluster | None = None
        best_score = -1
        tied = False
        candidates = clusters if evidence is None else evidence.sharing(roles, context)
        for cluster in candidates:
            if gender and cluster.genders and gender not in cluster.genders:
                continue  # 'Mrs Howard' is not Michael Howard
            score = (2 * len(roles & cluster.roles) if roles else 0) + (len(context & cluster.context) if context else 0)
            if not score:
                continue
            if len(terms & cluster.terms) >= 3:
                score += 1
            if score < 2:
                continue
            if score > best_score:
                best, best_score, tied = cluster, score, False
            elif score == best_score:
                tied = True
        if best is None or tied:
            return None
        return best

    # -- corpus actors --------------------------------------------------------------------------

    def _actors(self, clusters: list[_Cluster]) -> tuple[list[Actor], LocalActorIds]:
        actors: list[Actor] = []
        local_ids = LocalActorIds()
        taken: dict[str, int] = {}  # base id -> how many actors have it (base, base-2, base-3, ...)
        for cluster in clusters:
            members = cluster.members
            kind = _kind(members)
            name = self._name(members, kind)
            base = "a" + hashlib.sha1(f"{kind}:{plain_key(name)}".encode()).hexdigest()[:10]
            # the first of base, base-2, base-3, ... not yet used (no other base makes these)
            n = taken.get(base, 0) + 1
            taken[base] = n
            actor_id = base if n == 1 else f"{base}-{n}"
            aliases: dict[str, None] = {}
            roles: dict[str, str] = {}  # role key -> first wording
            role_sources: dict[tuple[str, str], None] = {}
            article_ids: dict[str, None] = {}
            mentions = 0
            for m in members:
                actor = m.actor
                article_id = m.article_id
                aliases[actor.name] = None
                if actor.aliases:
                    aliases.update(dict.fromkeys(actor.aliases))
                for role in actor.roles:
                    roles.setdefault(_role_key(role), role)
                    role_sources[(role, article_id)] = None
                article_ids[article_id] = None
                local_ids.set(article_id, actor.key, actor_id)
                mentions += m.mentions
            actors.append(Actor(
                id=actor_id, name=name, kind=kind, aliases=list(aliases), roles=specific_roles(list(roles.values())),
                role_sources=[{"role": r, "article_id": a} for r, a in role_sources],
                article_ids=list(article_ids), mention_count=mentions,
            ))
        actors.sort(key=lambda a: (-a.mention_count, a.name))
        return actors, local_ids

    @staticmethod
    def _name(members: list[_Local], kind: ActorKind) -> str:
        """The fullest form, the commonest among the fullest, the first seen among equals."""
        if len(members) == 1 and kind not in ("place", "organization"):
            return members[0].actor.name
        if kind in ("place", "organization"):
            canonical = next((c for c in (_canonical(m.actor) for m in members) if c), None)
            if canonical and any(canonical == m.actor.name or canonical in m.actor.aliases for m in members):
                return canonical  # a form someone wrote
        names = [m.actor.name for m in members]
        counts = Counter(names)
        # first seen first: the rank of each name's first occurrence (counts keeps that order)
        order = {n: i for i, n in enumerate(counts)}
        def fullness(n: str) -> tuple:
            words = n.split()
            spelled = len(words[0].rstrip(".")) > 1  # 'Josh Smith' over 'J. Smith'
            return (len(words) if not n.startswith("@") else 0, spelled, counts[n], -order[n])

        return max(counts, key=fullness)
