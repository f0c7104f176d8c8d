"""A small briefing written for the reader's tests: two outlets on one story, one article
full of markup and control characters. No test here; the tests import `make_briefing`."""

from __future__ import annotations

from datetime import date

from brief.library import Library
from brief.models import (
    Actor, ActorBrief, Article, ArticleAnalysis, Briefing, LocalActor, Mention, OutletExclusive,
    Quote, QuoteGroup, Sentence, SourceProfile, Story, SummarySentence,
)

GAZETTE_TEXT = (
    "Mayor Lena Alvarez opened the Riverside bridge on Monday.\n\n"
    "“This bridge joins two halves of our city,” Alvarez said at the ceremony. "
    "Engineer Tom Okafor called it “a decade of careful work” in a post on X.\n\n"
    "The council, citing Reuters, said traffic would start on Tuesday."
)
POST_TEXT = (
    "Lena Alvarez, the mayor, cut the ribbon on the Riverside bridge.\n\n"
    "“This bridge joins the two halves of our town,” Alvarez told reporters.\n\n"
    "Residents queued for hours to walk across."
)
EVIL_TITLE = "[bold]x[/bold] and [/b] and [$accent] \x1b[31mred\x07"
EVIL_TEXT = (
    "He posted [link=http://x]click[/link] and [@click=app.quit]quit[/] on the forum. "
    "[bold]Mallory[/bold] wrote “[@click=app.quit]now[/] [$accent]”. \x1b[2J\x1b]0;pwned\x07 done."
)
EVIL_QUOTE = "[@click=app.quit]now[/] [$accent]"
EVIL_NAME = "[bold]Mallory[/bold]"


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for piece in text.replace("\n\n", "  ").split(".  "):
        piece = piece if piece.endswith(".") else piece + "."
        begin = text.index(piece[:20], start)
        out.append(Sentence(start=begin, end=begin + len(piece), text=text[begin:begin + len(piece)]))
        start = begin + 1
    return out


def make_briefing(extra_stories: int = 0) -> Briefing:
    gazette = Article(id="a-gazette", title="Mayor Alvarez opens the Riverside bridge", text=GAZETTE_TEXT,
                      path="gazette.md", source="Harbor Gazette", published=date(2025, 3, 3),
                      url="https://gazette.example/bridge")
    post = Article(id="a-post", title="Ribbon cut on Riverside bridge", text=POST_TEXT, path="post.md",
                   source="Valley Post", published=date(2025, 3, 3), url="javascript:alert(1)")
    evil = Article(id="a-evil", title=EVIL_TITLE, text=EVIL_TEXT, path="evil.md", source="[b]Evil[/b] Times",
                   published=date(2025, 3, 4), url="file:///etc/passwd")

    q_gazette = Quote(id="q-gazette", text="This bridge joins two halves of our city", article_id=gazette.id,
                      start=at(GAZETTE_TEXT, "This bridge")[0], end=at(GAZETTE_TEXT, "our city")[1],
                      speaker_key="alvarez", speaker_text="Alvarez", speaker_id="alvarez", cue="said",
                      channel="at the ceremony", group_id="g-bridge")
    q_okafor = Quote(id="q-okafor", text="a decade of careful work", article_id=gazette.id,
                     start=at(GAZETTE_TEXT, "a decade of careful work")[0],
                     end=at(GAZETTE_TEXT, "a decade of careful work")[1], kind="partial",
                     speaker_key="okafor", speaker_text="Tom Okafor", speaker_id="okafor", cue="called",
                     channel="X")
    q_post = Quote(id="q-post", text="This bridge joins the two halves of our town", article_id=post.id,
                   start=at(POST_TEXT, "This bridge")[0], end=at(POST_TEXT, "our town")[1],
                   speaker_key="alvarez", speaker_text="Alvarez", speaker_id="alvarez", cue="told",
                   group_id="g-bridge")
    q_evil = Quote(id="q-evil", text=EVIL_QUOTE, article_id=evil.id, start=at(EVIL_TEXT, EVIL_QUOTE)[0],
                   end=at(EVIL_TEXT, EVIL_QUOTE)[1], speaker_key="mallory", speaker_text=EVIL_NAME,
                   speaker_id="mallory", cue="wrote")

    def analysis(article: Article, mentions: list[tuple[str, str, int]], actors: list[LocalActor]) -> ArticleAnalysis:
        sentences = _sentences(article.text)
        return ArticleAnalysis(
            article_id=article.id, engine_version="test", sentences=sentences, summary=[0, len(sentences) - 1],
            actors=actors,
            mentions=[Mention(start=at(article.text, words, nth)[0], end=at(article.text, words, nth)[1],
                              text=words, actor_key=key) for words, key, nth in mentions])

    alvarez_local = LocalActor(key="alvarez", name="Lena Alvarez", kind="person", roles=["mayor"])
    analyses = {
        gazette.id: analysis(gazette, [("Lena Alvarez", "alvarez", 0), ("Alvarez", "alvarez", 1),
                                       ("Tom Okafor", "okafor", 0)],
                             [alvarez_local, LocalActor(key="okafor", name="Tom Okafor", kind="person",
                                                        roles=["engineer"])]),
        post.id: analysis(post, [("Lena Alvarez", "alvarez", 0), ("Alvarez", "alvarez", 1)], [alvarez_local]),
        evil.id: analysis(evil, [(EVIL_NAME, "mallory", 0)], [LocalActor(key="mallory", name=EVIL_NAME)]),
    }
    actors = [
        Actor(id="alvarez", name="Lena Alvarez", kind="person", aliases=["Lena Alvarez", "Alvarez", "Mayor Alvarez"],
              roles=["mayor"], role_sources=[{"role": "mayor", "article_id": gazette.id}],
              article_ids=[gazette.id, post.id], mention_count=4, quote_ids=["q-gazette", "q-post"]),
        Actor(id="okafor", name="Tom Okafor", kind="person", aliases=["Tom Okafor"], roles=["engineer"],
              article_ids=[gazette.id], mention_count=1, quote_ids=["q-okafor"]),
        Actor(id="mallory", name=EVIL_NAME, kind="person", aliases=[EVIL_NAME], article_ids=[evil.id],
              mention_count=1, quote_ids=["q-evil"]),
    ]
    bridge_summary = [
        SummarySentence(text=analyses[gazette.id].sentences[0].text, article_id=gazette.id,
                        start=analyses[gazette.id].sentences[0].start, end=analyses[gazette.id].sentences[0].end),
        SummarySentence(text=analyses[post.id].sentences[-1].text, article_id=post.id,
                        start=analyses[post.id].sentences[-1].start, end=analyses[post.id].sentences[-1].end),
    ]
    stories = [
        Story(id="s-bridge", title="Riverside bridge opens", article_ids=[gazette.id, post.id],
              summary=bridge_summary, actor_ids=["alvarez", "okafor"], quote_ids=["q-gazette", "q-okafor", "q-post"],
              sources=["Harbor Gazette", "Valley Post"], cited_sources=["Reuters"], published=date(2025, 3, 3)),
        Story(id="s-evil", title=EVIL_TITLE, article_ids=[evil.id], actor_ids=["mallory"], quote_ids=["q-evil"],
              sources=[evil.source], published=date(2025, 3, 4)),
    ]
    stories += [Story(id=f"s-extra-{i}", title=f"Extra story {i}", article_ids=[post.id]) for i in range(extra_stories)]
    sources = [
        SourceProfile(name="Harbor Gazette", article_ids=[gazette.id], cites=["Reuters"],
                      exclusives=[OutletExclusive(story_id="s-bridge", outlet="Harbor Gazette", sentences=[
                          SummarySentence(text="Engineer Tom Okafor called it “a decade of careful work” in a post on X.",
                                          article_id=gazette.id, start=at(GAZETTE_TEXT, "Engineer")[0],
                                          end=at(GAZETTE_TEXT, "on X.")[1])])]),
        SourceProfile(name="Valley Post", article_ids=[post.id]),
        SourceProfile(name=evil.source, article_ids=[evil.id]),
        SourceProfile(name="Reuters", kind="cited", cited_by=["Harbor Gazette"]),
    ]
    return Briefing(
        articles=[gazette, post, evil], analyses=analyses, stories=stories, actors=actors,
        quotes=[q_gazette, q_okafor, q_post, q_evil],
        quote_groups=[QuoteGroup(id="g-bridge", quote_ids=["q-gazette", "q-post"])],
        actor_briefs={"alvarez": ActorBrief(actor_id="alvarez", said=["q-gazette", "q-post"],
                                            said_about=bridge_summary[:1], story_ids=["s-bridge"],
                                            outlets=["Harbor Gazette", "Valley Post"], appears_with=["okafor"]),
                      "okafor": ActorBrief(actor_id="okafor", said=["q-okafor"], story_ids=["s-bridge"],
                                           appears_with=["alvarez"])},
        sources=sources,
        local_actor_ids={f"{gazette.id}:alvarez": "alvarez", f"{gazette.id}:okafor": "okafor",
                         f"{post.id}:alvarez": "alvarez", f"{evil.id}:mallory": "mallory"},
    )


def make_library(**kwargs) -> Library:
    return Library(make_briefing(**kwargs))


def screen_text(app) -> str:
    """What the terminal shows now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def run_palette(pilot, query: str) -> None:
    """Open the command palette, type `query` and take the first match."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
