"""Words that frame reported speech: cue verbs, channels, outlets, pronouns. Compiled once."""

from __future__ import annotations

import re

_CUE_STEMS = {
    # base: (3rd person, past, -ing); irregular forms spelled out
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "add": ("adds", "added", "adding"),
    "note": ("notes", "noted", "noting"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "post": ("posts", "posted", "posting"),
    "state": ("states", "stated", "stating"),
    "declare": ("declares", "declared", "declaring"),
    "announce": ("announces", "announced", "announcing"),
    "explain": ("explains", "explained", "explaining"),
    "argue": ("argues", "argued", "arguing"),
    "insist": ("insists", "insisted", "insisting"),
    "claim": ("claims", "claimed", "claiming"),
    "ask": ("asks", "asked", "asking"),
    "reply": ("replies", "replied", "replying"),
    "respond": ("responds", "responded", "responding"),
    "warn": ("warns", "warned", "warning"),
    "call": ("calls", "called", "calling"),
    "describe": ("describes", "described", "describing"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admits", "admitted", "admitting"),
    "concede": ("concedes", "conceded", "conceding"),
    "continue": ("continues", "continued", "continuing"),
    "recall": ("recalls", "recalled", "recalling"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "urge": ("urges", "urged", "urging"),
    "pledge": ("pledges", "pledged", "pledging"),
    "promise": ("promises", "promised", "promising"),
    "vow": ("vows", "vowed", "vowing"),
    "reaffirm": ("reaffirms", "reaffirmed", "reaffirming"),
    "stress": ("stresses", "stressed", "stressing"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"),
    "emphasise": ("emphasises", "emphasised", "emphasising"),
    "predict": ("predicts", "predicted", "predicting"),
    "complain": ("complains", "complained", "complaining"),
    "joke": ("jokes", "joked", "joking"),
    "quip": ("quips", "quipped", "quipping"),
    "boast": ("boasts", "boasted", "boasting"),
    "counter": ("counters", "countered", "countering"),
    "allege": ("alleges", "alleged", "alleging"),
    "remark": ("remarks", "remarked", "remarking"),
    "observe": ("observes", "observed", "observing"),
    "conclude": ("concludes", "concluded", "concluding"),
    "caution": ("cautions", "cautioned", "cautioning"),
    "maintain": ("maintains", "maintained", "maintaining"),
    "contend": ("contends", "contended", "contending"),
    "testify": ("testifies", "testified", "testifying"),
    "shout": ("shouts", "shouted", "shouting"),
    "yell": ("yells", "yelled", "yelling"),
    "wonder": ("wonders", "wondered", "wondering"),
    "lament": ("laments", "lamented", "lamenting"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "label": ("labels", "labeled", "labeling"),
    "brand": ("brands", "branded", "branding"),
    "report": ("reports", "reported", "reporting"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "deny": ("denies", "denied", "denying"),
    "accuse": ("accuses", "accused", "accusing"),
    "blast": ("blasts", "blasted", "blasting"),
    "slam": ("slams", "slammed", "slamming"),
    "praise": ("praises", "praised", "praising"),
    "criticize": ("criticizes", "criticized", "criticizing"),
    "criticise": ("criticises", "criticised", "criticising"),
    "reiterate": ("reiterates", "reiterated", "reiterating"),
    "assure": ("assures", "assured", "assuring"),
    "tout": ("touts", "touted", "touting"),
    "hail": ("hails", "hailed", "hailing"),
    "characterize": ("characterizes", "characterized", "characterizing"),
    "recount": ("recounts", "recounted", "recounting"),
    "muse": ("muses", "mused", "musing"),
    "thank": ("thanks", "thanked", "thanking"),
    "demand": ("demands", "demanded", "demanding"),
    "pronounce": ("pronounces", "pronounced", "pronouncing"),
    "proclaim": ("proclaims", "proclaimed", "proclaiming"),
    "exclaim": ("exclaims", "exclaimed", "exclaiming"),
    "mock": ("mocks", "mocked", "mocking"),
    "question": ("questions", "questioned", "questioning"),
    "chide": ("chides", "chided", "chiding"),
    "scoff": ("scoffs", "scoffed", "scoffing"),
    "dismiss": ("dismisses", "dismissed", "dismissing"),
    "attack": ("attacks", "attacked", "attacking"),
    "condemn": ("condemns", "condemned", "condemning"),
    "liken": ("likens", "likened", "likening"),
    "laud": ("lauds", "lauded", "lauding"),
    "compare": ("compares", "compared", "comparing"),
    "chant": ("chants", "chanted", "chanting"),
    "assert": ("asserts", "asserted", "asserting"),
    "reference": ("referenced", "referencing"),
    "exhort": ("exhorts", "exhorted", "exhorting"),
    "denounce": ("denounces", "denounced", "denouncing"),
    "chime": ("chimed in",),
}
# Base and -s forms that are more often nouns ("the state", "news reports", "her remarks") are left out.
_VERB_BASES = frozenset(
    "say tell write add ask insist argue explain admit warn acknowledge contend maintain suggest predict complain "
    "conclude recall deny confirm describe allege respond reply wonder declare announce urge concede reiterate "
    "accuse criticize criticise praise condemn denounce".split()
)
_NOUNISH = frozenset(
    "states posts tweets remarks questions thanks demands promises pledges vows jokes counters brands labels "
    "dubs quips boasts muses recounts notes claims warnings reports observes".split()
)
CUE_WORDS = frozenset(
    w
    for base, forms in _CUE_STEMS.items()
    for w in ((base,) if base in _VERB_BASES else ()) + tuple(forms)
    if w not in _NOUNISH
) | {"reports"}
# Multiword cues.
_CUE_PHRASES = ("pointed out", "points out", "went on", "goes on", "put it", "puts it", "spoke of", "chimed in")
_CUE_SET = CUE_WORDS | frozenset(_CUE_PHRASES)


class _CueFinder:
    """Cue verbs in text, with the re.Pattern calls the frames use; a word scan and a set, not one huge regex."""

    _WORD = re.compile(
        r"(?<![\w\-])(?:" + "|".join(re.escape(p) for p in _CUE_PHRASES) + r"|[A-Za-z]+)(?!\w)"
    )

    @staticmethod
    def _is_cue(m: re.Match) -> bool:
        w = m.group()
        # A capital is allowed for the first letter only ("Said Ellis: …").
        return w in _CUE_SET or (w[0].isupper() and w[1:].islower() and w.lower() in _CUE_SET)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        for m in self._WORD.finditer(text, pos, len(text) if endpos is None else endpos):
            if self._is_cue(m):
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        m = self._WORD.match(text, pos, len(text) if endpos is None else endpos)
        return m if m is not None and self._is_cue(m) else None


CUE = _CueFinder()

# Verbs after which an outlet relays another's words.
RELAY_VERBS = frozenset({"reported", "reports", "reporting", "report"})
# "X said Tuesday", "X has said", "X later noted": words between a subject and its cue.
_TRAIL = (
    r"also|later|then|again|previously|earlier|once|recently|further|simply|only|just|repeatedly|publicly|"
    r"privately|still|even|has|had|have|would|will|could|did|does|do|had|was|is|reportedly|often|"
    r"(?!family|rally|ally|assembly|supply|italy)[a-z]+ly|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|"
    r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|year|night)|"
    r"this (?:week|month|year|morning)|(?:in|on) (?:a|an|his|her|their|its) [a-z]+ (?:address|statement|interview|post)"
)
TRAILING_ADVERBIALS = re.compile(r"(?:\s+(?:" + _TRAIL + r"))+\s*$")

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n"}
FIRST_PERSON = frozenset({"i", "we", "you"})
# Words that end a subject phrase scanning leftwards: they start a clause or a prepositional phrase.
CLAUSE_WORDS = frozenset(
    "that which who whom whose and but or nor as because if when while after before since so than where though "
    "although whether until unless once yet what with by from at in on into about against between during under over "
    "to is was are were be been has had have not also then said says told".split()
)
PREPOSITIONS = frozenset("of for at from with to in on by about against between under behind near".split())
# Determiners and such that start a generic subject ("a spokesman", "the agency").
DETERMINERS = frozenset("a an the this that these those his her their its our one some many several another".split())

PLATFORMS = (
    "X", "Twitter", "Telegram", "Facebook", "Instagram", "TikTok", "Truth Social", "YouTube", "Threads", "Bluesky",
    "LinkedIn", "Weibo", "WeChat", "Reddit", "Snapchat", "Substack", "Gab", "Parler", "Medium", "Tumblr",
)
_PLATFORM = "|".join(re.escape(p) for p in sorted(PLATFORMS, key=len, reverse=True))
OUTLET_WORDS = re.compile(
    r"\b(?:News|Network|Press|Radio|Television|TV|Magazine|Agency|Channel|Daily|Times|Post|Journal|Tribune|Herald|"
    r"Gazette|Telegraph|Guardian|Independent|Reuters|Bloomberg|Politico|Axios|Breitbart|HuffPost|Newsweek|Vox|BuzzFeed|"
    r"Interfax|TASS|Ukrinform|Xinhua|Broadcasting|Insider|Examiner|Chronicle|Observer|Monitor|Report|Review|Wire|"
    r"Hill|Atlantic|Economist|Slate|Salon|Mediaite|Politifact|PolitiFact|Fox|CNN|CNBC|MSNBC|BBC|NBC|ABC|CBS|NPR|PBS|"
    r"AP|AFP|Sky|Al Jazeera|RIA|dpa|DPA|Kyodo|Yonhap|Daily Beast|Intercept|Forbes|Fortune)\b"
)
_NAME = r"(?:[A-Z][\w’'&\.\-]*|@\w+)(?:\s+(?:of\s+|the\s+|de\s+)?(?:[A-Z][\w’'&\.\-]*|@\w+))*"
# 'said on X', 'wrote on Telegram', 'said on CNN's "State of the Union"'
CHANNEL_ON = re.compile(r"\bon\s+(" + _PLATFORM + r")(?![\w\-])")
CHANNEL_ON_OUTLET = re.compile(r"\bon\s+(" + _NAME + r")")
# 'in his evening address', 'in a statement', 'in an interview with CNN', 'in a Facebook post'
CHANNEL_IN = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+(?:a|an|his|her|their|its|the|one|this|that)\s+((?:[\w\-’']+\s+){0,3}?"
    r"(?:address|statement|interview|speech|post|tweet|op-ed|letter|podcast|briefing|press conference|"
    r"news conference|video|message|email|e-mail|memo|broadcast|appearance|remarks|testimony|rally|"
    r"conference call|call with reporters|editorial|column|essay|blog post|announcement|sermon|debate))\b"
    r"(?:\s+(?:with|on|to|for)\s+(" + _NAME + r"))?"
)
TOLD = re.compile(r"\btold\s+(" + _NAME + r")")
QUOTED_AS_SAYING = re.compile(
    r"(?P<outlet>" + _NAME + r")\s+(?:also\s+)?quoted\s+(?P<who>[^,;~“”\"]{1,80}?)\s+as\s+(?P<cue>saying|telling|writing|stating|adding)\b"
)
ACCORDING_TO = re.compile(r"\baccording to\s+")
_MONTHS = (
    "Jan|Jan\\.|January|Feb|Feb\\.|February|March|April|May|June|July|Aug|Aug\\.|August|Sept?|Sept?\\.|September|"
    "Oct|Oct\\.|October|Nov|Nov\\.|November|Dec|Dec\\.|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
NOT_CHANNEL = re.compile(r"^(?:" + _MONTHS + r")(?!\w)")
