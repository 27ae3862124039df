"""Event titles: the clause a date belongs to, without the date phrase.

A title is the words around a date in its sentence, cut to the clause the date belongs to:
without the date phrase and its preposition, other dates' clauses, asides, attributions ("...,
officials said") and words left dangling. Dates listed for one clause share it, each with its
own item ("adding West Germany in 1955"). The patterns are English and kept here, in one place.
"""

from __future__ import annotations

import re

TITLE_LIMIT = 90
_LEAD = re.compile(r"^(?:[\"“”'‘’`(\[\s]|[-–—*•>]\s|and\s|but\s|so\s|yet\s|then\s|also\s|meanwhile,?\s|"
                   r"where\s|(?:background|methods?|results?|conclusions?|objectives?|aims?|findings|"
                   r"discussion|interpretation|design|setting|participants|actions?|action\s+points?)\s*:\s|"
                   r"(?:separately|in\s+addition|however|moreover|nevertheless|nonetheless|besides),\s|"
                   r"that\s(?=(?:he|she|it|they|we|i|the|a|an|his|her|their|its)\s)|"
                   r"(?:even\s)?though\s|although\s|(?-i:omg|OMG|lol|LOL|ugh|wow|yay)\s"
                   r"|(?:omg|lol|ugh|wow|yay|ok|okay|oh|well),\s|(?:many\s+)?thanks\s*[-–—,!.]\s|thank\s+you\s*[-–—,!.]\s"
                   # a transcript's time stamp and speaker: "[00:04:41] GUEST: ", "Q: "
                   r"|\d{1,2}:\d\d(?::\d\d)?\]?\s+(?:(?-i:[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)?)(?::\s*|\s+(?=(?-i:[a-z]))))?"
                   r"|(?-i:[QA]):\s"
                   # a post's edit label: "UPDATE: ", "FINAL UPDATE ", "EDIT 2 - "
                   r"|(?:(?:final|last|another)\s+)?(?:(?-i:EDIT|UPDATE)(?:\s*\d)?(?:\s*[:\-–]\s*|\s+)"
                   r"|(?-i:Edit|Update)(?:\s*\d)?\s*[:\-–]\s*)"
                   # a chat export's stamp: "12/11/2026, 18:04 - ", "[12/11/2026, 18:04:11] "
                   r"|\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s?[ap]m)?\]?\s*(?:[-–]\s+)?"
                   r"|\d{1,2}/(?:\d{1,2})?\s+(?=(?-i:[A-Z])))+",  # a thread's "1/ ", "2/10 "
                   re.IGNORECASE)
# a wire story's dateline opening its first sentence: "ANKARA (Reuters) - ", "WASHINGTON — ",
# "LONDON, March 3 (AP) -"
# "SAN JOSE, Calif., Nov. 24, 2026 /PRNewswire/ --"
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
                       r"\s*(?:\([^)]{1,40}\)\s*(?:-{1,2}|[–—_])|--|[–—_]"
                       r"|,?[^/\n]{0,30}/[\w .-]{2,30}/\s*(?:-{1,2}|[–—]))\s+")
# an aside between commas that a date ends, a relative clause or a participle: ", which
# began", ", first elected", ", meeting in Paris" (its subject is the words before it)
_ASIDE = re.compile(r"(?<=[^\s,;:])\s*,\s+(?:(?:which|whom?)\s+(?P<clause>[^,;:()]{3,50})"
                    r"|whose\s+(?P<whose>[^,;:()]{3,50})"
                    r"|(?P<clause2>(?:\w+\s+)?(?:[a-z]\w*(?:ed|ing)|built|born|made|held|found|known|"
                    r"seen|taken|given|written|begun|done|won|led|sold|hit|struck|due|out)\b[^,;:()]{0,40}))$")
# an aside saying when something is to come: "Version 5.0, due in the second half of 2027, ..."
# past tenses of their own form, a clause's verb ("roadworks that began", "since records began")
_IRREGULAR_PAST = ("began|broke|came|fell|froze|grew|hit|rose|ran|struck|took|went|won|lost|left|led|spread|"
                   "swept|tore|shook|sank|sold|built|made|became")
# a restrictive relative clause of a passive or past verb that a date ends: "drops the legacy
# API that was deprecated in 2024"
_RESTRICTIVE_RELATIVE = re.compile(r"(?<![\w'’-])(?:(?P<noun>(?:the|a|an|its|their|his|her|our)\s+"
                                   r"(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
                                   # a bare noun after a preposition: "during roadworks that began"
                                   r"|(?:during|after|before|amid|despite)\s+(?P<bare>[a-z][\w'’-]+))"
                                   r"\s+(?:that|which|who)\s+"
                                   r"(?P<clause>(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?"
                                   rf"(?:[a-z]+ed|{_IRREGULAR_PAST}))\s*$", re.IGNORECASE)
# a named day that may name a place's festival ("Edinburgh's Hogmanay"), not a month or a day
_FESTIVAL_NAME = re.compile(r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
                            r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)(?-i:[A-Z])[A-Za-z'’ -]+")
_OWNED_NAME = re.compile(r"(?<![\w'’-])(?-i:[A-Z])[\w-]*['’]s\s$")  # "Edinburgh's " (before a holiday)
# a since-clause that a date ends: "... since the dispute over pay began in March"
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?P<clause>(?:(?:the|a|an|his|her|its|their|our)\s+[^,;:]{1,50}?"
                           r"|records|(?-i:[A-Z])[\w'’-]*)\s+(?:was\s+|were\s+)?"  # (not "since it closed")
                           rf"(?:[a-z]+ed|{_IRREGULAR_PAST}))\s*$")
# a reporting verb and "that", before a date opening what was reported: "The court heard that
# at around 11.15pm on Saturday 8 March, Platt forced ..."
_REPORTED_THAT_OPEN = re.compile(r"\b(?:heard|said|says|told|found|learned|learnt|revealed|claimed|alleged|"
                                 r"reported|added|explained|stated|argued|insisted|believes?|believed|"
                                 r"knows?|knew)\s+that(?:\s+(?:at|on|in|by|during|early|late))*\s*$")
_WHEN_OPENING = re.compile(r"\W*(?:When|As)\s+(?P<clause>(?:the|a|an|his|her|its|their|(?-i:[A-Z])\w*)\s"
                           r"[^;:]{8,140}?)\s+(?:on|in|at|during|by)\s+$")
_DAY_NAMED_AFTER = re.compile(r",\s+(?:the\s+)?(?:so-called|dubbed|known\s+as)\s[^,;]{2,40}(?=,\s)")
_WHEN_TOLD = re.compile(r",\s+when\s+(?P<clause>[^,;:()]{6,120})")
_DATE_DESCRIBED = re.compile(r",\s+which\s+(?:is|was|will\s+be)\s+(?:also\s+|the\s+)")
AHEAD_SUBJECT_WORDS = 4  # a longer subject may hold a verb: "The team plans a two-year trial, due to ..."
_OPENING_REMNANT = re.compile(r"\s*(?:In|During|Over|Throughout|By|That|This|One)\s+(?:the\s+|that\s+|a\s+)?"
                              r"(?:[a-z]+\s+){0,2}?[a-z]+\s*")
_AHEAD_ASIDE = re.compile(r"(?:due|expected|scheduled|slated|set|out)\b")  # ("Her tenth, out this week,")
_PASSIVE_PARTICIPLE = re.compile(r"(?:(?:first|originally|once|later|newly)\s+)?(?:founded|built|born|based|"
                                 r"opened|established|created|formed|launched|elected|appointed|named|"
                                 r"completed|designed|published|released|issued|signed|approved|passed|"
                                 r"introduced|discovered|painted|written)\b")
# "... in Ohio, has struggled": the aside closes before the main verb (not "in Falmouth, Mass.")
_ASIDE_END = re.compile(r"^((?:\s+(?:in|at|near|for|by|as|after|before)\s+[^,;:()]{1,30})?)\s*,(?=\s+[a-z])")
# ", officials said on Thursday": who said it, not what happened
_ATTRIBUTION_AFTER = re.compile(
    r"[^,;]*?(?P<said>,\s+(?:[\w.'’-]+\s+){0,4}(?:said|says|told|added|reported|announced)\b|"
    r",\s*according\s+to\b)")
# "..., forecasters said on Thursday": the date of the statement, whose title is who said what
_ATTRIBUTION_BEFORE = re.compile(
    r",\s+(?P<who>(?:[\w.'’-]+\s+){1,5}?)(?P<verb>said|says|announced|confirmed|reported|warned|"
    r"predicted|estimated|told\s+(?:reporters|[A-Z][\w.'’-]*))\s+(?:on\s+|late\s+|early\s+)?$")
_ATTRIBUTED_END = re.compile(r"\s*(?:[,.;:!?\"”]|$)")
# ... unless what was said follows: "When it cleared, the captain announced that ..." is the
# sentence's main clause
_REPORTED_CLAUSE = re.compile(r"\s+that\b")
_ATTRIBUTION_LEAD = re.compile(r"^\s*according\s+to\s+[^,;:]{3,80},\s+(?=\S)", re.IGNORECASE)
# a comma or semicolon before a conjunction: a new clause (with its own date) begins
_NEXT_CLAUSE = re.compile(r"\s*(?:,\s*(?:and|but|while|whereas|with|although|though|so)\b|;"
                          r"|,\s*(?=(?:whom?|which)\s))")
# "damaged twice, in 1941 and again in the spring of 1944": dates listed for one clause
_DATE_LIST_JOIN = re.compile(r"\s*,?\s*(?:and|or|&)\s+(?:(?:again|then|later|once\s+more)\s+)?"
                             r"(?:(?:in|on|at|by|during)\s+)?", re.IGNORECASE)
# "indicted in March 2014 and convicted ... the following year": the next date's predicate
_NEXT_PREDICATE = re.compile(r"\s*(?:and|but)\s+(?!(?:again|then|later|once|also)\b)[a-z]")
_CONJUNCTION_AFTER = re.compile(r"\s*,?\s*(?:and|but|so)\b")
# a date inside the subject of a subordinate clause ("after [third-quarter] sales fell")
_SUBORDINATORS = frozenset("after as when because while although though once".split())
_SUBORDINATOR_BEFORE = re.compile(rf"(?<![^\s,])(?:{'|'.join(sorted(_SUBORDINATORS))})\s+$", re.IGNORECASE)
_CONCESSIVE_OPEN = re.compile(r"^\W*(?:even\s+)?(?:though|although)\s", re.IGNORECASE)
_NOUN_PHRASE_AFTER = re.compile(r"^[-\s]+[a-z][\w-]*\s+[a-z][\w-]*\s+[\w$£€]")  # three words at least
_EMPTIED_ASIDE = re.compile(r",\s+(?:(?:which|whom?)\s+)?(?:[\w-]+\s+)?[\w-]+\s*$")
_ASIDE_OPENED = re.compile(r",\s*(?:[a-z]+\s+)?$")  # "The bombings, on Aug. 7, killed": an aside
# "launched on April 1, more than three years after ...": how long after something the date was
_SPAN_APPOSITIVE = re.compile(r"\s*,\s+(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+"
                              r"|just\s+|only\s+|exactly\s+)?(?:a|an|\d+|[a-z]+)\s+(?:days?|weeks?|months?|"
                              r"years?|decades?|hours?|minutes?)(?:\s+(?:after|before|since|later|earlier)\b|\s*$)")
_ADVERBIAL_TAIL = re.compile(r",?\s+(?:and|or|but)\s+(?:in\s+any\s+(?:event|case)|at\s+the\s+latest"
                             r"|at\s+any\s+rate)$")
_EMPTIED_BRACKETS = re.compile(r"\s*\((?:\s*(?:this|that|next|last)\s+year)?(?:\s*(?:on|in|at|from))?\s*\)")
_TICKER = re.compile(r"\s*\((?:NASDAQ|Nasdaq|NYSE(?:\s+American)?|LSE|AMEX|TSX|ASX|OTC\w*|AIM|Euronext)\s*:"
                     r"\s*[\w.]{1,10}\)")
_FIGURE_BASE_TAIL = re.compile(r",\s+(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+[^,;:]{1,40}$")
_PLANNED_WORDS = ("planned", "scheduled", "expected", "due", "set", "slated")
_PLANNED_TAIL = re.compile(r",\s+(?:now\s+|currently\s+|still\s+)?"
                           r"(?:planned|scheduled|expected|due|set|slated)$")
_SUBJECT_APPOSITIVE = re.compile(
    r"(?!(?:In|On|At|For|By|After|Before|During|Since|From|Alone|Also|Still|Yet|But|And|So|Then)\b)"
    r"(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+(,\s+(?:a|an|the|one\s+of|its|his|her|their)\s[^,;:()]{3,60}?,)"
    r"\s+(?=(?:(?:first|then|also|now|later|still|soon)\s+)?(?:must|will|would|could|can|may|might|should|"
    r"is|was|are|were|has|had|have|[a-z]+ed)\b)")
_DATE_APPOSITIVE = re.compile(r"\s*,\s+the\s+(?:exact\s+|very\s+|same\s+)?(?:time|day|moment|hour|"
                              r"date|night|morning|evening|week|month|year)\b", re.IGNORECASE)
_RELATIVE_OPENER = re.compile(r",\s+(?:whom?|which)\s+$", re.IGNORECASE)
_ASIDE_REST = re.compile(r"\s*([^,;:()]{3,80}),")
# what "who" may tell of: a name, or a noun phrase with its determiner ("another man")
_WHO_ANTECEDENT = re.compile(r"(?:\b[A-Z][\w.'’&-]*|\b(?:the|a|an|another|his|her|their|our)"
                             r"(?:\s+[\w'’-]+){1,3})$")
_LAST_RELATIVE = re.compile(r",\s(?:whom?|which)\s(?!.*,\s(?:whom?|which)\s)")
_RELATIVE_START = re.compile(r"(?:whom?|which)\s+", re.IGNORECASE)
# the noun phrase a relative clause follows: "Smith Barney's Mr. Doyle, who ..."
_ANTECEDENT = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|but|that)\s+)"
                         r"(?P<noun>(?:[\w.'’&/-]+\s+){0,11}[\w.'’&/-]+),\s+$")
_TRAILING_DATE = re.compile(r"\s+(?:in|on|at|by|during|from|since|until|as\s+of)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?"
                            r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?\d{4},\s+$")
_LAST_NOUN_PHRASE = re.compile(r"\b(?P<noun>(?:the|a|an|another|his|her|its|their|our)\s+"
                               r"(?:[\w.'’&/-]+\s+){0,5}"  # ("the 2025/26 tax year")
                               r"[\w.'’&/-]+),\s+$", re.IGNORECASE)
_BARE_NOUN_PHRASE = re.compile(r"\b(?:to|into|for|on|in|of|at|under)\s+"
                               r"(?P<noun>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*),\s+$")
# where the noun phrase of a clause like "ordered a new hearing" begins
_DETERMINER = re.compile(r"\b(?:the|a|an|another|his|her|its|their|our|this|these|those)\s", re.IGNORECASE)
_NOUN_PHRASE_START = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that|these|those|[A-Z])")
# ... or the name it follows: "she married William King, who became Earl ..."
_NAME_ANTECEDENT = re.compile(r"(?<![\w.'’&-])"
                              r"(?P<noun>(?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*),\s+$")
_PERSON_OF_ANTECEDENT = re.compile(r"(?<![\w.'’&-])(?P<noun>(?:[A-Z][\w.'’&-]*\s+){1,3})of\s+(?:the\s+)?"
                                   r"(?:[A-Z][\w.'’&-]*\s+(?:of\s+)?){0,4}[A-Z][\w.'’&-]*,\s+$")
# a relative clause whose subject follows the pronoun ("which the two presidents signed")
_CLAUSE_SUBJECT = re.compile(r"(?:the|a|an|he|she|they|we|i|it|his|her|their|its|our)\s", re.IGNORECASE)
_DANGLING_COPULA = re.compile(r"\s+(?:was|is|were|are|will\s+be|came)$")
_COPULA_ENDS = ("was", "is", "were", "are", "be", "came")
_DATE_PREPOSITION = re.compile(r"(?:^|(?<=\s))(?:on|in|at|by|since|from|during|until|till|to|of|over|"
                               r"throughout|through|around|for|as\s+of)\s+$",
                               re.IGNORECASE)
_AGE_ASIDE_END = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*$")
_LEADING_PREPOSITION = re.compile(r"^\s*(?:[Dd]uring|[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Ss]ince|[Uu]nder|"
                                  r"[Tt]hroughout|[Ff]or)\s+(?=(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s)")
_PREVIOUS_ONLY = re.compile(r"[\s,]*(?:(?:in|on|at|by)\s+)?")
# a cleft sentence: "It was the summer of 1952 when Mara first saw the sea"
# ("It was not until 10 June that the beachheads were linked")
_CLEFT_BEFORE = re.compile(r"^\s*(?:(?:but|and|yet|so)\s+)?(?:it|this|that)\s+"
                           r"(?:was|is|had\s+been|will\s+be|wasn[\x27’]t|isn[\x27’]t)"
                           r"(?:\s+not)?(?:\s+(?:in|on|at|during|until|till|before|after))?\s*$",
                           re.IGNORECASE)
_CLEFT_AFTER = re.compile(r"^\s*,?\s*(?:when|that)\s+", re.IGNORECASE)
# a lifespan in brackets after a name: "Ada Lindqvist (born 12 March 1954 in Uppsala; died ..."
_LIFESPAN_BEFORE = re.compile(r"^(?P<subject>[^()]{2,80}?)\s*\((?:[^()]*(?:[;,]|\s[–—-])\s*)?"
                              r"(?P<verb>born|died|b\.|d\.|built|founded|established|opened|completed|"
                              r"published|released|elected)\s*(?:on\s+|in\s+)?$", re.IGNORECASE)
_LIFESPAN_AFTER = re.compile(r"^[^();,–—]*")
# an obituary's closing line: "Margaret Abiola Okafor, architect, born 3 March 1941; died 9 November 2026"
_OBITUARY_LINE = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]*),\s+[^;\n]{2,120}?,\s+"
                            r"born\s+[^;\n]{4,60};\s+died\s+[^;\n]{4,40}$")
# ... or the names of a subject ("Sophie's grandparents, Peter and Jean Turner, celebrated")
_NAMES_BETWEEN = re.compile(r"^(?P<subject>[^,;:]{3,60}?,\s+(?:(?-i:[A-Z])[\w'’.-]*\s+(?:and\s+|&\s+)?){1,4}"
                            r"(?-i:[A-Z])[\w'’.-]*),\s+(?P<rest>(?!and\b|but\b|or\b|who\b|which\b)(?-i:[a-z])[^,;:]*)$")
_PARTICIPLES_OPENING = re.compile(
    r"\s*(?P<phrase>(?:Built|Founded|Established|Opened|Launched|Formed|Created|Designed|Restored|Renovated|"
    r"Extended|Converted|Completed|Rebuilt|Refurbished|Modernised|Modernized)\b[^,;:]{3,120}?\s+and\s+"
    r"[a-z]+(?:ed|built)\b[^,;:]{3,80}?),\s+(?P<subject>(?:the|this|its|our|these|[A-Z][\w&'’.-]*)"
    r"(?:\s+[\w&'’.-]+){0,4}?)\s+(?:is|was|has|had|are|were|have|will|remains?|[a-z]+ed)\b")
_PARTICIPLE_WORD = re.compile(r"\b(?:[Bb]uilt|[Rr]ebuilt|[A-Za-z]{3,}ed)\b"
                              r"(?=\s+(?:in|on|at|by|during|around|c\.|circa|between|from|the|\d))")
_BORN_OR_DIED_BEFORE = re.compile(r"\b(?P<verb>born|died)\s+(?:on\s+|in\s+)?$")
# between a subject and its verb: a relative clause, an age or a name ("Teigen, 35, said",
# "her husband, John Legend, ...")
_RELATIVE_ASIDE = re.compile(r"^(?P<subject>[^,;:]{2,60})"
                             r"(?:,\s+(?:(?:(?:most|many|some|all|none|one|each|both|several|part)\s+of\s+)?"
                             r"(?:which|who|whom|whose)\s+[^,;:]{2,120}|(?:(?:now|aged)\s+)?\d{1,3}"
                             r"|(?:(?:first|originally|once|later|newly)\s+)?(?:founded|built|born|based|"
                             r"opened|established|created|formed|launched|elected|appointed)\s+[^,;:]{2,80}"
                             r"|(?:of|from)\s+(?:[A-Z][\w.'’-]*\s*){1,4}"  # "Jo Roe, 61, of Oak Lane, said"
                             r"|of\s+no\s+fixed\s+(?:address|abode)\s*"
                             r"|(?:[A-Z][\w.'’-]*\s*){1,4})){1,3},\s+(?P<rest>(?!and\b|but\b|or\b)[a-z](?:[^,;:]|,\s\d{1,3},)*)$")
# ... or a description of a name ("Margaret Ellis, one of the first women to ..., died")
_APPOSITIVE = re.compile(r"^(?P<subject>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+(?:one\s+of|a|an|"
                         r"the|former)\s+[^,;:]{2,90},\s+(?P<rest>(?!and\b|but\b|or\b)[a-z][^,;:]*)$")
# a participle opening the sentence ("Born in Leeds on 2 May 1930, the daughter of ..."): that
# phrase is what happened on the date
_OPENING_PARTICIPLE = re.compile(r"^\s*(?:Born|Founded|Established|Elected|Appointed|Built|Opened|"
                                 r"Launched|Formed|Created|Married|Ordained|Crowned)\b")
# ... or the occasion of what the main clause says ("Speaking on Monday, the minister said ..."):
# the main clause is what happened on the date
OCCASION_PARTICIPLES = ("Speaking|Writing|Talking|Addressing|Testifying|Appearing|Responding|Commenting|"
                        "Visiting")  # (shared with the tagger, which reads such a phrase's tense)
_OPENING_OCCASION = re.compile(rf"^\s*(?:{OCCASION_PARTICIPLES}|Asked|Interviewed|Questioned)\b")
# a title that is only a clause after "when", "after" ...: the clause alone ("A goal settled the game")
_SUBORDINATE_ONLY = re.compile(r"(?i:when|after|following|amid)\s+(?=(?:he|she|it|they|we|I|the|a|an|his|her|"
                               r"their|its|[A-Z]\w*)\s[^,;:]*$)")
_REPORTED_SUBJECT = re.compile(r"\b(?:said|says)\s+(?:that\s+)?(?P<subject>(?:the|its|his|her|their)\s+"
                               r"[a-z][\w-]*|he|she|it|they|we)\s+(?:had|has|was|were|is|are|[a-z]+ed)\b[^,;]*$")
_WHO_ANTECEDENT_BEFORE = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*),\s+who\s+[^,;]*$")
_DAY_RESTATED = re.compile(r"\s*\((?:the\s+)?\d{1,2}(?:st|nd|rd|th)\)")
_ASIDE_CLOSED_BEFORE = re.compile(r",\s+(?:from|on|in|at|by|until|till)\s+")
_PARTICIPLE_ASIDE_OPEN = re.compile(r",\s+(?:first\s+|originally\s+|temporarily\s+)?[a-z]+(?:ed|en)\s+"
                                    r"(?:since|in|on|from|until|during)\s")
_LAST_JOINT = re.compile(r".*\b(?:as|because|while|whereas|although|though|since|when)\s+(?=\S)")
_WHO_ASIDE = re.compile(r",\s+(?:whom?|which)\s+[^,;]*$")
_ASIDE_CLOSED_BY_VERB = re.compile(r"[^,;]{0,30}?,\s+(?=(?:said|says|told|added|announced|confirmed|warned|"
                                   r"[a-z]+ed)\s)")
_PARTICIPLE_ASIDE = re.compile(r"(?<=\w),\s+(?:first\s+|originally\s+)?[a-z]+(?:ed|en)\s+[^,;]*$")
_ASIDE_CLOSED_BY_AUXILIARY = re.compile(r"[^,;]{0,30}?,\s+(?=(?:will|would|can|could|may|might|must|should|"
                                        r"is|are|was|were|has|have|had)\s)")
_QUOTE_OPENED_BEFORE = re.compile(r"(?::|\b(?:said|says|added|wrote),?)\s*[\"“‘]\s*$")
_MAIN_CLAUSE_AFTER = re.compile(r"\s*,\s+(?=(?:she|he|they|we|it|I|the|this|its|his|her|their|[A-Z]\w*)\s)")
_SUBJECT_AFTER_COMMA = re.compile(
    r"(?:\s*,\s+|\s+(?=(?:in|at|near)\s))(?P<place>(?:in|at|near)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?,\s+)?"  # "Born on March 3, 1932, in Duluth, Minn., Lee"
    r"(?P<subject>(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*|the\s+[a-z][\w-]*"
    # "Built c.1890, this three-bedroom terrace was ...": a noun phrase before its verb
    r"|(?:the|this|its|our|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
    r"(?=\s+(?:was|is|were|are|has|had|have|will|stands|remains|became)\b))\s+[a-z]")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\s+(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+)(?=[\s,;:.]|$)")
_EMPTY_QUOTES = re.compile(r"\s*[\"“]\s*[,.;:]?\s*[\"”]")
# brackets the date's removal emptied: "( )", "(b. )", "(valid )" (a word, then the gap it left)
_EMPTY_BRACKETS = re.compile(r"\s*[(\[][\s,;:–—-]*(?:(?:b|d|c|fl)\.|born|died|[a-z]+(?=[\s,;:–—-]+[)\]]))?"
                             r"[\s,;:–—-]*[)\]]")
# "a write-off of $2.5 million, or seven cents a share": the amount told again, no clause
_AMOUNT_RESTATED = re.compile(r"or\s+(?:about\s+|nearly\s+|some\s+|roughly\s+)?(?:[$£€\d]|(?:one|two|three|"
                              r"four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b)",
                              re.IGNORECASE)
_BRACKET_OPENED_GAP = re.compile(r"([(\[])\s*[,;:–—-]\s*")
_TAIL = 40  # characters at the end of the words before a date that the patterns ending there read
_DANGLING_REACH = 24  # characters at the end of a title that may hold a dangling preposition
_DANGLING_PREP = re.compile(  # (starting at a word only: twice as fast as with "\s*" first)
    r"(?<!\w)(?:(?:but\s+)?not\s+)?(?:(?:shortly|just|soon|immediately|right|well|long)\s+(?=after\b|before\b))?"
    r"(?:(?:early|late|(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bmy\s)(?<!\btheir\s)(?<!\bits\s)(?<!\ba\s)(?<!\bare\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!'re\s)(?<!’re\s)back(?=\s+in\b))\s+)?(?:(?:(?:for|during|in|through|throughout)\s+)?"
    r"(?:most|much|all|(?:a\s+(?:good|large|great)\s+)?part|the\s+rest|the\s+bulk)\s+of|on\s+or\s+(?:before|after|about)|"
    r"in|into|on|at|since|by|during|from|until|till|before|"
    r"after|of|for|to|"
    r"through|throughout|"
    r"within|starting|beginning|dated|(?<!\btook\s)(?<!\btake\s)(?<!\btakes\s)(?<!\btaken\s)(?<!\bhanded\s)(?<!\bcame\s)"
    r"(?<!\bturned\s)(?<!\bwon\s)(?<!\bgot\s)(?<!\bstarted\s)(?<!\bpassed\s)over|"
    r"around|about|between|as of|as early as|as late as|as soon as|later|earlier|"
    r"(?:no|not)\s+(?:later|earlier)\s+than|"
    r"with\s+(?:immediate\s+)?effect\s+(?:from|on)|effective(?:\s+(?:from|on|as\s+of))?)"
    r"(?:\s+at\s+(?:least|the\s+(?:earliest|latest)))?(?:\s+(?:the|a|an))?(?:\s+or)?\s*$",  # "on or (around)"
    re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"[\s\"”'’)]*(?:[,.;:!?]|$)")
# ", 3 more than ...", ", a week later than ...": an appended comparison (not ", sales were lower than")
_COMPARED_TAIL_AFTER = re.compile(r",\s*(?:\d|(?:a|an|about|some|nearly|almost|up|down|well|far|much)\s)"
                                  r"[^,;]*\bthan\b[^,;]*$")
_DANGLING_AFTER = re.compile(r"\s+(?:than|ended|ending|since|of)$")
_POSSESSIVES = ("its", "their", "his", "her", "our")
_DANGLING_POSSESSIVE = re.compile(
    r"\s*\b(?:for|of|in|on|at|during|since|by|until)\s+(?:its|their|his|her|our)$", re.IGNORECASE)
# the words _DANGLING_PREP can end with
_DANGLING_LAST_WORDS = frozenset(
    "in into on at since by during from until till before after of for to through throughout within "
    "starting beginning over around about between as later earlier than the a an effective least "
    "earliest latest or dated".split())
# "in the 2024 season", "a 2019 study": a date that names what follows it stays in the title
# "was born in the winter of 1952, in a house with no electricity": "was born in a house"
_PLACE_AFTER_COMMA = re.compile(r"\s*,\s+(?:in|at|on|near|outside|inside)\s+"
                                r"(?:a|an|the|her|his|their|its|our|my)\s")
_VERB_AFTER_DATE = re.compile(r"\s+(?:fell|rose|grew|jumped|dropped|climbed|slid|slipped|surged|soared|"
                              r"plunged|was|were|is|are|will|would|totall?ed|reached|declined|increased|"
                              r"decreased)\b")
_FOOTNOTE_MARK = re.compile(r"\[[0-9]{1,3}\]")
_CLOCK_NOUN = re.compile(r"\d{1,2}(?:[.:]\d\d)?\s?(?:[ap]\.?m\.?)?")
_SERVICE_AFTER = re.compile(r"\s+(?:from|to|service|train|bus|ferry|flight|sailing|departure|was|is|has|had|"
                            r"will)\b")
_ATTRIBUTIVE_DATE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)\s+$", re.IGNORECASE)
_YEAR_LIST_AFTER = re.compile(r"(?:\s*,\s*(?:1[5-9]|20)\d\d)*,?\s+(?:and|or|&)\s+(?:1[5-9]|20)\d\d")
_YEAR_LIST_BEFORE = re.compile(r"(?<!\w)(?:the|a|an)\s+(?:(?:1[5-9]|20)\d\d\s*,\s*)*(?:1[5-9]|20)\d\d,?"
                               r"\s+(?:and|or|&)\s+$", re.IGNORECASE)
# a quoted name between commas ('the winter lecture, "Rivers and the making of towns", on'):
# no clause of its own to cut at
_QUOTED_APPOSITIVE = re.compile(r"[\"“][^\"“”]{1,80}[\"”],?\s*(?:(?:on|in|at|by|from)\s*)?$")
_QUOTE_CLOSED = re.compile(r"^([.,;:!?]?)[\"”]")
_AHEAD_OF_BEFORE = re.compile(r"\b(?:ahead\s+of|in\s+the\s+(?:run|lead|build)-up\s+to)\s+$", re.IGNORECASE)
# "The season overlaps with Hanukkah": the date is what it overlaps (not "compared with 2019")
_WITH_BEFORE = re.compile(r"(?<!\bcompared\s)(?<![\w-])with\s+$", re.IGNORECASE)
# "spent most of the 1960s in Boston": the date is what was spent, the verb needs it
_SPENT_BEFORE = re.compile(r"\bspen(?:t|ds?|ding)\s+(?:(?:most|much|part|all|some"
                           r"|the\s+(?:rest|bulk|remainder|better\s+part))\s+of\s+)?(?:the\s+)?$",
                           re.IGNORECASE)
_NOUN_AFTER_DATE = re.compile(r"\s+(?!(?:and|or|but|to|of|in|on|at|for|from|with|was|is|were|are|when|"
                              r"that|which|who|as|by|after|before)\b)(?:[a-z]{3,}|[A-Z][a-z]{2,})")
# a noun after a date that opens the sentence: "Diwali celebrations begin" (not "Last week the
# FBI joined", "This autumn has been the warmest")
_NOUN_AFTER_OPENING_DATE = re.compile(
    r"\s+(?!(?:and|or|but|to|of|in|on|at|for|from|with|was|is|were|are|when|that|which|who|as|by|after|"
    r"before|the|a|an|this|these|those|his|her|their|its|our|my|we|he|she|they|it|there|has|had|have|"
    r"will|would|could|may|might|should|must|can|did|does|do|also|still|just|only)\b)[a-z]{3,}\b(?<!ed)")
# a verb right after a sentence-initial date makes the date the clause's subject
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:alone|itself|too|also|again)\s+)?(?:is|was|are|were|has|had|will|would|marks|marked|saw|sees|"
    r"brought|brings|began|"
    r"begins|ended|ends|proved|remains|remained|became|promises|starts|started|looks|looked|seems|"
    r"seemed|could|may|might|should|would)\b", re.IGNORECASE)

_PREDICATE_AFTER = re.compile(r"\s+([a-z]+)\b")
_ACCORDING_TO_PUBLISHED = re.compile(
    r",?\s+according\s+to\s+(?:(?:an?|the|new)\s+)?(?:[\w-]+\s+){0,3}?(?:study|report|survey|analysis|"
    r"paper|poll|review|research|data|figures|statement|audit)\s+(?:published|released|issued)"
    r"(?:\s+(?:on|in|at|during|by))?\s*$", re.IGNORECASE)
_SAID_THAT = re.compile(r"\b(?:said|says|announced|confirmed|ruled|found|concluded|heard|revealed|alleged|"
                        r"told\s+[\w ]{2,30}?)(?:\s+[\w ]{2,20}?)?"
                        r"\s+that\s+"
                        r"(?=(?!(?:It|Its|He|His|She|Her|They|Their|We|Our|I)\b)[A-Z]|(?:the|a|an)\s)")
# "Work will start ...": a subject and a modal, which a second bare verb after "and" shares
_SUBJECT_MODAL = re.compile(r"(?P<subject>(?:[A-Z][\w'’-]*)(?:\s+[a-z][\w'’-]*){0,2}?)\s+"
                            r"(?P<modal>will|would|could|should|must|can|may|might)\s+[a-z]")
_NOT_BARE_VERBS = frozenset("the a an his her its their our this that these those in on at by for from to "
                            "with it he she they we i then".split())
_DATE_TAIL_NOUN = re.compile(r"\s+(?:holidays?|break|recess|half-term|vacation)\b")
_COMMA_PRONOUN = re.compile(r",\s+(?=(?:she|he|they|we|I)\s+[a-z]{2,}\b)")
_AND_OR_BUT = re.compile(r"\s(?:and|but)\s+")
# "will last into early next week before milder air arrives by mid-month": a clause of its own
# (a subject of one to three words, none a preposition, then a verb)
_SUBORDINATE = re.compile(
    r"\s(?:before|after|when|until|once|while|because|since)\s+(?=(?:(?!(?:of|in|on|at|for|with|to|from|by|"
    r"and|or)\s)[a-z]+\s+){1,3}(?:[a-z]+(?:s|ed)|was|were|is|are|has|had|will|would|could|began|came|went|"
    r"grew|fell|rose|took|made|became|broke|ran|began|left|won|lost)\s)")
_SUBJECT_AND_VERB = re.compile(
    r"(?:(?:(?:the|a|an|his|her|its|their|our)\s+(?:[\w-]+\s+){0,2}?[\w-]+|he|she|they|we|it|i)"
    r"\s+(?:was|were|is|are|has|had|have|will|would|could|can|[a-z]+ed|(?:take|begin|start|end|come|go|open|"
    r"close|run|rise|fall|remain|stay|return|resume)s?)\b"
    r"|(?:he|she|they|we|it|i|you)['’](?:ll|re|ve|d|s|m)\b)", re.IGNORECASE)  # ("and we'll be in")
_PREDICATE_JOIN = re.compile(r"\s(?:and|but)\s+(?!(?:again|then|later|once|also)\b)([a-z]+)\b")
# "warn this winter could be": a date that is the subject of a reported clause
_REPORTING_VERBS = frozenset(
    "warn warns warned say says said expect expects expected believe believes believed think thinks "
    "thought fear fears feared predict predicts predicted hope hopes hoped suggest suggests suggested "
    "show shows showed insist insists insisted claim claims claimed argue argues argued".split())

_NOUN_DATE = re.compile(r"(?:this|next|last|the|that)\s.*(?<!\bago)(?<!\bearlier)(?<!\blater)", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"\s+(?:could|may|might|should|must|can)\b")
# "It was the summer of 1969, and the heat lay ...": the date sets the scene of the next clause
_SCENE_BEFORE = re.compile(r"\s*(?:it|this)\s+(?:was|is)\s*", re.IGNORECASE)
_SCENE_AFTER = re.compile(r"\s*[,;]\s*(?:and\s+)?(?=\S)")
# "..., and on Sunday they went": a clause the date opens, with a subject of its own
_CLAUSE_OPENING_BEFORE = re.compile(
    r"[,;]\s*(?:and|but|then|so)\s+(?:(?:on|in|at|by|during|from|until)\s+)?$", re.IGNORECASE)
# "The Depression hit hard: in 1931 half the staff were laid off": the clause after the colon
_COLON_CLAUSE_BEFORE = re.compile(r"\b\w+\s\w+\s\w+:\s+(?:(?:on|in|at|by|during|from|until)\s+)?$",
                                  re.IGNORECASE)
_OWN_SUBJECT_AFTER_COLON = re.compile(r"\s*,?\s*(?:half|most|many|some|all|two|three|none)\s+(?:of\s+)?the\s")
_OWN_SUBJECT_AFTER = re.compile(r"\s*,?\s*(?:(?:the|a|an|he|she|they|we|i|it|his|her|their|its|our)\s"
                                r"|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’+-]*){0,3}\s+(?!of\b)[a-z])")


def _reported_subject(sentence: str, end: int) -> str | None:
    """The subject of a reported clause running up to ``end`` ("the minister said the plan had
    worked [on Monday] and would be extended": "The plan"), or None."""
    if " said " not in sentence and " says " not in sentence:
        return None
    found = _REPORTED_SUBJECT.search(sentence, 0, end)
    return found["subject"][0].upper() + found["subject"][1:] if found else None


def _who_antecedent(sentence: str, end: int) -> str | None:
    """The name a who-clause that runs up to ``end`` is about ("Claire, who joined in 2004 and
    became director in 2015": "Claire"), or None."""
    if ", who " not in sentence:
        return None
    found = _WHO_ANTECEDENT_BEFORE.search(sentence, 0, end)
    return found["name"] if found else None


def _dangling_preposition(text: str) -> re.Match[str] | None:
    """The preposition (and article) a removed date left at the end of ``text``, if any."""
    words = text[-_DANGLING_REACH:].rsplit(None, 1)
    if not words or words[-1].lower().lstrip("\"“‘'([") not in _DANGLING_LAST_WORDS:
        return None  # (most titles: no need to run the pattern)
    return _DANGLING_PREP.search(text, max(0, len(text) - _DANGLING_REACH))


def _later_predicate(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """A second predicate ("and reached") between ``start`` and ``end``: its verb in the past
    tense or a modal ("and will"), after "and" or "but"."""
    for join in _PREDICATE_JOIN.finditer(sentence, start, end):
        verb = join[1]
        if verb in _ACTIVE_VERBS or verb.endswith("ed") or verb in _AUXILIARIES:
            return join
        if (verb.endswith("s") and not sentence[start:join.start()].strip(" ,")
                and _PRESENT_PREDICATE_TAIL.match(sentence, join.end())
                and not _CLAUSE_MARK.search(sentence, 0, join.start())):
            return join  # "opens on 1 January and closes on 2 February" (not "a window that opens")
    return None


_CLAUSE_MARK = re.compile(r",|\b(?:that|which|who|whose|when|where|while)\b")
_AUXILIARIES = frozenset("will would was were has could can may might should must".split())
_PRESENT_PREDICATE_TAIL = re.compile(r"\s+(?:on|in|at|by|from|until|till|before|after)\s")


def _reporting_verb_before(before: str) -> bool:
    """Whether ``before`` ends with a verb of saying or thinking (and perhaps "that")."""
    words = before[-40:].split()[-2:]
    if words and words[-1] == "that":
        words = words[:-1]
    return bool(words) and words[-1] in _REPORTING_VERBS


def _own_clause(sentence: str, start: int, end: int) -> int | None:
    """Where a clause with a subject of its own begins after "and" or "but" between ``start``
    and ``end`` ("... and the blaze was under control by"), if one does."""
    for join in reversed(list(_AND_OR_BUT.finditer(sentence, start, end))):
        if _SUBJECT_AND_VERB.match(sentence, join.end(), end):
            return join.end()
    pronoun = _COMMA_PRONOUN.search(sentence, start, end)  # "Born in 1932 in Duluth, she married at 24"
    return pronoun.end() if pronoun is not None else None


def _last_word(text: str) -> str:
    """The last word of ``text``, in lower case ("" if none)."""
    words = text[-24:].split()
    return words[-1].lower() if words else ""


def _at_end(pattern: re.Pattern[str], text: str, reach: int = _TAIL) -> re.Match[str] | None:
    """``pattern`` (which ends in ``$``) searched in the last ``reach`` characters of ``text``
    only: one that ends there begins no further back (and a search from the start would try
    every position)."""
    return pattern.search(text, max(0, len(text) - reach))


def _without(before: str, span: tuple[int, int]) -> str:
    """``before`` without the date at ``span`` (in it), its preposition and its comma."""
    left, right = before[:span[0]], before[span[1]:]
    if left.endswith(("'s ", "’s ")) and _FESTIVAL_NAME.fullmatch(before, *span) and _OWNED_NAME.search(left):
        return before  # "Edinburgh's Hogmanay will run from 29 December": the festival's name stays
    possessive = right.startswith(("'s", "’s"))  # "to last year's hit": the preposition is the hit's
    if not possessive and (lead := _DATE_PREPOSITION.search(left)):
        left = left[:lead.start()]
    elif (left[-6:].lower().rstrip().endswith(_POSSESSIVES) and _VERB_AFTER_DATE.match(right)
          and (owner := _at_end(_DANGLING_POSSESSIVE, left.rstrip()))):
        left = left[:owner.start()]  # "earnings for its [fourth quarter] fell": "earnings fell"
    if possessive:  # "get around Wednesday's ruling": "the ruling"
        right = " the" + right[2:]
    if right.lstrip().startswith(",") and (not left.strip() or left.rstrip().endswith(",")):
        right = right.lstrip()[1:]  # "On Monday, police said": no comma is left hanging
    elif right.lstrip().startswith(",") and (emptied := _EMPTIED_ASIDE.search(left)):
        # "Early voting, which began on Oct. 21, drew ...": nothing is left of the aside
        left, right = left[:emptied.start()], right.lstrip()[1:]
    if not left.strip():
        return right.lstrip()
    return f"{left.rstrip()}{right}" if right.startswith(",") else f"{left.rstrip()} {right.lstrip()}"


def _with_antecedent(sentence: str, text: str, clause_start: int) -> str:
    """A title that is a relative clause ("who trimmed his projection") with the noun it
    tells of put back ("Mr. Doyle trimmed his projection"), when the sentence shows it."""
    clause = text[clause_start:]
    at = sentence.find(text[:clause_start])
    if at <= 0 or not clause:
        return text
    if (dated := _TRAILING_DATE.search(sentence, 0, at)) is not None and dated.start() > 0:
        # "a plant in 2019, which it sold", "cash of $412 million at September 30, 2026, which":
        # the noun is before its date
        sentence, at = sentence[:dated.start()] + ", ", dated.start() + 2
    # "she married William King, who became ...": a person is named just before "who" (or
    # before "of" an organisation: "Joan Campbell of the National Council of Churches, who")
    head = None
    if text[:3].lower() == "who":
        head = _PERSON_OF_ANTECEDENT.search(sentence, 0, at) or _NAME_ANTECEDENT.search(sentence, 0, at)
    head = head or _ANTECEDENT.search(sentence, 0, at) or _NAME_ANTECEDENT.search(sentence, 0, at)
    if head is None:  # "revenue of $57 billion for its third quarter, which ended": the last noun phrase
        head = _LAST_NOUN_PHRASE.search(sentence, max(0, at - 60), at)
    if head is None and text[:5].lower() == "which":  # "have gone out to public consultation, which runs"
        head = _BARE_NOUN_PHRASE.search(sentence, max(0, at - 40), at)
    if head is None:  # "which it expects to fund operations": the clause's own subject will do
        return clause.lstrip() if _CLAUSE_SUBJECT.match(clause.lstrip()) else text
    noun = head["noun"]
    if " " in noun and (joint := _LAST_JOINT.search(noun)) is not None:
        noun = noun[joint.end():]  # "slow in the new year as mortgage rates, which peaked": "mortgage rates"
    determiners = list(_DETERMINER.finditer(noun))
    if not determiners and len(noun.split()) > 6:
        return text  # a whole clause, no noun phrase to take
    if (said := _SAID_MODAL.match(clause)) is not None:
        clause = clause[said.end():]  # "which it said would ship in 2027": the noun would ship
    object_relative = _CLAUSE_SUBJECT.match(clause) is not None
    if (determiners and not object_relative and (name := _TRAILING_NAMES.search(noun)) is not None
            and _OBJECT_NAME_BEFORE.search(noun, max(0, name.start() - 16), name.start())):
        noun = name.group(0)  # "we look ahead to Hanukkah, which begins": "Hanukkah begins"
    elif determiners:
        # the nearest noun phrase is what a clause tells of ("the production of its terminals,
        # which were delayed"), the whole one is what a clause's own subject acted on ("a
        # treaty on the border, which the presidents signed")
        first = 1 if head.start("noun") == 0 and len(determiners) > 1 else 0  # past the subject
        noun = noun[determiners[first if object_relative else -1].start():]
    elif noun[:1].islower() and (start := _NOUN_PHRASE_START.search(noun)) is not None:
        noun = noun[start.start():]  # "but ordered a new hearing, which took place": "a new hearing"
    elif (" " in noun and any(w[:1].islower() for w in noun.split())
          and (name := _TRAILING_NAMES.search(noun)) is not None and name.start() > 0):
        noun = name.group(0)  # "He joined Acme, which was founded in 1990": "Acme"
    noun = noun.strip()
    if object_relative and len(clause.split()) <= 5:
        # "a treaty, which the two presidents signed last May": "The two presidents signed a treaty"
        if noun.split()[0] in ("The", "A", "An"):
            noun = noun[:1].lower() + noun[1:]
        return f"{clause[:1].upper()}{clause[1:]} {noun}"
    return f"{noun[:1].upper()}{noun[1:]} {clause}"


# between two dates listed with their own items: "Greece and Turkey in 1952, [West Germany in]
# 1955", "born in 1950, [married in] 1975", "won the cup in 1998, [] 2003", "in Paris in 2010, [in
# Berlin in] 2012"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|,?\s+(?:and|or|&)\s+)"
                       r"(?:(?:again|then|later|once\s+more)\s+)?(?P<item>(?:[^\s,;:()]+\s+){0,4}?)"
                       r"(?:(?:in|on|at|by|during)\s+)?", re.IGNORECASE)
_LIST_PREPOSITION = re.compile(r"\s*\b(?:in|on|at|by|during|from|between)\s*$", re.IGNORECASE)
_TRAILING_PLACE = re.compile(r"\b(?:in|at|on|to|for|from)\s+(?:the\s+)?[A-Z][\w.'’&-]*"
                             r"(?:\s+(?:of\s+)?[A-Z][\w.'’&-]*)*$")
_TRAILING_NAMES = re.compile(r"(?<![\w.'’&-])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                             r"\s+[0-9]{1,2}$)[A-Z][\w.'’&-]*(?:\s+(?:and|&|of|the)?\s*[A-Z][\w.'’&-]*)*"
                             r"(?:\s+[0-9][\w.]*)?$")  # with a version ("Python 3.9"), not a day ("July 1")
_SAID_MODAL = re.compile(r"\s*(?:it|they|he|she|we)\s+(?:said|says|say|expects|expected|hopes|hoped|believes|"
                         r"believed|thinks|thought)\s+(?=(?:would|will|could|should|might|may|can)\s)")
# a name as the object of a preposition or verb ("to Hanukkah", "to support Python 3.9"), not
# the head of its noun phrase ("the US Senate")
_OBJECT_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|"
                                 r"of|and|or|before|after|in|near|since|until|during|by|about|over|"
                                 r"under|between|like|than)\s)[a-z]{2,}\s+$")
_TRAILING_FIGURES = re.compile(r"[$£€]?[0-9][0-9.,]*\s*(?:%|percent|per\s+cent|million|billion|m\b|bn\b)?$")
_LIST_CONJUNCTION = re.compile(r"(?:^|\s)(?:and|or|&)\s", re.IGNORECASE)
# what a list names with each date: a place, names, a figure, or a predicate in the past
_LIST_ITEM = re.compile(r"(?:(?:in|at|on|to|for|from)\s+(?:the\s+)?[A-Z]"
                        r"|[A-Z][\w.'’&-]*(?:\s+(?:and|&|of|the|[A-Z][\w.'’&-]*))*$"
                        r"|[$£€]?[0-9]|(?:(?:last|first|later|then|again|also|finally|recently)\s+)?[a-z]+ed\b"
                        r"|(?:born|died|won|lost|left|became|wed|rose|fell|grew|sold|"
                        r"went|came|ran|took|made|joined|moved|returned)\b)")
_PLACE_ITEM = re.compile(r"(?:in|at|on|to|for|from)\s", re.IGNORECASE)
_TAIL_BREAK = re.compile(r"\s+(?:_|--|—|–)\s|\s*[(\[]|,\s*(?:though|although|while|but)\b")
_SUBJECT_END = re.compile(r"\s+(was|were|is|are|has|had|have|will|would|became|first)\b", re.IGNORECASE)
_LEADING_SUBJECT = re.compile(r"(?P<subject>(?:She|He|They|It|We|I)"
                              # "Chief executive Maria Lopez", "Prime minister Ana Costa"
                              r"|[A-Z][a-z]+\s+(?:executive|minister|secretary|director|officer|president)"
                              r"\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*"
                              r"|(?:the\s+|The\s+)?(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*)"
                              r"(?:,\s+\d{1,3},)?\s+[a-z]")  # "Lin, 48, joined"
# "The thefts began ...", "Her first novel was ...": a determiner and a lower-case noun phrase
# before the clause's verb
_WORDS_ONLY = re.compile(r"[A-Za-z][\w'’-]*(?:\s[A-Za-z][\w'’-]*)*")
_DETERMINERS = frozenset("The A An His Her Their Its Our This That These Those".split())
_NOT_SUBJECTS = ("The", "A", "An", "In", "On", "At", "By", "After", "His", "Her", "Their", "Its", "Our")
# a phrase before the subject: "Born in Lagos on 3 March 1941, she ...", "Speaking on Monday, he"
_OPENING_PHRASE = re.compile(r"(?:Born|Raised|Brought\s+up|Educated|Having|After|Before|Following|"
                             r"[A-Z][a-z]+(?:ed|ing)(?=\s+[a-z]))\b[^,;]{0,80},\s+(?=\S)"
                             # a short adverbial: "From there, Rovers ...", "By then, she ..."
                             r"|(?:From|By|Since|Until|Within|Soon|Shortly)\s+[a-z][^,;]{0,20},\s+(?=\S)")
_ACTIVE_VERBS = frozenset("died married moved returned retired joined left won lost ran went came became "
                          "rose fell grew resigned emigrated graduated arrived divorced remarried settled "
                          "began started finished ended bought took made stayed served worked lived "
                          "reopened spent sold built led held found gave wrote met taught fought brought "
                          "sent kept drove flew fled broke chose spoke stood saw".split())


def _object_of(subject: str) -> str | None:
    """What an object relative clause after ``subject`` acted on: the name ending it, or the
    whole of a short noun phrase ("The treaty": "the treaty")."""
    if (name := _TRAILING_NAMES.search(subject.rstrip())) is not None:
        return name.group(0)
    words = subject.split()
    if 2 <= len(words) <= 4 and words[0] in ("The", "A", "An") and _WORDS_ONLY.fullmatch(subject.strip()):
        return f"{words[0].lower()} {' '.join(words[1:])}"
    return None


def _leading_subject(clause: str) -> str | None:
    """The subject opening a clause: a pronoun or a name ("She", "Acme Corp"), or a determiner
    and a noun before a verb ("The thefts" in "The thefts began in 2015"), after an opening
    phrase ("Born in Lagos in 1941, she ...")."""
    opening = _OPENING_PHRASE.match(clause)
    if opening is not None:
        clause = clause[opening.end():]
        clause = clause[:1].upper() + clause[1:]  # "..., she moved": "She"
    lead = _LEADING_SUBJECT.match(clause)
    words = clause.split(None, 10)
    possessive = lead is not None and lead["subject"].endswith(("'s", "’s"))  # "Google's new phone"
    if lead is not None and lead["subject"] not in _NOT_SUBJECTS and not possessive and not (
            lead["subject"].startswith("The ") and len(words) > 3
            and not _is_verb(words[len(lead["subject"].split())])):  # "The January transfer window"
        return lead["subject"]
    if words and (words[0] in _DETERMINERS or possessive):
        for n in range(2, min(9, len(words) - 1)):  # the shortest noun phrase before a verb
            if (_is_verb(words[n]) or words[n - 1].endswith(",")  # (or an aside: "The mill, built in")
                    or (words[n].endswith("s") and words[n + 1] in _PREPOSITIONS)):  # "... window opens on"
                subject = " ".join(words[:n]).rstrip(",")
                return subject if _WORDS_ONLY.fullmatch(subject) else None
    return None


_PREPOSITIONS = frozenset("on in at by from until till before after".split())


def _is_verb(word: str) -> bool:
    """A word that is (most likely) a finite verb in the past tense or an auxiliary (not an
    adjective such as "estimated earnings")."""
    return (word in _ACTIVE_VERBS or (word.endswith("ed") and word not in _ED_ADJECTIVES)
            or word in ("was", "were", "had", "has", "have", "is", "are") or word in _AUXILIARIES)


_ED_ADJECTIVES = frozenset("estimated expected projected revised adjusted proposed planned increased reduced "
                           "combined related limited detailed unexpected unprecedented renewed armed "
                           "united advanced".split())


def _item(gap: re.Match[str] | None) -> str:
    return gap["item"].strip() if gap else ""


def listed_clause(sentence: str, spans: list[tuple[int, int]], k: int) -> tuple[str, str] | None:
    """The clause of the ``k``-th date of ``spans`` (a sentence's temporal expressions, offsets
    relative to it) when it is one of dates listed for one clause, each with an item of its
    own, commas between them and "and" (or "or") before the last ("adding Greece and Turkey in
    1952, West Germany in 1955 and Spain in 1982": "adding West Germany" for 1955); None when
    it is not in such a list. The clause comes as the words before the date and after it."""
    # between[i]: what lies between the dates i - 1 and i, when it may join a list (each once)
    # ("won twice this season, and Saturday's defeat proved ...": a possessive date is no item)
    between = [None] + [None if sentence.startswith(("'s", "’s"), spans[i][1])
                        else _LIST_GAP.fullmatch(sentence, spans[i - 1][1], spans[i][0])
                        for i in range(1, len(spans))]
    first, last = k, k
    while first > 0 and between[first]:
        first -= 1
    while last + 1 < len(spans) and between[last + 1]:
        last += 1
    # "48 cases last month, up from 31 in April and 12 in March": the list is the dates whose
    # items are list items (April and March), not the one before them
    while first < k and (item := _item(between[first + 1])) and not _LIST_ITEM.match(item):
        first += 1
    head = sentence[:spans[first][0]]
    if last == first:
        return None
    gaps = [g for g in between[first + 1:last + 1] if g]
    joined = [bool(_LIST_CONJUNCTION.search(g.group(0))) for g in gaps]
    if joined != [False] * (len(joined) - 1) + [True]:
        return None  # "and" joins the last one only: a list, not clauses in a row
    items = [_item(g) for g in gaps]
    if not any(items) and len(items) < 2 and any(_LIST_PREPOSITION.search(g.group(0)) for g in gaps):
        return None  # "ran low in December, and on the 16th fifteen set out": a clause of its own
    if not all(not item or _LIST_ITEM.match(item) for item in items):
        return None
    head = _LIST_PREPOSITION.sub("", head).rstrip(" ,")
    if first > 0:  # "were top at Christmas but lost four games in February and March"
        earlier = spans[first - 1]
        if joins := list(_NEXT_CLAUSE.finditer(head, earlier[1])):
            head = head[joins[-1].end():]
        elif len(head[earlier[1]:].split()) >= 3:
            head = _without(head, earlier)
    # what follows the list is its clause's ("aroused in the late 1980s and early 1990s
    # remains"), up to a dash; after a list of predicates, the last one's only
    tail = sentence[spans[last][1]:]
    if dash := _TAIL_BREAK.search(tail):
        tail = tail[:dash.start()]
    predicates = any(item and item[0].islower() and not _PLACE_ITEM.match(item) for item in items)
    if predicates and k < last:
        tail = ""
    item = items[k - first - 1] if k > first else ""
    if not item:
        return head, tail  # the first, or "won the cup in 1998, 2003 and 2011": the clause
    if _PLACE_ITEM.match(item):  # "opened stores in Paris in 2010, in Berlin in 2012"
        trailing = _TRAILING_PLACE.search(head)
        if trailing is None:
            return f"{head} {item}", tail
    elif item[0].isupper():
        trailing = _TRAILING_NAMES.search(head)
    elif item[0].isdigit() or item[0] in "$£€":
        trailing = _TRAILING_FIGURES.search(head)
    else:  # a predicate: "born in 1950, married in 1975": the subject and this one
        subject = _SUBJECT_END.search(head)
        if subject is None:  # "She fell ill in the summer of 1852 and died that November"
            lead = _leading_subject(head)
            return (f"{lead} {item}", tail) if lead else None
        # "was indicted in 2014 and convicted in 2015": the passive goes on ("was convicted"),
        # but not to a verb of its own ("was born in 1950 and died in 2001")
        passive = subject.group(1).lower() in ("was", "were") and item.split()[0] not in _ACTIVE_VERBS
        return f"{head[:subject.start()]} {subject.group(1) + ' ' if passive else ''}{item}", tail
    return (f"{head[:trailing.start()]}{item}", tail) if trailing else None


def _attributed(sentence: str, said: re.Match[str], others: list[tuple[int, int]]) -> str:
    """"A storm will sweep in from Friday night, forecasters said on Thursday": for the date of
    the statement, "A storm will sweep in, forecasters said" (the statement without its dates)."""
    main = sentence[:said.start()]
    for span in sorted(others, reverse=True):
        if span[1] <= len(main):
            main = _without(main, span)
    main = _LEAD.sub("", _DATELINE.sub("", " ".join(main.split()))).strip(" ,;:-–—")
    if dangling := _dangling_preposition(main):
        main = main[:dangling.start()].rstrip(" ,;:")
    if len(main.split()) < 2:
        return ""
    return f"{main}, {said['who']}{said['verb']}"


def make_title(sentence: str, date_start: int, date_end: int, limit: int = TITLE_LIMIT,
               next_date: int | None = None, previous: tuple[int, int] | None = None,
               listed: tuple[str, str] | None = None, others: list[tuple[int, int]] | None = None) -> str:
    """A short readable clause from ``sentence`` without its date phrase (offsets relative);
    ``next_date``: where the sentence's next dated expression starts, whose clause is not
    this one's ("approved the contract last August, and crews began work in September");
    ``previous``: the span of the temporal expression before it in the sentence, whose
    clause is not this one's either ("In the spring he resigned, and by 1923 he had moved");
    ``listed``: the clause of a date listed with others (see :func:`listed_clause`);
    ``others``: the spans of the sentence's other temporal expressions."""
    if sentence[date_end:date_end + 1] == " " and (tail := _DATE_TAIL_NOUN.match(sentence, date_end)):
        date_end = tail.end()  # "until the Easter holidays", "over the Christmas break"
    before, after = sentence[:date_start], sentence[date_end:]
    if after.startswith(",") and _OPENING_REMNANT.fullmatch(before):
        before, after = "", after[1:]  # "In the hot summer of 1858, the smell ...": the date's adjective
    if (after.startswith(",") and "," in before and (when := _WHEN_OPENING.match(before)) is not None
            and "," in when["clause"]):
        # "When the Soviet Union blocked all road, rail and canal access on 24 June 1948, the
        # Allies began ...": a when-clause too long to carry its main clause (cut at its own
        # commas, it would lose its subject) is what the date states
        return _finished(when["clause"], sentence, limit)
    if after.startswith(", ") and (named := _DAY_NAMED_AFTER.match(after)) is not None:
        after = ", " + after[named.end():]  # "On 16 April, the so-called Easter Parade, nearly ..."
    if after.startswith(", when ") and before.endswith("since ") and (told := _WHEN_TOLD.match(after)):
        # "their first home win since August 30, when they beat Yeovil 3-0": what that day saw
        return _finished(told["clause"], sentence, limit)
    if ((said := _at_end(_ATTRIBUTION_BEFORE, before, 90)) and _ATTRIBUTED_END.match(after)
            and (statement := _attributed(sentence, said, others or []))):
        return _finished(statement, sentence, limit)
    if ("ccording" in before and (source := _ACCORDING_TO_PUBLISHED.search(before))
            and _CLAUSE_ENDS.match(after) and source.start() > 20):
        # "Walkers were less likely to ..., according to a study published on Monday": what
        # the study found is the news of its day
        before, after = before[:source.start()], ""
    if (" that " in before and (said_that := _SAID_THAT.search(before))
            and len(before) - said_that.end() > 12):
        # "Acme said on Monday that Lin would become chief executive from 1 January": what was
        # said is the event of its date (blanked: offsets stay)
        before = " " * said_that.end() + before[said_that.end():]
    if (dateline := _DATELINE.match(before)) is not None:  # the wire's, not the event's
        before = " " * dateline.end() + before[dateline.end():]  # (offsets stay)
    if ((_ATTRIBUTIVE_DATE_BEFORE.search(before, max(0, len(before) - 8))
          and (more := _YEAR_LIST_AFTER.match(after)) and _NOUN_AFTER_DATE.match(after, more.end()))
         or (before.endswith((" and ", " or ", " & ", "and ", ", "))
             and _YEAR_LIST_BEFORE.search(before, max(0, len(before) - 40))
             and _NOUN_AFTER_DATE.match(after))):
        # "during the 2003 and 2019 heatwaves": the years name the heatwaves
        before, listed, next_date, previous = sentence[:date_end], None, None, None
    elif (before.endswith(("'s ", "’s ")) and _FESTIVAL_NAME.fullmatch(sentence, date_start, date_end)
          and _OWNED_NAME.search(before, max(0, len(before) - 30))):
        before = sentence[:date_end]  # "Edinburgh's Hogmanay will run": a festival's name
    elif _ATTRIBUTIVE_DATE_BEFORE.search(before, max(0, len(before) - 8)) and (
            _NOUN_AFTER_DATE.match(after) or (_CLOCK_NOUN.fullmatch(sentence, date_start, date_end)
                                              and _SERVICE_AFTER.match(after))):
        # "went 15-2 in the 2024 season": the date names the season; "The 5.30pm from Cowes is
        # running late": the clock time names a sailing
        before = sentence[:date_end]
    elif (("ahead" in before[-24:] or "-up" in before[-24:])
          and _AHEAD_OF_BEFORE.search(before, max(0, len(before) - 24))
          and not after.startswith(("'s", "’s"))):
        before = sentence[:date_end]  # "Retailers were mixed ahead of Black Friday": done before it
    if listed is not None:
        (before, after), next_date, previous = listed, None, None
        before = _ATTRIBUTION_LEAD.sub("", before)
    if next_date is not None and _DATE_LIST_JOIN.fullmatch(sentence, date_end, next_date):
        after = ""  # "damaged twice, in 1941 and again in 1944": the list is not the clause
    elif next_date is not None and _NEXT_PREDICATE.match(sentence, date_end, next_date):
        after = ""
    elif next_date is not None and (later := _later_predicate(sentence, date_end, next_date)):
        after = sentence[date_end:later.start()]  # "in the 2024 season and reached ... in January"
    elif (next_date is not None and (later := _PREDICATE_JOIN.search(sentence, date_end, next_date))
          and later[1] not in _NOT_BARE_VERBS and _SUBJECT_MODAL.match(_LEAD.sub("", before))):
        after = sentence[date_end:later.start()]  # "will close over Christmas and reopen in January"
    elif next_date is not None and (join := _NEXT_CLAUSE.search(sentence, date_end, next_date)):
        after = sentence[date_end:join.start()]
    elif next_date is not None and (sub := _SUBORDINATE.search(sentence, date_end, next_date)):
        after = sentence[date_end:sub.start()]  # "into next week before milder air arrives by"
    elif (join := _NEXT_CLAUSE.search(sentence, date_end)) and _OWN_SUBJECT_AFTER.match(sentence, join.end()):
        after = sentence[date_end:join.start()]  # "on 14 October, and Microsoft's PCs arrive"
    if (previous is not None and _DATE_LIST_JOIN.fullmatch(sentence, previous[1], date_start)
            and (predicate := _PREDICATE_AFTER.match(after))
            and (predicate[1] in _ACTIVE_VERBS or predicate[1].endswith("ed"))
            and (subject := _leading_subject(_LEAD.sub("", sentence[:previous[0]])))):
        before = subject  # "He visited Rome in May, and in June moved to Paris": "He moved"
    elif previous is not None and _DATE_LIST_JOIN.fullmatch(sentence, previous[1], date_start):
        # the second date of a list: the clause before it, unless the date opens a clause of
        # its own ("... on the Monday after, and on the first of May she took the train")
        before = "" if (_OWN_SUBJECT_AFTER.match(after) or after.startswith(("'s ", "’s "))) \
            else sentence[:previous[0]]  # ("..., and Saturday's defeat proved": its own subject)
    elif (previous is not None and _ASIDE_CLOSED_BEFORE.fullmatch(sentence, previous[1], date_start)
          and (opening := sentence.rfind(", ", 0, previous[0])) > 0
          and _PARTICIPLE_ASIDE_OPEN.match(sentence, opening)):
        # "would resume its service, suspended since January, from 2 April": the clause the aside
        # interrupts
        before = sentence[:opening] + sentence[previous[1]:date_start].lstrip(",")
    elif (previous is not None and (", who " in sentence or ", which " in sentence or ", whom " in sentence)
          and (aside := _WHO_ASIDE.search(sentence, 0, previous[0]))
          and (closed := _ASIDE_CLOSED_BY_VERB.match(sentence, previous[1], date_start))):
        # "Tom Reilly, who will step down in July 2027, said the group had connected ... since
        # April": the aside's subject says it
        before = f"{sentence[:aside.start()]} {sentence[closed.end():date_start]}"
    elif (previous is not None and (aside := _PARTICIPLE_ASIDE.search(sentence, 0, previous[0]))
          and (closed := _ASIDE_CLOSED_BY_AUXILIARY.match(sentence, previous[1], date_start))):
        # "Comet K1, discovered in Chile in May last year, will pass closest to Earth next
        # Tuesday": the aside's subject does
        before = f"{sentence[:aside.start()]} {sentence[closed.end():date_start]}"
    elif previous is not None:
        joins = list(_NEXT_CLAUSE.finditer(sentence, previous[1], date_start))
        if joins:
            before = sentence[joins[-1].end():date_start]
            first_word = next(iter(before.split(None, 1)), "")
            if (_is_verb(first_word)
                    and (subject := _leading_subject(_LEAD.sub("", sentence[:previous[0]])))):
                before = f"{subject} {before}"  # "She graduated in 1957, ..., and spent the 1960s"
            elif (joins[-1].group().rstrip().endswith("and") and first_word.isalpha()
                  and first_word.islower() and first_word not in _NOT_BARE_VERBS
                  and (modal := _SUBJECT_MODAL.match(_LEAD.sub("", sentence[:previous[0]])))):
                # "Collections will pause over winter, from 7 December, and restart on 1 March"
                before = f"{modal['subject']} {modal['modal']} {before}"
            if _RELATIVE_START.match(before) and after.lstrip().startswith(","):
                after = ""  # "..., which ended Sept. 30, rose 14%": the clause ends at its comma
        elif (_PREVIOUS_ONLY.fullmatch(sentence, previous[1], date_start)
              and not _LEAD.sub("", sentence[:previous[0]])):
            before = ""  # "Years later, in 1950, he told the story": one setting of the scene
        elif own := _own_clause(sentence, previous[1], date_start):
            before = sentence[own:date_start]  # "called at 11.40pm and the blaze was out by 3am"
        elif subordinate := list(_SUBORDINATE.finditer(sentence, previous[1], date_start)):
            before = sentence[subordinate[-1].end():date_start]  # "... before milder air arrives by"
        elif ((joined := _later_predicate(sentence, previous[1], date_start))
              and (subject := _who_antecedent(sentence, previous[0])
                   or _reported_subject(sentence, previous[0])
                   or _leading_subject(_LEAD.sub("", sentence[:previous[0]])))):
            # "She left last Tuesday and will return on the 3rd": "She will return"; "went 15-2
            # in the 2024 season and reached the title game in January": "Detroit reached ..."
            before = f"{subject} {sentence[joined.start(1):date_start]}"
        elif ((joined := _PREDICATE_JOIN.search(sentence, previous[1], date_start))
              and joined[1] not in _NOT_BARE_VERBS
              and (modal := _SUBJECT_MODAL.match(_LEAD.sub("", sentence[:previous[0]])))):
            # "Work will start in the spring and finish by the end of 2025": "Work will finish"
            before = f"{modal['subject']} {modal['modal']} {sentence[joined.start(1):date_start]}"
        elif len(sentence[previous[1]:date_start].split()) >= 3 and not (
                (_ATTRIBUTIVE_DATE_BEFORE.search(sentence, max(0, previous[0] - 6), previous[0])
                 and _NOUN_AFTER_DATE.match(sentence, previous[1]))
                or (previous[0] == 0 and (_SUBJECT_VERB.match(sentence, previous[1])
                                          or _NOUN_AFTER_OPENING_DATE.match(sentence, previous[1])))):
            # "Acme said on Wednesday it would cut jobs by March": not this event's date (a
            # date close by may be bound to it: "the quarter ended Sept. 30"); one that names
            # a thing stays ("Tickets for the Boxing Day fixtures go on sale on Tuesday")
            before = _without(before, previous)
    if (previous is not None and _OPENING_PARTICIPLE.match(sentence)
            and previous[1] <= sentence.find(",") < date_start and before.find(",") >= 0):
        # "Built c.1890, this terrace was fully renovated in 2021": the opening phrase is the
        # other date's
        before = before[before.find(",") + 1:]
    if "spen" in before and _SPENT_BEFORE.search(before, max(0, len(before) - 50)):
        before += sentence[date_start:date_end]  # "She spent most of the 1960s in Boston"
    elif "ith" in before[-6:] and _WITH_BEFORE.search(before, max(0, len(before) - 20)):
        before += sentence[date_start:date_end]  # "The season overlaps with Hanukkah"
    if _CONCESSIVE_OPEN.match(before) and after.lstrip().startswith(","):
        after = ""  # "Though she kept an office there until last spring, she left": the clause is hers
    if (_last_word(before) in _SUBORDINATORS and _at_end(_SUBORDINATOR_BEFORE, before)
            and _NOUN_PHRASE_AFTER.match(after)):
        before = ""  # "..., after third-quarter sales fell 12%": that clause is the event
    if (opener := _at_end(_RELATIVE_OPENER, before)) and (rest := _ASIDE_REST.match(after)):
        before, after = before[:opener.start()], f" {rest[1]}"  # "Doyle, who yesterday trimmed ..., said"
    elif (after[:1] == "," and ", who " not in before and ", which " not in before
          and ((opened := sentence.rfind(", who ", 0, date_start)) >= 0
               or (opened := sentence.rfind(", which ", 0, date_start)) >= 0)
          and "," not in sentence[opened + 1:date_start]):
        after = ""  # "Ellis, who ran it from 1962 until it closed in 2002, died ...": the aside ends
    if after.startswith(" (") and (restated := _DAY_RESTATED.match(after)):
        after = after[restated.end():]  # "missing since Thursday evening (19th)"
    if after.lstrip()[:1] == "," and (_DATE_APPOSITIVE.match(after) or (
            _SPAN_APPOSITIVE.match(after) and len(before.split()) >= 3)):
        after = ""  # "at 4:17 a.m., the time the first quake hit": more of the date, no event
    if next_date is not None and after == sentence[date_end:] and (
            following := next((span for span in others or [] if span[0] == next_date), None)) and (
            not after[following[1] - date_end:].strip(" .,;:!?\"”'’)")):
        # "will pay its dividend on December 26 to shareholders of record on December 4": the
        # last date of the sentence is not this one's
        after = _without(after, (following[0] - date_end, following[1] - date_end)).rstrip(" .,;:!?")
        if compared := _COMPARED_TAIL_AFTER.search(after):
            after = after[:compared.start()]  # "in 12 games this season, 3 more than [last season]"
        after = _DANGLING_AFTER.sub("", after)
    if possessive := _POSSESSIVE_AFTER.match(after):
        # "who won last Tuesday's election, named ...": "who won the election" (a date's
        # "'s" would be left hanging)
        before = f"{before.rstrip()} the {possessive['noun']}"
        after = after[possessive.end():]
    # "Ada King (born 10 May 1815 in London"
    if "(" in before and (lifespan := _LIFESPAN_BEFORE.match(before)):
        verb = {"b.": "born", "d.": "died"}.get(lifespan["verb"].lower(), lifespan["verb"].lower())
        passive = "was " if _PASSIVE_PARTICIPLE.match(verb) or verb in ("published", "released") else ""
        before = f"{lifespan['subject']} {passive}{verb}"
        after = _LIFESPAN_AFTER.match(after).group(0)  # type: ignore[union-attr]
    if ((verb := _BORN_OR_DIED_BEFORE.search(sentence, max(0, date_start - 12), date_start))
            and (line := _OBITUARY_LINE.match(sentence.strip().rstrip(".")))):
        before, after = f"{line['name']} {'was born' if verb['verb'] == 'born' else 'died'}", ""
    elif (" and " in sentence and (participial := _PARTICIPLES_OPENING.match(sentence))
          and date_end <= participial.end("phrase")
          and (participles := _PARTICIPLE_WORD.findall(sentence, 0, date_start))):
        # "Built in the 1930s and extended in 2012, this house has ...": "This house was extended"
        subject = participial["subject"][0].upper() + participial["subject"][1:]
        before, after = f"{subject} was {participles[-1].lower()}", ""
    elif (_OPENING_PARTICIPLE.match(before) and after.lstrip().startswith(",")
            and len(_DANGLING_PREP.sub("", before).split()) > 1):
        after = ""  # "Born in Leeds on 2 May 1930, the daughter of a teacher, she ...": "Born in Leeds"
    elif (_OPENING_PARTICIPLE.match(before) and len(_DANGLING_PREP.sub("", before).split()) == 1
          and (named := _SUBJECT_AFTER_COMMA.match(after))):
        # "Founded in 2009, Acme employs 4,200 people": "Acme was founded"
        participle = _DANGLING_PREP.sub("", before).strip().lower()
        place = f" {named['place'].rstrip(' ,')}" if named["place"] else ""
        subject = named["subject"][0].upper() + named["subject"][1:]
        before, after = f"{subject} was {participle}{place}", ""
    elif _OPENING_OCCASION.match(before) and (main := _MAIN_CLAUSE_AFTER.match(after)):
        clause = after[main.end():]
        before, after = "", clause[0].upper() + clause[1:]  # "Speaking on Monday, the minister said"
    if _CLEFT_BEFORE.match(before) and (cleft := _CLEFT_AFTER.match(after)):
        before, after = "", after[cleft.end():]  # "It was in 1952 that Mara saw the sea"
    if not before.strip(" \"“'‘(") and _SUBJECT_VERB.match(after):
        # "This month is a rough reminder": the date is the subject, the clause needs it (up
        # to the next clause with a date of its own: "..., and the term starts on 5 January")
        before, after = "", sentence
        if next_date is not None and (join := _NEXT_CLAUSE.search(sentence, date_end, next_date)):
            after = sentence[:join.start()]
    elif (before.rstrip().endswith(("\"", "“", "‘")) and _QUOTE_OPENED_BEFORE.search(before)
          and _SUBJECT_VERB.match(after)):
        # 'Sarah Kent said: "Thursday will start dry for most': the quote, the date its subject
        before, after = "", sentence[date_start:]
    elif (_reporting_verb_before(before) and _NOUN_DATE.fullmatch(sentence, date_start, date_end)
          and (_SUBJECT_VERB.match(after) or _MODAL_AFTER.match(after))):
        # "Officials warn this winter could be the worst": the reported clause's subject
        before = sentence[:date_end]
    elif _SCENE_BEFORE.fullmatch(before) and (scene := _SCENE_AFTER.match(sentence, date_end)):
        before, after = "", sentence[scene.end():]  # "It was the summer of 1969, and the heat lay ..."
    elif (_at_end(_CLAUSE_OPENING_BEFORE, before) and _OWN_SUBJECT_AFTER.match(after)) or (
            ": " in before[-12:] and _OWN_SUBJECT_AFTER_COLON.match(after)
            and _at_end(_COLON_CLAUSE_BEFORE, before, 40)):
        before = ""  # "..., and on Sunday they went to church": the date opens a clause of its own
    # a semicolon joins two sentences: the date's is the title
    before = before[before.rfind("; ") + 2:] if "; " in before else before
    after = after[:after.find("; ")] if "; " in after else after
    # the date ends an aside, perhaps, or a few words after it do ("founded in 1954 in Ohio,")
    aside_end = _ASIDE_END.match(after)
    if (before.strip() and "," in after and (said := _ATTRIBUTION_AFTER.match(after))
            and not _REPORTED_CLAUSE.match(after, said.end())):
        after = after[:said.start("said")]  # "made landfall on Wednesday, officials said on ..."
    heading = before.rstrip().endswith(":")  # "Jazz night: Friday, 7.30pm, The Old Library"
    before = before.rstrip(" ,;:")
    if (before[-6:].lower().endswith(_POSSESSIVES)
            and (_CLAUSE_ENDS.match(sentence, date_end) or _VERB_AFTER_DATE.match(sentence, date_end))
            and (owner := _at_end(_DANGLING_POSSESSIVE, before))):
        # (or before the verb: "earnings for its [fourth quarter ended Sept. 30] fell 50%")
        before = before[:owner.start()]  # "revenue of $57 billion for its [third quarter]"
    if dangling := _dangling_preposition(before):
        before = before[:dangling.start()].rstrip(" ,;:")
        if before.endswith((" for", " to")) and (dangling := _dangling_preposition(before)):
            before = before[:dangling.start()].rstrip(" ,;:")  # "targeted for no earlier than"
        if before.endswith(("event", "case", "latest", "rate")):  # "..., and in any event [by 9 May]"
            before = _ADVERBIAL_TAIL.sub("", before)
        if before.endswith(("\"", "“")) and (before.count("\"") + before.count("“")) % 2:
            # 'lines "for a good part of 1990."': the quote it opened goes, and the one closing it
            before = before[:-1].rstrip()
            after = _QUOTE_CLOSED.sub("", after, count=1)
        if before.endswith(("starting", "beginning")):  # "a trial, starting in [the autumn]"
            before = before[:before.rfind(" ")].rstrip(" ,;:")
    if ((not after.strip(" ,.;:!?\"”'") or _CONJUNCTION_AFTER.match(after))
            and before.endswith(_COPULA_ENDS) and (copula := _at_end(_DANGLING_COPULA, before))):
        # "The last time turnout topped 65% was in 1908", "the concert is tomorrow and ..."
        before, after = before[:copula.start()], ""
    aside = _ASIDE.search(before, max(0, len(before) - 120)) if "," in before else None  # (≤ ~100 long)
    if aside and aside_end:
        # "Early voting, which began on Oct. 21, drew record turnout": the date belongs to the
        # aside, so the title is its subject and the aside ("Early voting began")
        subject, clause = before[:aside.start()], aside["clause"] or aside["clause2"] or aside["whose"]
        subject = _LEADING_PREPOSITION.sub("", subject)  # "During the winter timetable, which started"
        if aside["clause"] and (last_joint := _LAST_JOINT.search(subject)) is not None:
            subject = subject[last_joint.end():]  # "slow as mortgage rates, which peaked": "mortgage rates"
        subject = _AGE_ASIDE_END.sub("", subject)  # "Khan, 19, who signed in the summer": "Khan signed"
        if aside["whose"]:  # "Aoife Kelly, whose debut won at Cannes in 2022, shot ...": "Kelly's debut"
            subject = f"{subject.rstrip()}'s"
        elif not aside["clause"] and (_PASSIVE_PARTICIPLE.match(clause) or (
                _AHEAD_ASIDE.match(clause) and len(subject.split()) <= AHEAD_SUBJECT_WORDS)):
            # "The company was founded", "Version 5.0 is due" (not "The team plans a trial is due")
            plural = re.search(r"[^s]s$", subject.strip()) is not None and not subject.istitle()
            ahead = _AHEAD_ASIDE.match(clause) is not None
            clause = f"{('are' if plural else 'is') if ahead else ('were' if plural else 'was')} {clause}"
        if (aside["clause"] and _CLAUSE_SUBJECT.match(clause) and len(clause.split()) <= 4
                and (thing := _object_of(subject)) is not None):
            # "survived by his wife, Margaret, whom he married in 1962, and ...": "He married
            # Margaret"; "The treaty, which the two presidents signed in 2019, expired": "The two
            # presidents signed the treaty"
            before, after = f"{clause} {thing}", ""
        else:
            before, after = f"{subject} {clause}", aside_end[1]
    # "The bridge, which opened in 1968, was last rehabilitated in ...": the subject and the
    # verb without the aside between them
    if "," in before and (relative := (_RELATIVE_ASIDE.match(before) or _APPOSITIVE.match(before)
                                       or _NAMES_BETWEEN.match(before))):
        before = f"{relative['subject'].replace(',', '')} {relative['rest']}"
    if ((" that " in before or " which " in before or " who " in before)
            and not after.strip(" ,.;:!?\"”'") and (restrictive := _at_end(_RESTRICTIVE_RELATIVE, before))
            and (restrictive.start() > 12 or restrictive["bare"])):
        # "drops the legacy API that was deprecated in 2024": "The legacy API was deprecated"
        before = f"{restrictive['noun'] or restrictive['bare']} {restrictive['clause']}"
    elif ("since " in before and not after.strip(" ,.;:!?\"”'")
          and (since := _at_end(_SINCE_CLAUSE, before)) is not None and since.start() > 0):
        # "the union's first walkout since the dispute over pay began in March": what began then
        before = since["clause"]
    if ((", who " in before or ", which " in before or ", whom " in before) and "," not in after
            and (opener := _LAST_RELATIVE.search(before)) and opener.start() > 12
            and (before.startswith(", which", opener.start())
                 or _WHO_ANTECEDENT.search(before, 0, opener.start()))):
        # "She married William King, who became mayor in 1990": the clause of the date (its
        # antecedent is put back when the title is finished)
        before = before[opener.start() + 2:]
    # Keep the clause the date belongs to: cut at clause boundaries far from the date.
    if len(before) > limit * 0.6 and (listed is None or len(before) > limit):
        cut = max(before.rfind(", "), before.rfind("; "), before.rfind(": "), before.rfind(" – "))
        if (cut > 0 and len(before) - cut > 20 and not _QUOTED_APPOSITIVE.match(before, cut + 2)
                and not _AMOUNT_RESTATED.match(before, cut + 2)):
            before = _WITH_CLAUSE.sub("", before[cut + 2:])
    if after.startswith(", which ") and _DATE_DESCRIBED.match(after):
        after = ""  # "until 31 January 2027, which is also when any tax must be paid": of the date
    if after.lstrip().startswith(",") and "that" in before[-24:] and _at_end(_REPORTED_THAT_OPEN, before, 60):
        before, after = "", after.lstrip()[1:]  # what the court heard is what happened then
    # "will move in on Saturday, bringing gusts": the comma stays, where a long title is cut
    joint = ", " if (after.lstrip().startswith(",") and (len(before.split()) >= 3 or heading)
                     and not _ASIDE_OPENED.search(sentence, 0, date_start)
                     and not _PLACE_AFTER_COMMA.match(after)) else " "
    text = f"{before}{joint}{after.lstrip(' ,;:')}" if after.strip(" ,.;:") else before
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub("", text)  # "Ada King ( ) was": a lifespan
        text = _BRACKET_OPENED_GAP.sub(r"\1", text)  # "(12.30pm, live on BBC Alba)": "(live on ..."
    if '"' in text or "“" in text:
        text = _EMPTY_QUOTES.sub("", text)  # 'hoped to reach a deal "before the summer,"'
    return _finished(text, sentence, limit)


# "..., with temperatures expected to fall": after the comma, the clause is "temperatures ..."
_WITH_CLAUSE = re.compile(r"^with\s+(?=(?:the\s+|its\s+|their\s+)?[a-z]+\s+"
                          r"(?:[a-z]+ed|expected|set|due|[a-z]+ing)\b)")
_MARKDOWN = re.compile(r"\*\*|__|^#+\s")  # strong emphasis, a heading's marks
_MARKS_RUN = re.compile(r"\s*([!?])[!?]*(?=\s|$)")
_SPACE_BEFORE_CLOSING_QUOTE = re.compile(r"(?<=\w)\s+([\"”])(?=[\s,.;:!?]|$)")


_SINGLE_CLOSING = re.compile(r"(?<=[A-Za-z])(?<![sS])['’](?=[\s,.;:!?]|$)")  # not "the players' union"
_SINGLE_OPENING = re.compile(r"(?:^|(?<=\s))['‘](?=\w)")


def _balanced_quotes(text: str) -> str:
    """Without a closing quote whose opening one went with the date ('"Twenty years ago nobody
    believed it," she said': 'Nobody believed it, she said')."""
    if text.count('"') % 2:
        first, last = text.find('"'), text.rfind('"')
        if first > 0 and not text[first - 1].isspace():  # a closing one first: 'north," said'
            text = text[:first] + text[first + 1:]
        elif (last + 1 < len(text) and not text[last + 1].isspace()
              and (last == 0 or text[last - 1].isspace())):
            text = text[:last] + text[last + 1:]  # an opening one last: 'said that "the'

    if (close := _SINGLE_CLOSING.search(text)) and not _SINGLE_OPENING.search(text, 0, close.start()):
        text = text[:close.start()] + text[close.end():]  # "'The Long Winter' opens": its opening went
    if text.count("”") > text.count("“"):
        at = text.find("”")
        if "“" not in text[:at]:
            text = text[:at] + text[at + 1:]
    text = " ".join(text.replace(" ,", ",").split())
    for space in reversed(list(_SPACE_BEFORE_CLOSING_QUOTE.finditer(text))):
        if text.count('"', 0, space.start()) % 2 or space[1] == "”":  # it closes a quote
            text = text[:space.start()] + text[space.start(1):]
    return text


def _balanced_brackets(text: str) -> str:
    """Without a bracket whose partner went with the date ("[3.2.0] - 2026-11-18": "3.2.0")."""
    for opening, closing in ("()", "[]"):
        if text.count(closing) > text.count(opening) and opening not in text[:text.find(closing)]:
            at = text.find(closing)
            text = text[:at] + text[at + 1:]
        elif text.count(opening) > text.count(closing) and closing not in text[text.rfind(opening):]:
            at = text.rfind(opening)
            text = text[:at] + text[at + 1:]
    return text


def _finished(text: str, sentence: str, limit: int) -> str:
    """The title cleaned up (leads, a relative clause's antecedent) and cut to ``limit``."""
    text = " ".join(text.split()).replace(" .", ".")  # "normal as of 5am. Thanks": "normal. Thanks"
    if " -," in text or " –," in text:
        text = text.replace(" -,", ",").replace(" –,", ",")  # "The Lathums - [Fri 4 Dec], O2 Academy"
    if "**" in text or "__" in text or text.startswith("#"):
        text = _MARKDOWN.sub("", text)  # "- **2026-06-01**: beta opened": "beta opened"
    if "[" in text:
        text = _FOOTNOTE_MARK.sub("", text)  # "designed by John Rennie.[1]"
    if "(" in text and ":" in text:
        text = _TICKER.sub("", text)  # "Greenfield Foods, Inc. (NASDAQ: GRNF) announced"
    if "(" in text:
        text = _EMPTIED_BRACKETS.sub("", text)  # "Stir-up Sunday (this year [on 22 November])"
    if "|" in text:  # a table's row: "| | Rev. John Ashdown |" (its year was the first cell)
        text = " | ".join(cell.strip() for cell in text.split("|") if cell.strip())
    text = _LEAD.sub("", _ATTRIBUTION_LEAD.sub("", _DATELINE.sub("", text))).strip(" ,;:-–—")
    if relative := _RELATIVE_START.match(text):
        text = _LEAD.sub("", _with_antecedent(sentence, text, relative.end()))
    if not text:
        text = " ".join(sentence.split())
    if '"' in text or "”" in text or "'" in text or "’" in text:
        text = _balanced_quotes(text)
    if "]" in text or ")" in text or "(" in text or "[" in text:
        text = _balanced_brackets(text).strip()
    if len(text) > limit and (appositive := _SUBJECT_APPOSITIVE.match(text)):
        text = text[:appositive.start(1)] + text[appositive.end(1):]  # "The lander, a version of X, must"
    if len(text) > limit:
        clause_end = [m.start() for m in re.finditer(r"[,;:–—]\s", text) if 30 <= m.start() <= limit
                      and text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]  # (not in brackets)
        if clause_end:
            text = text[:clause_end[-1]]
        else:
            text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    if ("from" in text or "ompared" in text) and (base := _FIGURE_BASE_TAIL.search(text)) \
            and base.start() > 20:
        text = text[:base.start()]  # "... rose to 41 tonnes, compared with 35 tonnes [last year]"
    if text.endswith(_PLANNED_WORDS) and (tail := _PLANNED_TAIL.search(text)) and tail.start() > 20:
        text = text[:tail.start()]  # "... a landing demonstration, now planned [for 2027]"
    if text[:4].lower() in ("when", "afte", "foll", "amid") and (
            when := _SUBORDINATE_ONLY.match(text)) is not None:
        text = text[when.end():]  # "..., when a goal settled the game in August": the clause alone
    if "!" in text or "?" in text:
        text = _MARKS_RUN.sub(r"\1", text)  # "the new season drops !!!"
    text = text.rstrip(" .,;:!")
    return text[0].upper() + text[1:] if text else text
